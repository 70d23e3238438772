package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.policy.ColumnMasks;
import dev.sluice.sql.policy.TablePolicy;
import dev.sluice.sql.source.ColumnInfo;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.ForeignKeyInfo;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.sluice.sql.tools.ToolCalls.guarded;
import static dev.sluice.sql.tools.ToolCalls.structured;
import static dev.sluice.sql.tools.ToolCalls.text;
import static dev.sluice.sql.tools.ToolCalls.tool;

/** {@code list_tables} and {@code describe_table}: the tables a source's policy lets the caller see, and sample rows masked per policy. */
final class TableTools {
    private final SourceLookup lookup;
    private final QueryRunner runner;

    TableTools(SourceLookup lookup, QueryRunner runner) {
        this.lookup = lookup;
        this.runner = runner;
    }

    void register(McpServer.Builder b) {
        b.tool(tool("list_tables", "List tables", "List tables and views of a source with row-count estimates and comments. "
                + "Filter by schema or by a name pattern.", ToolSchemas.LIST_TABLES, ToolSchemas.GENERIC_OUTPUT), guarded(this::listTables));
        b.tool(tool("describe_table", "Describe table", "Show a table's columns (name, type, nullable, comment; an enum's values), "
                + "its primary and foreign keys where the engine reports them, and a few sample rows (masked per policy). "
                + "Use it before writing SQL against an unfamiliar table.", ToolSchemas.DESCRIBE_TABLE,
                ToolSchemas.GENERIC_OUTPUT), guarded(this::describeTable));
    }

    private CallToolResult listTables(ObjectNode args, RequestContext ctx) {
        Optional<Source> source = lookup.find(args);
        if (source.isEmpty()) {
            return lookup.unknown(args);
        }
        Source s = source.get();
        try {
            ObjectNode out = Json.object();
            out.put("source", s.name());
            ArrayNode tables = out.putArray("tables");
            for (TableInfo t : s.listTables(text(args, "schema"), text(args, "pattern"))) {
                if (!runner.policyOf(s).permits(t.ref().display())) {
                    continue;
                }
                ObjectNode o = tables.addObject();
                o.put("name", t.ref().display());
                o.put("schema", t.ref().schema());
                o.put("table", t.ref().name());
                o.put("type", t.type());
                if (t.rowEstimate() == null) {
                    o.putNull("row_estimate");
                } else {
                    o.put("row_estimate", t.rowEstimate());
                }
                o.put("comment", t.comment());
            }
            out.put("count", tables.size());
            return structured(out);
        } catch (SourceException e) {
            return structured(ResultJson.error(e.getMessage()));
        }
    }

    private CallToolResult describeTable(ObjectNode args, RequestContext ctx) {
        Optional<Source> source = lookup.find(args);
        if (source.isEmpty()) {
            return lookup.unknown(args);
        }
        Source s = source.get();
        TableRef ref;
        try {
            ref = TableRef.parse(args.path("table").asText());
        } catch (IllegalArgumentException e) {
            return structured(ResultJson.error("table: " + e.getMessage()));
        }
        if (!runner.policyOf(s).permits(ref.display())) {
            return structured(ResultJson.error("Table " + ref.display() + " is not available through source " + s.name() + " (policy)."));
        }
        try {
            Optional<TableDetail> detail = s.describe(ref, 3);
            if (detail.isEmpty() || !runner.policyOf(s).permits(detail.get().table().ref().display())) {
                return structured(ResultJson.error("No table " + ref.display() + " in source " + s.name() + "."
                        + didYouMean(s, ref.name()) + " Use list_tables to see the tables."));
            }
            TableDetail d = detail.get();
            ObjectNode out = Json.object();
            out.put("source", s.name());
            out.put("table", d.table().ref().display());
            out.put("type", d.table().type());
            out.put("comment", d.table().comment());
            if (d.table().rowEstimate() != null) {
                out.put("row_estimate", d.table().rowEstimate());
            }
            ColumnMasks masks = runner.masksOf(s);
            List<ColumnMeta> metas = d.columns().stream().map(c -> new ColumnMeta(c.name(), c.type())).toList();
            String[] plan = masks.plan(metas);
            ArrayNode columns = out.putArray("columns");
            for (int i = 0; i < d.columns().size(); i++) {
                ColumnInfo c = d.columns().get(i);
                ObjectNode column = columns.addObject().put("name", c.name()).put("type", c.type())
                        .put("nullable", c.nullable()).put("comment", c.comment());
                // an enum's labels are its possible values: a masked column shows none of them
                if (!c.values().isEmpty() && plan[i] == null) {
                    c.values().forEach(column.putArray("values")::add);
                }
            }
            keys(d, runner.policyOf(s), out);
            ArrayNode sample = out.putArray("sample_rows");
            for (ObjectNode row : d.sampleRows()) {
                JsonNode[] values = new JsonNode[metas.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(metas.get(i).name());
                }
                ColumnMasks.apply(plan, values);
                ObjectNode masked = sample.addObject();
                for (int i = 0; i < values.length; i++) {
                    masked.set(metas.get(i).name(), values[i]);
                }
            }
            return structured(out);
        } catch (SourceException e) {
            return structured(ResultJson.error(e.getMessage()));
        }
    }

    /** Up to three permitted tables whose bare name is a few edits from {@code name}; empty when the listing fails. */
    private String didYouMean(Source s, String name) {
        List<String> names = new ArrayList<>();
        try {
            s.listTables(null, null).forEach(t -> {
                if (runner.policyOf(s).permits(t.ref().display())) {
                    names.add(t.ref().display());
                }
            });
        } catch (SourceException e) {
            return "";
        }
        List<String> close = names.stream()
                .sorted(Comparator.comparingInt(n -> Levenshtein.distance(n.substring(n.lastIndexOf('.') + 1).toLowerCase(), name.toLowerCase())))
                .limit(3)
                .filter(n -> Levenshtein.distance(n.substring(n.lastIndexOf('.') + 1).toLowerCase(), name.toLowerCase()) <= Math.max(2, name.length() / 3))
                .toList();
        return close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
    }

    /**
     * The primary key and foreign keys, from sources that report them ({@code Capability.KEYS}); a
     * foreign key to a table the policy hides is left out, as the table itself is.
     */
    private static void keys(TableDetail d, TablePolicy policy, ObjectNode out) {
        if (!d.primaryKey().isEmpty()) {
            d.primaryKey().forEach(out.putArray("primary_key")::add);
        }
        List<ForeignKeyInfo> visible = d.foreignKeys().stream().filter(fk -> policy.permits(fk.referencedTable().display())).toList();
        if (!visible.isEmpty()) {
            ArrayNode fks = out.putArray("foreign_keys");
            for (ForeignKeyInfo fk : visible) {
                ObjectNode o = fks.addObject();
                fk.columns().forEach(o.putArray("columns")::add);
                o.put("references", fk.referencedTable().display());
                fk.referencedColumns().forEach(o.putArray("referenced_columns")::add);
            }
        }
    }
}
