package dev.sluice.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.llm.eval.EvalQuestion;
import dev.sluice.llm.eval.QuestionSet;
import dev.sluice.mcp.Json;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.spiderman.MySqlQueryTranslator;
import dev.sluice.sql.spiderman.SpiderManDataset;
import dev.sluice.sql.spiderman.SpiderManLoader;
import dev.sluice.sql.spiderman.SqlType;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sluice eval} end to end on the whole SpiderMan test set, through the CLI: a config file with
 * one DuckDB source that loads all 157 databases ({@code spiderman: [all]}), the 1,034 test questions,
 * and an oracle model ({@link OracleModel}) that answers every prompt with the question's gold SQL as
 * a perfect model would write it (translated to DuckDB with the column types the loader chose,
 * tables qualified by the database's schema). A perfect model's score is what the harness can
 * measure, so every miss is listed with its reason, and the only misses allowed are questions whose
 * gold result depends on how ties are broken ({@link TiedOrder}), checked here on a DuckDB of our own.
 * Needs {@code -Pdatasets -Dsluice.datasets=/path/to/datasets}; 70 to 100 s on two cores.
 */
@Tag("dataset")
class SpiderManEvalTest {
    private static final Path SPIDERMAN = Path.of(System.getProperty("sluice.datasets", "../shared/datasets")).resolve("spiderman")
            .toAbsolutePath().normalize();

    @Test
    void oracleModel_onAllTestQuestions_matchesEveryDeterminedGoldResult_andRetrievalWithTheHintFindsTheGoldTables(@TempDir Path dir)
            throws Exception {
        Path csv = SPIDERMAN.resolve("test_queries.csv");
        assertThat(csv).as("SpiderMan at %s (set -Dsluice.datasets)", SPIDERMAN).isRegularFile();
        List<EvalQuestion> questions = QuestionSet.load(csv.toString());
        assertThat(questions).hasSize(1_034);

        // the oracle's own copy of the test databases: the column types the loader chose, and which gold results hang on ties
        Map<Long, String> oracleSql = new HashMap<>(); // by line
        Set<Long> tied = new TreeSet<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            SpiderManLoader loader = new SpiderManLoader(new SpiderManDataset(SPIDERMAN));
            Map<String, Map<String, SqlType.Kind>> kinds = new HashMap<>();
            for (EvalQuestion q : questions) {
                if (!kinds.containsKey(q.database())) {
                    kinds.put(q.database(), loader.load(duck, Dialect.DUCKDB, q.database()).columnKinds());
                }
                String sql = qualify(MySqlQueryTranslator.translate(q.goldSql(), Dialect.DUCKDB, kinds.get(q.database())),
                        q.database().toLowerCase(Locale.ROOT));
                oracleSql.put(q.line(), sql);
                if (TiedOrder.dependsOnTies(duck, sql)) {
                    tied.add(q.line());
                }
            }
        }
        Map<String, Long> tieClasses = tied.stream().collect(Collectors.groupingBy(line -> tieClass(oracleSql.get(line)), TreeMap::new,
                Collectors.counting()));
        System.out.printf(Locale.ROOT, "SPIDERMAN EVAL %d gold results depend on ties %s: lines %s%n", tied.size(), tieClasses, tied);

        try (OracleModel oracle = new OracleModel(questions, q -> oracleSql.get(q.line()))) {
            Path config = Files.writeString(dir.resolve("spiderman.yaml"), """
                    sources:
                      spider:
                        kind: duckdb
                        path: ":memory:"
                        spiderman: [all]
                        spiderman_path: "%s"
                    llm:
                      provider: openai
                      base_url: %s
                      model: oracle
                      max_retries: 0
                      timeout: 30s
                    """.formatted(SPIDERMAN, oracle.baseUrl()));
            Path out = dir.resolve("spider.jsonl");
            long start = System.nanoTime();
            CommandLine cli = SluiceCommand.commandLine();
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            cli.setOut(new PrintWriter(stdout));
            cli.setErr(new PrintWriter(stderr));
            int exit = cli.execute("eval", "--config", config.toString(), "--source", "spider", "--questions", csv.toString(),
                    "--output", out.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "SPIDERMAN EVAL %.1f s%n%s", seconds, stdout);
            assertThat(exit).as(tail(stderr.toString())).isZero();

            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(questions.size());
            List<JsonNode> results = new ArrayList<>();
            for (String line : lines) {
                results.add(Json.parse(line));
            }
            Map<Long, String> misses = new LinkedHashMap<>(); // by line
            List<String> retrievalMisses = new ArrayList<>();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            long attempts = 0;
            long tokensIn = 0;
            long tokensOut = 0;
            for (int i = 0; i < results.size(); i++) {
                JsonNode r = results.get(i);
                EvalQuestion q = questions.get(i);
                List<String> fields = new ArrayList<>();
                r.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactly("line", "database", "question", "gold_sql", "status", "generated_sql", "match", "error",
                        "retrieved_tables", "gold_tables", "retrieval_hit", "attempts", "repairs", "tokens", "latency_ms");
                assertThat(r.path("line").asLong()).isEqualTo(q.line());
                assertThat(r.path("database").asText()).isEqualTo(q.database());
                assertThat(r.path("question").asText()).isEqualTo(q.question());
                assertThat(r.path("gold_sql").asText()).isEqualTo(q.goldSql());
                assertThat(r.path("match").isBoolean()).as("match of line %d", q.line()).isTrue();
                assertThat(r.path("retrieved_tables").isArray()).isTrue();
                assertThat(r.path("gold_tables").isArray() && !r.path("gold_tables").isEmpty()).as("gold tables of line %d", q.line()).isTrue();
                assertThat(r.path("retrieval_hit").isBoolean()).isTrue();
                assertThat(r.path("error").isNull()).as("error of line %d", q.line()).isEqualTo(r.path("match").asBoolean());
                assertThat(r.path("generated_sql").asText()).isEqualTo(oracleSql.get(q.line()));
                assertThat(r.path("tokens").path("input").asLong()).isPositive();
                assertThat(r.path("tokens").path("output").asLong()).isPositive();
                assertThat(r.path("attempts").asInt()).isBetween(1, 3);
                assertThat(r.path("repairs").asInt()).isEqualTo(r.path("attempts").asInt() - 1);
                assertThat(r.path("latency_ms").path("total").asDouble())
                        .isGreaterThanOrEqualTo(r.path("latency_ms").path("without_llm").asDouble()).isPositive();
                statuses.merge(r.path("status").asText(), 1, Integer::sum);
                attempts += r.path("attempts").asLong();
                tokensIn += r.path("tokens").path("input").asLong();
                tokensOut += r.path("tokens").path("output").asLong();
                if (!r.path("match").asBoolean()) {
                    misses.put(q.line(), "line " + q.line() + " " + q.database() + ": " + q.question() + "\n    status " + r.path("status").asText()
                            + ", error: " + r.path("error").asText() + "\n    gold: " + q.goldSql() + "\n    generated: "
                            + r.path("generated_sql").asText());
                }
                if (!r.path("retrieval_hit").asBoolean()) {
                    retrievalMisses.add("line " + q.line() + " " + q.database() + ": " + q.question() + "\n    gold tables "
                            + r.path("gold_tables") + ", retrieved " + r.path("retrieved_tables"));
                }
            }
            System.out.printf(Locale.ROOT, "SPIDERMAN EVAL statuses %s, %d misses, %d retrieval misses%n%s%n%s%n", statuses, misses.size(),
                    retrievalMisses.size(), String.join("\n", misses.values()), String.join("\n", retrievalMisses));

            assertThat(oracle.unknown()).as("prompts the oracle could not place").isEmpty();
            OracleModel.Served served = oracle.served();
            // The only misses allowed: questions whose gold result hangs on ties, so that the gold SQL run twice (once as
            // gold, once as the oracle's answer) may return different rows. TiedOrder finds 68 of the 1,034, in three classes:
            //  - 46: a top-level LIMIT cuts through rows tied on the ORDER BY keys ("the airline with the most flights" when
            //    two have as many): which tied row is kept depends on the order DuckDB's parallel aggregation emits groups;
            //  - 18: an ordered result (compared in order) holds rows tied on every ORDER BY key, which come back in any order;
            //  - 4: a subquery's ORDER BY ... LIMIT 1 picks one of several tied rows, and the outer result follows it.
            // The comparison is not at fault: the harness cannot know which of the tied answers the gold run returned.
            // In five runs 2 to 13 of them missed (first and second class), so the floor (966) is far from reached.
            List<String> unexplained = misses.entrySet().stream().filter(m -> !tied.contains(m.getKey())).map(Map.Entry::getValue).toList();
            assertThat(unexplained).as("misses on questions whose gold result does not depend on ties:\n" + String.join("\n", unexplained))
                    .isEmpty();
            assertThat(misses.values().stream().filter(m -> !m.contains("status generated, error: rows differ from the gold SQL's")).toList())
                    .as("tie misses are generated SQL whose rows differ").isEmpty();
            assertThat(questions.size() - misses.size()).isGreaterThanOrEqualTo(questions.size() - tied.size());
            assertThat(retrievalMisses.size()).as(String.join("\n", retrievalMisses)).isLessThanOrEqualTo(questions.size() / 100);
            assertThat(statuses).as("no question fails to generate").isEqualTo(Map.of("generated", questions.size()));
            assertThat(served.repairs()).as("the oracle's SQL passes the guard and EXPLAIN first time").isZero();
            assertThat(attempts).isEqualTo(served.requests()).isEqualTo(questions.size());
            assertThat(tokensIn).isEqualTo(served.promptTokens());
            assertThat(tokensOut).isEqualTo(served.completionTokens());
            String summary = stdout.toString();
            assertThat(summary).contains("source               spider\n", "provider             openai (oracle)\n",
                    "questions            1034\n",
                    String.format(Locale.ROOT, "execution accuracy   %.1f%% (%d of 1034; 1034 generated)\n",
                            100.0 * (questions.size() - misses.size()) / questions.size(), questions.size() - misses.size()),
                    String.format(Locale.ROOT, "retrieval recall     %.1f%% (%d of 1034)\n",
                            100.0 * (questions.size() - retrievalMisses.size()) / questions.size(), questions.size() - retrievalMisses.size()),
                    "attempts / repairs   " + attempts + " / " + served.repairs() + "\n",
                    "tokens in / out      " + tokensIn + " / " + tokensOut + "\n", "per question: " + out);
        }
    }

    /** Which kind of tie a tie-dependent query has, for the log. */
    private static String tieClass(String sql) {
        if (sql.matches("(?s).*\\bLIMIT \\d+\\).*")) {
            return "subquery ORDER BY ... LIMIT";
        }
        return sql.matches("(?s).*\\bLIMIT \\d+$") ? "LIMIT through tied rows" : "tied rows of an ordered result";
    }

    /** {@code sql} with its bare table names (not CTEs) in {@code schema}, as a model that read the prompt's schema writes them. */
    private static String qualify(String sql, String schema) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Set<String> ctes = new HashSet<>();
        if (statement instanceof Select select && select.getWithItemsList() != null) {
            select.getWithItemsList().forEach(w -> ctes.add(w.getAliasName().replace("\"", "").toLowerCase(Locale.ROOT)));
        }
        new TablesNamesFinder<Void>() {
            @Override
            public <S> Void visit(Table table, S context) {
                if (table.getSchemaName() == null && !ctes.contains(table.getName().replace("\"", "").toLowerCase(Locale.ROOT))) {
                    table.setSchemaName("\"" + schema + "\"");
                }
                return super.visit(table, context);
            }
        }.getTables(statement);
        return statement.toString();
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
