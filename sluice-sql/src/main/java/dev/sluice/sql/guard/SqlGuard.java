package dev.sluice.sql.guard;

import static java.util.Objects.requireNonNull;

import dev.sluice.sql.source.Dialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The read-only SQL guard. {@link #check(String)} decides whether one statement may run on a source
 * of the given dialect, in this order, failing closed at every step:
 *
 * <ol>
 *   <li>length ({@code too_long}), then a lexer that understands comments (nested), standard, E'',
 *       U&amp;'' and dollar-quoted strings and quoted identifiers: it refuses control and invisible
 *       characters ({@code invalid_character}), absurd nesting ({@code too_complex}) and more than one
 *       statement ({@code multiple_statements});
 *   <li>the first keyword must start a query ({@code not_a_query}); EXPLAIN is unwrapped: with ANALYZE
 *       it is {@code explain_analyze}, of anything but a query it is {@code not_a_query}; where SHOW
 *       reads server settings (PostgreSQL) it may show only the dialect's short list ({@code system_access});
 *   <li>JSqlParser parses it ({@code parse_error} if it cannot);
 *   <li>the whole tree is walked: DML anywhere ({@code write_in_query}), locking clauses, SELECT INTO,
 *       the dialect's denied functions, table functions and system relations.
 * </ol>
 *
 * Instances are immutable and thread-safe. The guard is one of two locks: sources also run queries
 * in read-only sessions.
 */
public final class SqlGuard {

    /** Statements longer than this many characters are refused as {@code too_long}. */
    public static final int MAX_LENGTH = 100_000;
    /** Parentheses or brackets nested deeper than this are refused as {@code too_complex}. */
    public static final int MAX_NESTING = 64;

    private static final Map<Dialect, SqlGuard> GUARDS = new EnumMap<>(Dialect.class);

    static {
        for (Dialect d : Dialect.values()) {
            GUARDS.put(d, new SqlGuard(DialectRules.forDialect(d)));
        }
    }

    private static final Set<String> WRITE_WORDS = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "DROP", "CREATE", "ALTER", "GRANT", "REVOKE",
            "COPY");

    private final DialectRules rules;

    private SqlGuard(DialectRules rules) {
        this.rules = rules;
    }

    /** The guard for a dialect. */
    public static SqlGuard forDialect(Dialect dialect) {
        return GUARDS.get(requireNonNull(dialect, "dialect is null"));
    }

    /** The dialect this guard checks. */
    public Dialect dialect() {
        return rules.dialect();
    }

    /** Decides whether {@code sql} may run. Never throws: anything unexpected is a refusal. */
    public GuardVerdict check(String sql) {
        try {
            return checkOrThrow(sql);
        } catch (StackOverflowError e) {
            return GuardVerdict.refuse(GuardRule.TOO_COMPLEX, "The statement is nested too deeply to analyse: "
                    + "flatten it with CTEs (WITH ...) or joins.");
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return GuardVerdict.refuse(GuardRule.PARSE_ERROR, "The guard could not classify the statement ("
                    + e.getClass().getSimpleName() + "), so it is refused: rewrite it as a plain SELECT.");
        }
    }

    private GuardVerdict checkOrThrow(String sql) {
        if (sql == null || sql.isBlank()) {
            return GuardVerdict.refuse(GuardRule.EMPTY, "No SQL was given: send exactly one SELECT statement.");
        }
        if (sql.length() > MAX_LENGTH) {
            return GuardVerdict.refuse(GuardRule.TOO_LONG, "The statement is " + sql.length() + " characters long; the "
                    + "limit is " + MAX_LENGTH + ": shorten it, e.g. move long value lists into a table or a range.");
        }
        SqlScanner.Result scan = SqlScanner.scan(sql, MAX_NESTING);
        if (scan.refusal() != null) {
            return scan.refusal();
        }
        List<SqlScanner.Segment> segments = scan.segments();
        if (segments.isEmpty()) {
            return GuardVerdict.refuse(GuardRule.EMPTY, "The statement is empty (only whitespace, comments or ';'): "
                    + "send exactly one SELECT statement.");
        }
        if (segments.size() > 1) {
            return multipleStatements(segments.size());
        }
        SqlScanner.Segment only = segments.get(0);
        return classify(only.text(), only.tokens(), false);
    }

    private static GuardVerdict multipleStatements(int count) {
        return GuardVerdict.refuse(GuardRule.MULTIPLE_STATEMENTS, "Only one statement per call (found " + count
                + "): remove everything after the first ';' and send the other statements in separate calls.");
    }

    private GuardVerdict classify(String text, List<SqlScanner.Token> tokens, boolean explained) {
        int k = 0;
        while (k < tokens.size() && tokens.get(k).isSymbol('(')) {
            k++;
        }
        if (k == tokens.size()) {
            return GuardVerdict.refuse(GuardRule.PARSE_ERROR, "The statement has no keyword: send one SELECT statement.");
        }
        SqlScanner.Token first = tokens.get(k);
        if (first.isSymbol('.') || first.isSymbol('\\')) {
            return GuardVerdict.refuse(GuardRule.NOT_A_QUERY, "Client commands such as .read, .shell or \\copy are not "
                    + "SQL and are not allowed: send one SELECT statement.");
        }
        if (first.kind() != SqlScanner.Kind.WORD) {
            return GuardVerdict.refuse(GuardRule.NOT_A_QUERY, "The statement must start with SELECT, WITH, VALUES, "
                    + "SHOW, DESCRIBE or EXPLAIN, not '" + first.text() + "'.");
        }
        String verb = first.text().toUpperCase(Locale.ROOT);
        if (verb.equals("EXPLAIN")) {
            return explained ? notAQuery("EXPLAIN EXPLAIN") : explain(text, tokens, k);
        }
        if (!rules.queryStarters().contains(verb)) {
            return notAQuery(describeVerb(tokens, k));
        }
        if (verb.equals("SHOW") && rules.shownSettings() != null) {
            return showSetting(tokens.subList(k + 1, tokens.size()));
        }
        return parseAndInspect(text, tokens, verb);
    }

    /** {@code SHOW name} where SHOW reads server settings: only the dialect's short list. */
    private GuardVerdict showSetting(List<SqlScanner.Token> rest) {
        StringBuilder name = new StringBuilder();
        for (SqlScanner.Token t : rest) {
            if (t.kind() != SqlScanner.Kind.WORD && t.kind() != SqlScanner.Kind.QUOTED) {
                return GuardVerdict.refuse(GuardRule.PARSE_ERROR, "SHOW takes one setting name, e.g. SHOW search_path.");
            }
            name.append(name.isEmpty() ? "" : " ").append(t.text().toLowerCase(Locale.ROOT));
        }
        if (rules.shownSettings().contains(name.toString())) {
            return GuardVerdict.allowSetting(name.toString());
        }
        return GuardVerdict.refuse(GuardRule.SYSTEM_ACCESS, "SHOW " + (name.isEmpty() ? "" : name + " ") + "reads server "
                + "settings, which are not available. SHOW works for: " + String.join(", ", new TreeSet<>(rules.shownSettings()))
                + ". For tables and columns use list_tables and describe_table.");
    }

    private static String describeVerb(List<SqlScanner.Token> tokens, int k) {
        String verb = tokens.get(k).text().toUpperCase(Locale.ROOT);
        if (k + 1 < tokens.size() && tokens.get(k + 1).kind() == SqlScanner.Kind.WORD
                && Set.of("CREATE", "DROP", "ALTER", "FORCE", "EXPORT", "IMPORT", "START", "REFRESH", "SECURITY")
                        .contains(verb)) {
            verb = verb + " " + tokens.get(k + 1).text().toUpperCase(Locale.ROOT);
        }
        return verb;
    }

    private static GuardVerdict notAQuery(String verb) {
        return GuardVerdict.refuse(GuardRule.NOT_A_QUERY, verb + " statements are not allowed: Sluice runs read-only "
                + "queries only (SELECT, WITH, VALUES, SHOW, DESCRIBE, EXPLAIN). Rewrite it as a SELECT.");
    }

    private GuardVerdict explain(String text, List<SqlScanner.Token> tokens, int k) {
        int i = k + 1;
        while (i < tokens.size()) {
            SqlScanner.Token t = tokens.get(i);
            if (t.isWord("ANALYZE") || t.isWord("ANALYSE")) {
                return explainAnalyze();
            }
            if (t.isWord("VERBOSE")) {
                i++;
                continue;
            }
            if (t.isSymbol('(') && i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlScanner.Kind.WORD
                    && !rules.queryStarters().contains(tokens.get(i + 1).text().toUpperCase(Locale.ROOT))) {
                int depth = 0;
                for (; i < tokens.size(); i++) {
                    SqlScanner.Token o = tokens.get(i);
                    if (o.isWord("ANALYZE") || o.isWord("ANALYSE")) {
                        return explainAnalyze();
                    }
                    if (o.isSymbol('(')) {
                        depth++;
                    } else if (o.isSymbol(')') && --depth == 0) {
                        i++;
                        break;
                    }
                }
                continue;
            }
            break;
        }
        if (i >= tokens.size()) {
            return GuardVerdict.refuse(GuardRule.PARSE_ERROR, "EXPLAIN needs a query after it, e.g. EXPLAIN SELECT ...");
        }
        List<SqlScanner.Token> inner = tokens.subList(i, tokens.size());
        int j = 0;
        while (j < inner.size() && inner.get(j).isSymbol('(')) {
            j++;
        }
        if (j < inner.size() && inner.get(j).kind() == SqlScanner.Kind.WORD) {
            String innerVerb = inner.get(j).text().toUpperCase(Locale.ROOT);
            if (!rules.queryStarters().contains(innerVerb) || innerVerb.equals("EXPLAIN")) {
                return GuardVerdict.refuse(GuardRule.NOT_A_QUERY, "EXPLAIN of " + describeVerb(inner, j) + " is not "
                        + "allowed: only queries (SELECT, WITH, VALUES) can be explained.");
            }
        }
        return classify(text.substring(tokens.get(i).pos()), inner, true);
    }

    private static GuardVerdict explainAnalyze() {
        return GuardVerdict.refuse(GuardRule.EXPLAIN_ANALYZE, "EXPLAIN ANALYZE executes the statement: use EXPLAIN "
                + "without ANALYZE to see the plan.");
    }

    private GuardVerdict parseAndInspect(String text, List<SqlScanner.Token> tokens, String verb) {
        Statements statements;
        try {
            statements = parse(text);
        } catch (ParseFailure failure) {
            String write = writeWord(tokens);
            if (write != null) {
                return GuardVerdict.refuse(GuardRule.WRITE_IN_QUERY, "The query contains " + write + ": data-modifying "
                        + "statements are not allowed anywhere in a query.");
            }
            if (hasBareInto(tokens)) {
                return selectInto();
            }
            return GuardVerdict.refuse(GuardRule.PARSE_ERROR, "The statement could not be parsed" + failure.where
                    + "; the guard refuses what it cannot parse. Fix the syntax, or rewrite that part in more standard "
                    + rules.dialect().wireName() + " SQL (e.g. a subquery or CASE instead of dialect-only syntax).");
        }
        if (statements.isEmpty()) {
            return GuardVerdict.refuse(GuardRule.EMPTY, "No statement was found: send exactly one SELECT statement.");
        }
        if (statements.size() > 1) {
            return multipleStatements(statements.size());
        }
        Statement statement = statements.get(0);
        if (statement instanceof UnsupportedStatement) {
            return unsupported(tokens, verb);
        }
        GuardVerdict verdict = new TreeInspector(rules, tokens).inspect(statement);
        if (verdict.allowed() && hasBareInto(tokens)) {
            return selectInto(); // INTO is reserved: in a query it can only mean SELECT ... INTO
        }
        return verdict;
    }

    private static boolean hasBareInto(List<SqlScanner.Token> tokens) {
        return tokens.stream().anyMatch(t -> t.isWord("INTO"));
    }

    private static GuardVerdict selectInto() {
        return GuardVerdict.refuse(GuardRule.SELECT_INTO, "SELECT ... INTO creates a table: remove the INTO clause "
                + "and just SELECT the rows.");
    }

    /** SHOW ALL TABLES and similar keyword-only statements that JSqlParser does not model. */
    private static GuardVerdict unsupported(List<SqlScanner.Token> tokens, String verb) {
        boolean keywordsOnly = tokens.stream().allMatch(t -> t.kind() == SqlScanner.Kind.WORD
                || t.kind() == SqlScanner.Kind.QUOTED || t.isSymbol('.'));
        if (Set.of("SHOW", "DESCRIBE", "DESC").contains(verb) && keywordsOnly) {
            return GuardVerdict.allow(List.of());
        }
        return GuardVerdict.refuse(GuardRule.PARSE_ERROR, "The guard cannot classify this " + verb + " statement, so it "
                + "is refused: rewrite it as a plain SELECT.");
    }

    private static String writeWord(List<SqlScanner.Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            SqlScanner.Token t = tokens.get(i);
            String upper = t.kind() == SqlScanner.Kind.WORD ? t.text().toUpperCase(Locale.ROOT) : "";
            if (WRITE_WORDS.contains(upper)) {
                String before = tokens.get(i - 1).text().toUpperCase(Locale.ROOT);
                if (upper.equals("UPDATE") && (before.equals("FOR") || before.equals("KEY"))) {
                    continue;
                }
                return upper;
            }
        }
        return null;
    }

    private static final class ParseFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String where;

        ParseFailure(String where) {
            super(where, null, false, false);
            this.where = where;
        }
    }

    /** Parses on the calling thread: a fast pass first, then JSqlParser's complex mode for shallow input. */
    private static Statements parse(String text) throws ParseFailure {
        try {
            return parseWith(text, false);
        } catch (ParseFailure first) {
            if (CCJSqlParserUtil.getNestingDepth(text) <= CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
                return parseWith(text, true);
            }
            throw first;
        }
    }

    private static Statements parseWith(String text, boolean complex) throws ParseFailure {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(text).withAllowComplexParsing(complex);
        try {
            return parser.Statements();
        } catch (ParseException e) {
            throw new ParseFailure(position(e.currentToken));
        } catch (StackOverflowError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new ParseFailure(m.isEmpty() ? "" : " (" + m + ")");
        }
    }

    private static String position(Token current) {
        Token at = current == null ? null : current.next != null ? current.next : current;
        if (at == null) {
            return "";
        }
        String image = at.image == null || at.image.isEmpty() ? "end of input" : "'" + abbreviate(at.image) + "'";
        return " near line " + at.beginLine + ", column " + at.beginColumn + " (at " + image + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
