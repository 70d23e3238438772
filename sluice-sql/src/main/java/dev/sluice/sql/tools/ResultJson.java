package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.sql.result.ResultPage;
import dev.sluice.sql.source.ColumnMeta;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Result pages as the tools return them: {@code columns} [{name, type}] and rows keyed by column label. */
final class ResultJson {
    private ResultJson() {
    }

    /** Labels made unique ({@code id}, {@code id_2}) so no value is lost to a duplicate key. */
    static String[] labels(List<ColumnMeta> columns) {
        String[] labels = new String[columns.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.length; i++) {
            String base = columns.get(i).name();
            String label = base;
            for (int n = 2; !seen.add(label); n++) {
                label = base + "_" + n;
            }
            labels[i] = label;
        }
        return labels;
    }

    static void putPage(ObjectNode out, ResultPage page) {
        String[] labels = labels(page.columns());
        ArrayNode columns = out.putArray("columns");
        for (int i = 0; i < labels.length; i++) {
            columns.addObject().put("name", labels[i]).put("type", page.columns().get(i).type());
        }
        ArrayNode rows = out.putArray("rows");
        for (JsonNode[] row : page.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < labels.length; i++) {
                o.set(labels[i], row[i]);
            }
        }
        out.put("row_count", page.rows().size());
        if (page.nextToken() == null) {
            out.putNull("next_token");
        } else {
            out.put("next_token", page.nextToken());
        }
    }

    static ObjectNode error(String message) {
        ObjectNode out = Json.object();
        out.put("success", false);
        out.put("error", message);
        return out;
    }
}
