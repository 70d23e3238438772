package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import dev.sluice.sql.spiderman.CsvReader;
import dev.sluice.sql.spiderman.SpiderManColumn;
import dev.sluice.sql.spiderman.SpiderManDataset;
import dev.sluice.sql.spiderman.SpiderManTable;
import dev.sluice.sql.spiderman.SqlType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SpiderMan dataset as one {@link SchemaCatalog}, for measuring retrieval without loading an
 * engine: every database becomes a schema (source {@code spiderman}, no catalog), tables and keys
 * come from the DDL, and sample values from the first rows of each table's CSV, chosen the same way
 * {@link SourceCatalogReader} chooses them.
 */
public final class SpiderManCatalog {
    public static final String SOURCE = "spiderman";
    private static final int SAMPLE_ROWS = 200;

    private SpiderManCatalog() {
    }

    /** Every database of {@code dataset}. */
    public static SchemaCatalog read(SpiderManDataset dataset, Instant takenAt) {
        return read(dataset, dataset.databases(), takenAt);
    }

    /** The named databases of {@code dataset}. */
    public static SchemaCatalog read(SpiderManDataset dataset, List<String> databases, Instant takenAt) {
        requireNonNull(dataset, "dataset is null");
        List<CatalogTable> tables = new ArrayList<>();
        for (String db : databases) {
            for (SpiderManTable t : dataset.tables(db)) {
                tables.add(table(dataset, db, t));
            }
        }
        return SchemaCatalog.of(tables, takenAt);
    }

    private static CatalogTable table(SpiderManDataset dataset, String db, SpiderManTable t) {
        Map<String, List<String>> samples = samples(dataset, db, t);
        List<CatalogColumn> columns = new ArrayList<>();
        for (SpiderManColumn c : t.columns()) {
            columns.add(new CatalogColumn(c.name(), c.type().render(dev.sluice.sql.source.Dialect.DUCKDB), null,
                    samples.getOrDefault(c.name(), List.of()), t.primaryKey().contains(c.name())));
        }
        List<ForeignKey> fks = t.foreignKeys().stream()
                .map(fk -> new ForeignKey(fk.columns(), db + "." + fk.referencedTable(), fk.referencedColumns())).toList();
        return new CatalogTable(SOURCE, null, db, t.name(), null, null, columns, fks);
    }

    private static Map<String, List<String>> samples(SpiderManDataset dataset, String db, SpiderManTable t) {
        Optional<Path> csv = dataset.tableCsv(db, t.sourceName());
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (csv.isEmpty()) {
            return out;
        }
        List<Map<String, Integer>> counts = new ArrayList<>();
        t.columns().forEach(c -> counts.add(new LinkedHashMap<>()));
        int[] seen = new int[t.columns().size()];
        try (CsvReader reader = dataset.openCsv(csv.get())) {
            List<String> header = reader.next();
            int[] position = positions(header, t);
            for (int row = 0; row < SAMPLE_ROWS && header != null; row++) {
                List<String> r = reader.next();
                if (r == null) {
                    break;
                }
                for (int i = 0; i < t.columns().size(); i++) {
                    String v = position[i] >= 0 && position[i] < r.size() ? r.get(position[i]) : null;
                    if (t.columns().get(i).type().kind() == SqlType.Kind.TEXT && v != null && !v.isBlank()) {
                        counts.get(i).merge(v.strip(), 1, Integer::sum);
                        seen[i]++;
                    }
                }
            }
        }
        for (int i = 0; i < t.columns().size(); i++) {
            List<String> values = SampleValues.choose(counts.get(i), seen[i], 8, 5);
            if (!values.isEmpty()) {
                out.put(t.columns().get(i).name(), values);
            }
        }
        return out;
    }

    /** Where each column sits in the CSV header (matched by name, case-insensitively); -1 if absent. */
    private static int[] positions(List<String> header, SpiderManTable t) {
        int[] out = new int[t.columns().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = -1;
            for (int j = 0; header != null && j < header.size(); j++) {
                if (header.get(j) != null && header.get(j).strip().equalsIgnoreCase(t.columns().get(i).name())) {
                    out[i] = j;
                    break;
                }
            }
        }
        return out;
    }
}
