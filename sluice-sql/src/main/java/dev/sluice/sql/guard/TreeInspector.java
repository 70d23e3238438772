package dev.sluice.sql.guard;

import dev.sluice.sql.source.Dialect;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;

/**
 * Walks every object reachable from a parsed statement, not just what a visitor happens to cover: a
 * reflective, iterative (no recursion, so no stack overflow on deep trees) traversal of JSqlParser's
 * AST. Anything data-modifying, locking, denied or file-reaching anywhere in the tree refuses the whole
 * statement; every relation reference outside a CTE's scope is collected into {@code tablesRead}.
 */
final class TreeInspector {

    static final int MAX_NODES = 250_000;
    static final int MAX_LIST = 10_000;

    private static final Set<String> SHOW_KEYWORDS =
            Set.of("tables", "all", "databases", "schemas", "functions", "variables", "settings", "search_path");

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && isAstClass(c); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Class<?> t = f.getType();
                    if (Modifier.isStatic(f.getModifiers()) || t.isPrimitive() || t == String.class
                            || t.isEnum() || t.getName().startsWith("net.sf.jsqlparser.parser.")) {
                        continue;
                    }
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
            return List.copyOf(fields);
        }
    };

    private record Item(Object node, Set<String> ctes) {}

    private final DialectRules rules;
    private final Set<String> pathLikeQuoted;
    private final Set<String> tables = new LinkedHashSet<>();
    private final Set<Object> tableFunctionBodies = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Item> stack = new ArrayDeque<>();
    private Statement root;
    private int nodes;

    TreeInspector(DialectRules rules, List<SqlScanner.Token> tokens) {
        this.rules = rules;
        Set<String> quoted = new HashSet<>();
        for (SqlScanner.Token t : tokens) {
            if (t.kind() == SqlScanner.Kind.QUOTED && looksLikePath(t.text())) {
                quoted.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        this.pathLikeQuoted = quoted;
    }

    GuardVerdict inspect(Statement statement) {
        this.root = statement;
        if (!(statement instanceof Select || statement instanceof TableStatement || statement instanceof DescribeStatement
                || statement instanceof ExplainStatement || statement instanceof ShowStatement
                || statement instanceof ShowTablesStatement || statement instanceof ShowColumnsStatement
                || statement instanceof ShowIndexStatement)) {
            String verb = verbOf(statement);
            return GuardVerdict.refuse(GuardRule.NOT_A_QUERY, verb + " statements are not allowed: Sluice runs "
                    + "read-only queries only (SELECT, WITH, VALUES, SHOW, DESCRIBE, EXPLAIN). Rewrite it as a SELECT.");
        }
        if (statement instanceof ExplainStatement e && e.getOptions() != null
                && e.getOptions().keySet().stream().anyMatch(o -> o.name().startsWith("ANALY"))) {
            return GuardVerdict.refuse(GuardRule.EXPLAIN_ANALYZE, "EXPLAIN ANALYZE executes the statement: use EXPLAIN "
                    + "without ANALYZE to see the plan.");
        }
        if (statement instanceof ShowStatement show && rules.fileLikeTableNames() && show.getName() != null) {
            String name = unquote(show.getName()).toLowerCase(Locale.ROOT); // DuckDB: SHOW t is DESCRIBE t
            if (!SHOW_KEYWORDS.contains(name)) {
                tables.add(name);
            }
        }
        stack.push(new Item(statement, Set.of()));
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            GuardVerdict refusal = visit(item.node(), item.ctes());
            if (refusal != null) {
                return refusal;
            }
        }
        return GuardVerdict.allow(List.copyOf(tables));
    }

    private GuardVerdict visit(Object node, Set<String> ctes) {
        if (node == null || !seen.add(node)) {
            return null;
        }
        if (++nodes > MAX_NODES) {
            return GuardVerdict.refuse(GuardRule.TOO_COMPLEX, "The statement has more than " + MAX_NODES
                    + " syntax nodes: split it into smaller queries.");
        }
        if (node instanceof Collection<?> c) {
            if (c.size() > MAX_LIST) {
                return GuardVerdict.refuse(GuardRule.TOO_COMPLEX, "The statement has a list of " + c.size()
                        + " items (the limit is " + MAX_LIST + "): put the values in a table or use a range condition.");
            }
            List<Object> items = new ArrayList<>(c);
            for (int i = items.size() - 1; i >= 0; i--) {
                stack.push(new Item(items.get(i), ctes));
            }
            return null;
        }
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                stack.push(new Item(e.getKey(), ctes));
                stack.push(new Item(e.getValue(), ctes));
            }
            return null;
        }
        if (node instanceof Object[] array) {
            for (Object o : array) {
                stack.push(new Item(o, ctes));
            }
            return null;
        }
        if (!isAstClass(node.getClass())) {
            return null;
        }
        GuardVerdict refusal = check(node, ctes);
        if (refusal != null) {
            return refusal;
        }
        List<WithItem<?>> withItems = node instanceof Select select && select.getWithItemsList() != null
                ? select.getWithItemsList() : List.of();
        Set<String> bodyScope = withItems.isEmpty() ? ctes : bodyScope(withItems, ctes);
        boolean skipTables = node instanceof Column || node instanceof AllTableColumns;
        List<Field> fields = FIELDS.get(node.getClass());
        for (int i = fields.size() - 1; i >= 0; i--) {
            Field f = fields.get(i);
            if ((skipTables && f.getType() == Table.class) || (node instanceof Select && f.getName().equals("withItemsList"))) {
                continue;
            }
            Object child;
            try {
                child = f.get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
            if (child != null && !(child instanceof String) && !(child instanceof Number) && !(child instanceof Boolean)) {
                stack.push(new Item(child, bodyScope));
            }
        }
        pushWithItems(withItems, ctes); // on top: CTE bodies are walked first, so tablesRead follows the text
        return null;
    }

    private List<String> cteNames(List<WithItem<?>> items) {
        List<String> names = new ArrayList<>();
        for (WithItem<?> w : items) {
            names.add(w.getAlias() == null ? "" : fold(w.getAlias().getName()));
        }
        return names;
    }

    /**
     * An identifier as the engine resolves it: PostgreSQL folds unquoted names to lowercase and keeps
     * quoted ones exact (so {@code "Sales"} is not the CTE {@code sales}); DuckDB and Trino ignore case.
     */
    private String fold(String part) {
        String p = part.strip();
        boolean quoted = p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"");
        return quoted && rules.dialect() == Dialect.POSTGRES ? unquote(p) : unquote(p).toLowerCase(Locale.ROOT);
    }

    /** The names the main body of a WITH query sees: the outer CTEs and all of its own. */
    private Set<String> bodyScope(List<WithItem<?>> items, Set<String> outer) {
        Set<String> all = new HashSet<>(outer);
        all.addAll(cteNames(items));
        return Set.copyOf(all);
    }

    /**
     * Pushes the CTE bodies with the names each may see: the earlier CTEs of the same WITH, or all of
     * them under WITH RECURSIVE. A later CTE's name inside an earlier one is a real table.
     */
    private void pushWithItems(List<WithItem<?>> items, Set<String> outer) {
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        List<String> names = cteNames(items);
        for (int i = items.size() - 1; i >= 0; i--) {
            Set<String> visible = new HashSet<>(outer);
            visible.addAll(recursive ? names : names.subList(0, i));
            stack.push(new Item(items.get(i), Set.copyOf(visible)));
        }
    }

    private GuardVerdict check(Object node, Set<String> ctes) {
        if (node instanceof Statement s && node != root && !(node instanceof Select)) {
            return GuardVerdict.refuse(GuardRule.WRITE_IN_QUERY, "The query contains a " + verbOf(s) + " statement "
                    + "(in a CTE or subquery): data-modifying statements are not allowed anywhere in a query.");
        }
        if (node instanceof Select s && (s.getForMode() != null || s.getForUpdateTable() != null)) {
            return GuardVerdict.refuse(GuardRule.LOCKING_CLAUSE, "Row-locking clauses (FOR UPDATE / FOR SHARE) are "
                    + "not allowed in read-only queries: remove the FOR ... clause.");
        }
        if (node instanceof PlainSelect p
                && ((p.getIntoTables() != null && !p.getIntoTables().isEmpty()) || p.getIntoTempTable() != null)) {
            return GuardVerdict.refuse(GuardRule.SELECT_INTO, "SELECT ... INTO creates a table: remove the INTO clause "
                    + "and just SELECT the rows.");
        }
        if (node instanceof NextValExpression) {
            return GuardVerdict.refuse(GuardRule.DENIED_FUNCTION, "NEXT VALUE FOR advances a sequence: it has side "
                    + "effects and is not allowed.");
        }
        if (node instanceof TableFunction tf) {
            Function body = tf.getFunction();
            if (body != null) {
                tableFunctionBodies.add(body);
            }
            String name = functionName(body != null ? body : tf);
            GuardRule rule = rules.tableFunctionRule(name);
            return rule == null ? null : functionRefusal(rule, name, true);
        }
        if (node instanceof Function f && !tableFunctionBodies.contains(f)) {
            String name = functionName(f);
            GuardRule rule = rules.functionRule(name);
            return rule == null ? null : functionRefusal(rule, name, false);
        }
        if (node instanceof AnalyticExpression a && a.getName() != null) {
            String name = lastPart(a.getName());
            GuardRule rule = rules.functionRule(name);
            return rule == null ? null : functionRefusal(rule, name, false);
        }
        if (node instanceof Table t) {
            return relation(t, ctes);
        }
        return null;
    }

    private GuardVerdict relation(Table t, Set<String> ctes) {
        String written = t.getFullyQualifiedName();
        if (written == null || written.isBlank()) {
            return null;
        }
        List<String> rawParts = splitName(written);
        List<String> parts = new ArrayList<>();
        for (String p : rawParts) {
            parts.add(unquote(p).toLowerCase(Locale.ROOT));
        }
        String name = String.join(".", parts);
        if (written.startsWith("'") || written.startsWith("$")) {
            return GuardVerdict.refuse(GuardRule.FILE_ACCESS, "Reading a file or URL (" + written + ") is not allowed: "
                    + "query the tables of the source instead (list_tables shows them).");
        }
        if (rules.fileLikeTableNames() && (parts.stream().anyMatch(TreeInspector::looksLikePath)
                || pathLikeQuoted.stream().anyMatch(name::contains))) {
            return GuardVerdict.refuse(GuardRule.FILE_ACCESS, "The table name " + written + " looks like a file path or "
                    + "URL, which DuckDB would read from disk or the network: query the tables of the source instead.");
        }
        String last = parts.get(parts.size() - 1);
        if (rules.systemRelations().matches(last) || rules.systemRelations().matches(name)) {
            return GuardVerdict.refuse(GuardRule.SYSTEM_ACCESS, "Reading " + name + " is not allowed: it holds "
                    + "credentials, server configuration or other sessions' activity.");
        }
        if (!(parts.size() == 1 && ctes.contains(fold(rawParts.get(0))))) {
            tables.add(name);
        }
        return null;
    }

    private static GuardVerdict functionRefusal(GuardRule rule, String name, boolean inFrom) {
        String message = switch (rule) {
            case FILE_ACCESS -> "Function " + name + " is not allowed: it reads or writes files, URLs or other "
                    + "databases. Query the tables of the source instead.";
            case SYSTEM_ACCESS -> "Function " + name + " is not allowed: it exposes credentials, settings or server "
                    + "internals.";
            case DENIED_TABLE_FUNCTION -> "Table function " + name + " is not allowed in FROM: only a short list of "
                    + "set-returning functions (such as generate_series and unnest) is. Query tables instead.";
            default -> "Function " + name + " is not allowed: it has side effects or reaches outside the database"
                    + (inFrom ? "." : ". Remove the call.");
        };
        return GuardVerdict.refuse(rule, message);
    }

    static boolean isAstClass(Class<?> c) {
        String n = c.getName();
        return n.startsWith("net.sf.jsqlparser.") && !n.startsWith("net.sf.jsqlparser.parser.");
    }

    private static String functionName(Function f) {
        List<String> parts = f.getMultipartName();
        String raw = parts != null && !parts.isEmpty() ? parts.get(parts.size() - 1) : f.getName();
        return raw == null ? "" : lastPart(raw);
    }

    private static String lastPart(String name) {
        List<String> parts = splitName(name);
        return unquote(parts.get(parts.size() - 1)).toLowerCase(Locale.ROOT);
    }

    /** Splits a dotted name on dots outside double quotes. */
    static List<String> splitName(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    static String unquote(String part) {
        String p = part.strip();
        if (p.length() >= 2 && ((p.startsWith("\"") && p.endsWith("\"")) || (p.startsWith("`") && p.endsWith("`"))
                || (p.startsWith("[") && p.endsWith("]")))) {
            return p.substring(1, p.length() - 1).replace("\"\"", "\"");
        }
        return p;
    }

    static boolean looksLikePath(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("./\\:*?~".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** INSERT, CREATE TABLE, ... from the statement class name. */
    static String verbOf(Statement s) {
        String n = s.getClass().getSimpleName().replace("Parenthesed", "").replace("Statement", "");
        if (n.isEmpty()) {
            return "This";
        }
        return n.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
