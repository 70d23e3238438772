/**
 * The demo lake that {@code sluice serve} opens when no source is configured (SPEC.md 2.3):
 * {@code main.slack_messages} and {@code main.slack_users} (a release-planning Slack workspace in
 * English and Japanese) and the {@code analytics} schema (customers, products, orders, order items,
 * events of an online shop). {@link dev.sluice.sql.demo.DemoLake} creates it; one package-private
 * generator per table family fills it from a fixed seed through DuckDB's appender, so two builds are
 * identical row for row. Table and column comments live in {@code demo/schema.sql}.
 */
package dev.sluice.sql.demo;
