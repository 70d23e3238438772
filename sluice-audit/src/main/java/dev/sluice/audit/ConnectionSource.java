package dev.sluice.audit;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new JDBC connection to the store. */
@FunctionalInterface
interface ConnectionSource {
    Connection open() throws SQLException;
}
