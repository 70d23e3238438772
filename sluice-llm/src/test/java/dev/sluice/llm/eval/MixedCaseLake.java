package dev.sluice.llm.eval;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A DuckDB file laid out as the SpiderMan loader lays out {@code cre_Doc_Template_Mgt}: a schema
 * named after the database, lower-cased, whose {@code age} column is text (as the loader widens a
 * column whose data does not fit its DDL type), beside an unrelated schema with a table of the same name.
 */
final class MixedCaseLake {
    static final String DATABASE = "cre_Doc_Template_Mgt";
    static final String SCHEMA = "cre_doc_template_mgt";

    private MixedCaseLake() {
    }

    /** Creates the file in {@code dir} and opens it as source {@code lake}. */
    static Sources open(Path dir) throws SQLException {
        Path file = dir.resolve("lake.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".documents (document_id INTEGER, document_name VARCHAR, age VARCHAR)");
            s.execute("INSERT INTO " + SCHEMA + ".documents VALUES (1, 'Summer Show', '3'), (2, 'Welcome to NY', '5'), (3, 'Draft', 'n/a')");
            s.execute("CREATE SCHEMA other");
            s.execute("CREATE TABLE other.documents (document_id INTEGER)");
        }
        String yaml = "sources:\n  lake:\n    kind: duckdb\n    path: \"" + file + "\"\n";
        return Sources.open(Sources.validate(ConfigLoader.parse("lake.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()));
    }
}
