package dev.sluice.llm.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small hand-made lake: a shop, HR, web analytics, support and finance, fifteen tables. */
final class TestCatalogs {
    static final Instant TAKEN = Instant.parse("2026-01-01T00:00:00Z");

    private TestCatalogs() {
    }

    static SchemaCatalog lake() {
        List<CatalogTable> t = new ArrayList<>();
        t.add(table("shop", "customers", "People who bought something", 12_000L,
                List.of(pk("customer_id", "INTEGER"), col("full_name", "VARCHAR"), col("email", "VARCHAR"),
                        values("country", "VARCHAR", "JP", "DE", "US")), List.of()));
        t.add(table("shop", "orders", "One row per checkout", 90_000L,
                List.of(pk("order_id", "INTEGER"), col("customer_id", "INTEGER"), col("ordered_at", "TIMESTAMP"),
                        values("status", "VARCHAR", "paid", "shipped", "refunded")),
                List.of(fk("customer_id", "shop.customers", "customer_id"))));
        t.add(table("shop", "order_lines", null, 300_000L,
                List.of(col("order_id", "INTEGER"), col("product_id", "INTEGER"), col("quantity", "INTEGER"),
                        col("unit_price", "DECIMAL(10,2)")),
                List.of(fk("order_id", "shop.orders", "order_id"), fk("product_id", "shop.products", "product_id"))));
        t.add(table("shop", "products", "Catalogue of items for sale", 500L,
                List.of(pk("product_id", "INTEGER"), col("title", "VARCHAR"), col("category_id", "INTEGER"),
                        col("list_price", "DECIMAL(10,2)")),
                List.of(fk("category_id", "shop.product_categories", "category_id"))));
        t.add(table("shop", "product_categories", null, 20L,
                List.of(pk("category_id", "INTEGER"), values("category_name", "VARCHAR", "Books", "Garden", "Toys")), List.of()));
        t.add(table("shop", "jp_stores", "店舗の一覧と所在地", 40L,
                List.of(pk("store_id", "INTEGER"), new CatalogColumn("prefecture", "VARCHAR", "都道府県", List.of("東京都", "大阪府"), false)),
                List.of()));
        t.add(table("hr", "employees", "Staff on payroll", 300L,
                List.of(pk("employeeId", "INTEGER"), col("firstName", "VARCHAR"), col("lastName", "VARCHAR"),
                        col("departmentId", "INTEGER"), col("hiredOn", "DATE")),
                List.of(fk("departmentId", "hr.departments", "departmentId"))));
        t.add(table("hr", "departments", null, 12L,
                List.of(pk("departmentId", "INTEGER"), values("name", "VARCHAR", "Sales", "Engineering")), List.of()));
        t.add(table("hr", "salaries", "Monthly gross pay", 3_600L,
                List.of(col("employeeId", "INTEGER"), col("month", "DATE"), col("gross_amount", "DECIMAL(12,2)")),
                List.of(fk("employeeId", "hr.employees", "employeeId"))));
        t.add(table("web", "page_views", "Clickstream events", 5_000_000L,
                List.of(col("session_id", "VARCHAR"), col("url", "VARCHAR"), col("viewed_at", "TIMESTAMP")), List.of()));
        t.add(table("web", "sessions", null, 400_000L,
                List.of(pk("session_id", "VARCHAR"), col("customer_id", "INTEGER"),
                        values("device", "VARCHAR", "mobile", "desktop", "tablet")), List.of()));
        t.add(table("support", "tickets", "Customer support requests and complaints", 8_000L,
                List.of(pk("ticket_id", "INTEGER"), col("customer_id", "INTEGER"), col("opened_at", "TIMESTAMP"),
                        values("priority", "VARCHAR", "low", "high", "urgent")), List.of()));
        t.add(table("finance", "invoices", null, 70_000L,
                List.of(pk("invoice_id", "INTEGER"), col("order_id", "INTEGER"), col("amount_due", "DECIMAL(12,2)"),
                        values("payment_state", "VARCHAR", "settled", "overdue", "disputed")), List.of()));
        t.add(table("finance", "exchange_rates", "Daily FX rates to EUR", 9_000L,
                List.of(col("currency", "VARCHAR"), col("rate_date", "DATE"), col("rate", "DOUBLE")), List.of()));
        t.add(table("finance", "ledger_entries", null, 1_000_000L,
                List.of(col("account", "VARCHAR"), col("posted_on", "DATE"), col("debit", "DECIMAL(14,2)"),
                        col("credit", "DECIMAL(14,2)")), List.of()));
        return SchemaCatalog.of(t, TAKEN);
    }

    static CatalogTable table(String schema, String name, String comment, Long rows, List<CatalogColumn> columns,
            List<ForeignKey> fks) {
        return new CatalogTable("lake", "lake", schema, name, comment, rows, columns,
                fks.stream().map(f -> new ForeignKey(f.columns(), "lake." + f.referencedTable(), f.referencedColumns())).toList());
    }

    static CatalogColumn col(String name, String type) {
        return CatalogColumn.of(name, type);
    }

    static CatalogColumn pk(String name, String type) {
        return new CatalogColumn(name, type, null, List.of(), true);
    }

    static CatalogColumn values(String name, String type, String... values) {
        return new CatalogColumn(name, type, null, List.of(values), false);
    }

    static ForeignKey fk(String column, String table, String referenced) {
        return new ForeignKey(List.of(column), table, List.of(referenced));
    }
}
