/** What JDBC-based sources share: typed value mapping, statement execution with cancellation, metadata. */
package dev.sluice.sql.jdbc;
