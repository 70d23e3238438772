package dev.sluice.sql.spiderman;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The SpiderMan dataset read in place from its folder: {@code databases/<db>/schema.sql},
 * {@code databases/<db>/data/<table>.csv} and the question files {@code test_queries.csv} and
 * {@code train_queries.csv} (columns {@code database,question,sql}).
 *
 * @param root the folder holding {@code databases/} and the question files
 */
public record SpiderManDataset(Path root) {
    /** The token SpiderMan's CSV files use, unquoted, for SQL NULL. */
    public static final String NULL_TOKEN = "NULL";

    public SpiderManDataset {
        requireNonNull(root, "root is null");
        if (!Files.isDirectory(root.resolve("databases"))) {
            throw new IllegalArgumentException("not a SpiderMan dataset (no databases/ folder): " + root);
        }
    }

    /** Database names, sorted. */
    public List<String> databases() {
        try (Stream<Path> dirs = Files.list(root.resolve("databases"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("schema.sql")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The MySQL DDL of {@code database}. */
    public String schemaSql(String database) {
        return read(root.resolve("databases").resolve(database).resolve("schema.sql"));
    }

    /** The tables of {@code database}, parsed from its DDL. */
    public List<SpiderManTable> tables(String database) {
        return MySqlDdlTranslator.parse(schemaSql(database));
    }

    /** The CSV file of a table, if the dataset has it (six large ones are absent). */
    public Optional<Path> tableCsv(String database, String sourceTableName) {
        Path csv = root.resolve("databases").resolve(database).resolve("data").resolve(sourceTableName + ".csv");
        return Files.isRegularFile(csv) ? Optional.of(csv) : Optional.empty();
    }

    /** Opens a table's CSV ({@code NULL} unquoted reads as null); the first record is the header. */
    public CsvReader openCsv(Path csv) {
        try {
            return new CsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8), NULL_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1,034 test questions. */
    public List<SpiderManQuestion> testQuestions() {
        return questions(root.resolve("test_queries.csv"));
    }

    /** The 6,726 train questions. */
    public List<SpiderManQuestion> trainQuestions() {
        return questions(root.resolve("train_queries.csv"));
    }

    /** Reads a question file with columns {@code database,question,sql} (header required). */
    public static List<SpiderManQuestion> questions(Path file) {
        List<List<String>> records = CsvReader.parse(read(file), null);
        if (records.isEmpty() || !records.get(0).equals(List.of("database", "question", "sql"))) {
            throw new IllegalArgumentException(file + ": expected the header database,question,sql");
        }
        List<SpiderManQuestion> questions = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue;
            }
            if (r.size() != 3) {
                throw new IllegalArgumentException(file + ": record " + i + " has " + r.size() + " fields, expected 3");
            }
            questions.add(new SpiderManQuestion(r.get(0), r.get(1), r.get(2)));
        }
        return questions;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
