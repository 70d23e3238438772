package dev.sluice.llm.eval;

import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.llm.sql.TextToSql;
import dev.sluice.sql.source.Source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares the tables retrieval chose with the tables a gold SQL reads, as {@code schema.table}. */
final class RetrievalProbe {
    private RetrievalProbe() {
    }

    /** The retrieved tables as lower-case {@code schema.table}, best first. */
    static List<String> tables(TextToSql pipeline, Source source, String question, String schemaHint) {
        return pipeline.retrievedTables(source, question, new RetrievalHints(null, schemaHint, null)).stream()
                .map(t -> schemaAndName(t.qualifiedName())).toList();
    }

    /** Whether every gold table is among the retrieved ones (both compared as {@code schema.table}). */
    static boolean covers(List<String> retrieved, Set<String> gold) {
        Set<String> have = retrieved.stream().map(RetrievalProbe::schemaAndName).collect(Collectors.toSet());
        return !gold.isEmpty() && gold.stream().map(RetrievalProbe::schemaAndName).allMatch(have::contains);
    }

    /** The last two dotted parts, lower-cased: {@code memory.main.t} → {@code main.t}. */
    static String schemaAndName(String qualified) {
        String[] parts = qualified.replace("\"", "").toLowerCase(Locale.ROOT).split("\\.");
        return parts.length <= 2 ? String.join(".", parts) : String.join(".", Arrays.copyOfRange(parts, parts.length - 2, parts.length));
    }
}
