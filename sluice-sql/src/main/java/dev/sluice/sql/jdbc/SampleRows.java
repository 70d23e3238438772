package dev.sluice.sql.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.TableRef;

import java.util.ArrayList;
import java.util.List;

/** The first rows of a table, read through the source's own read-only query path. */
public final class SampleRows {
    private SampleRows() {
    }

    public static List<ObjectNode> read(Source source, TableRef table, int rows) {
        List<ObjectNode> sample = new ArrayList<>();
        if (rows <= 0) {
            return sample;
        }
        try (QueryCursor cursor = source.execute("SELECT * FROM " + table.quoted() + " LIMIT " + rows, List.of(),
                source.settings().timeout(), new Cancellation())) {
            JsonNode[] row;
            while ((row = cursor.next()) != null) {
                ObjectNode o = Json.object();
                for (int i = 0; i < row.length; i++) {
                    o.set(cursor.columns().get(i).name(), row[i]);
                }
                sample.add(o);
            }
        }
        return sample;
    }
}
