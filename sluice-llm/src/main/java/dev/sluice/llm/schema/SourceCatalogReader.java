package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.sql.source.ColumnInfo;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Reads a {@link SchemaCatalog} from a {@link Source} the way {@code list_tables} and
 * {@code describe_table} do: one {@code listTables}, then one {@code describe} per table with a few
 * sample rows. Sample values are the values a column's type declares (PostgreSQL enum labels, in
 * their order) or else, for text columns that look low-cardinality in the sample, the most frequent
 * ones (at most {@link Options#maxDistinct()} distinct values, each seen at least twice on average);
 * the caller decides which columns may show values at all (masked columns must not). Primary and
 * foreign keys come from sources that report them; a foreign key to a table the caller excludes is
 * dropped. When the time budget runs out the remaining tables keep their names and comments only
 * and the snapshot says it is incomplete; the source's own statement timeout bounds each call.
 */
public final class SourceCatalogReader {
    /**
     * @param budget the time allowed for one read
     * @param sampleRows rows fetched per table to find sample values (0 for none)
     * @param maxDistinct a text column with more distinct values than this in the sample gets none
     * @param maxValues how many sample values a column keeps
     */
    public record Options(Duration budget, int sampleRows, int maxDistinct, int maxValues) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(30), 20, 8, 5);

        public Options {
            requireNonNull(budget, "budget is null");
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("budget must be positive, got " + budget);
            }
            if (sampleRows < 0 || sampleRows > 1000) {
                throw new IllegalArgumentException("sampleRows must be between 0 and 1000, got " + sampleRows);
            }
            if (maxDistinct < 1 || maxValues < 0) {
                throw new IllegalArgumentException("maxDistinct must be at least 1 and maxValues at least 0, got "
                        + maxDistinct + " and " + maxValues);
            }
        }
    }

    private final Clock clock;
    private final Options options;

    public SourceCatalogReader(Clock clock, Options options) {
        this.clock = requireNonNull(clock, "clock is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** Every table of {@code source}, sample values from every text column. */
    public SchemaCatalog read(Source source) {
        return read(source, t -> true, (t, c) -> true);
    }

    /**
     * The tables of {@code source} that {@code include} accepts (the source's access policy), with
     * sample values only from columns {@code showValues} accepts (not masked ones).
     */
    public SchemaCatalog read(Source source, Predicate<TableRef> include, BiPredicate<TableRef, String> showValues) {
        requireNonNull(source, "source is null");
        Instant start = clock.instant();
        Instant deadline = start.plus(options.budget());
        List<CatalogTable> tables = new ArrayList<>();
        boolean complete = true;
        for (TableInfo info : source.listTables(null, null)) {
            if (!include.test(info.ref())) {
                continue;
            }
            Optional<TableDetail> detail = Optional.empty();
            if (clock.instant().isBefore(deadline)) {
                try {
                    detail = source.describe(info.ref(), options.sampleRows());
                } catch (SourceException e) {
                    complete = false;
                }
            } else {
                complete = false;
            }
            tables.add(detail.map(d -> table(source.name(), info, d, include, showValues)).orElseGet(() -> nameOnly(source.name(), info)));
        }
        return SchemaCatalog.of(tables, start, complete);
    }

    private CatalogTable table(String sourceName, TableInfo listed, TableDetail d, Predicate<TableRef> include,
                               BiPredicate<TableRef, String> showValues) {
        TableInfo info = d.table();
        List<CatalogColumn> columns = new ArrayList<>(d.columns().size());
        for (ColumnInfo c : d.columns()) {
            List<String> values = showValues.test(info.ref(), c.name()) ? values(c, d.sampleRows()) : List.of();
            boolean key = d.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()));
            columns.add(new CatalogColumn(c.name(), c.type(), c.comment(), values, key));
        }
        List<ForeignKey> foreignKeys = d.foreignKeys().stream().filter(fk -> include.test(fk.referencedTable()))
                .map(fk -> new ForeignKey(fk.columns(), fk.referencedTable().display(), fk.referencedColumns())).toList();
        return new CatalogTable(sourceName, info.ref().catalog(), info.ref().schema(), info.ref().name(),
                info.comment() != null ? info.comment() : listed.comment(),
                info.rowEstimate() != null ? info.rowEstimate() : listed.rowEstimate(), columns, foreignKeys);
    }

    private static CatalogTable nameOnly(String sourceName, TableInfo info) {
        return new CatalogTable(sourceName, info.ref().catalog(), info.ref().schema(), info.ref().name(),
                info.comment(), info.rowEstimate(), List.of(), List.of());
    }

    /** The values the column's type declares, else frequent sample values of a text column. */
    private List<String> values(ColumnInfo c, List<ObjectNode> sampleRows) {
        if (!c.values().isEmpty()) {
            return c.values().subList(0, Math.min(c.values().size(), options.maxValues()));
        }
        return isText(c.type()) ? sampleValues(sampleRows, c.name()) : List.of();
    }

    /** Distinct values, most frequent first, when the column repeats few values in the sample. */
    List<String> sampleValues(List<ObjectNode> rows, String column) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int seen = 0;
        for (ObjectNode row : rows) {
            JsonNode v = row.get(column);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                counts.merge(v.asText(), 1, Integer::sum);
                seen++;
            }
        }
        return SampleValues.choose(counts, seen, options.maxDistinct(), options.maxValues());
    }

    static boolean isText(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        return t.contains("CHAR") || t.contains("TEXT") || t.contains("STRING") || t.startsWith("ENUM");
    }

}
