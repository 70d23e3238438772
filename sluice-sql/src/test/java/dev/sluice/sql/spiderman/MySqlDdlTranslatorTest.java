package dev.sluice.sql.spiderman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlDdlTranslatorTest {
    private static final String DDL = """
            -- Dialect: mysql | Database: shop | Table Count: 2
            CREATE TABLE `shop`.`Item` (
                `Item_ID` int(11) NOT NULL AUTO_INCREMENT COMMENT 'the id, unique',
                `Name` VARCHAR(50) NOT NULL DEFAULT '',
                `Price` DECIMAL(19,4) DEFAULT NULL,
                `Weight` FLOAT(10,2),
                `Rating` NUMERIC,
                `In_Stock` tinyint(1),
                `Added` DATETIME DEFAULT CURRENT_TIMESTAMP,
                `Home Town` TEXT,
                `Kind` enum('a','b'),
                PRIMARY KEY (`Item_ID`),
                INDEX idx_name (`Name`),
                UNIQUE KEY `uk` (`Name`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            CREATE TABLE `shop`.`Sale` (
                `Sale_ID` INTEGER PRIMARY KEY,
                `Item_ID` INT,
                FOREIGN KEY (`Item_ID`) REFERENCES `shop`.`Item` (`Item_ID`)
            );
            """;

    @Test
    void parse_readsColumnsKeysAndTypes() {
        List<SpiderManTable> tables = MySqlDdlTranslator.parse(DDL);
        assertThat(tables).extracting(SpiderManTable::name).containsExactly("item", "sale");
        SpiderManTable item = tables.get(0);
        assertThat(item.sourceName()).isEqualTo("Item");
        assertThat(item.columns()).extracting(SpiderManColumn::name).containsExactly(
                "item_id", "name", "price", "weight", "rating", "in_stock", "added", "home town", "kind");
        assertThat(item.columns()).extracting(SpiderManColumn::type).containsExactly(
                SqlType.INTEGER, SqlType.TEXT, SqlType.decimal(19, 4), SqlType.DOUBLE, SqlType.DOUBLE,
                SqlType.SMALLINT, SqlType.TIMESTAMP, SqlType.TEXT, SqlType.TEXT);
        assertThat(item.columns().get(0).notNull()).isTrue();
        assertThat(item.primaryKey()).containsExactly("item_id");
        SpiderManTable sale = tables.get(1);
        assertThat(sale.primaryKey()).containsExactly("sale_id");
        assertThat(sale.foreignKeys()).containsExactly(
                new SpiderManTable.ForeignKey(List.of("item_id"), "item", List.of("item_id")));
    }

    @Test
    void translate_writesDuckDbAndPostgresDdl_withoutIndexesOptionsOrForeignKeys() {
        List<String> duck = MySqlDdlTranslator.translate(DDL, Dialect.DUCKDB, "Shop");
        assertThat(duck.get(0)).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"shop\"");
        assertThat(duck.get(1)).isEqualTo("""
                CREATE TABLE "shop"."item" (
                  "item_id" INTEGER NOT NULL,
                  "name" VARCHAR NOT NULL,
                  "price" DECIMAL(19,4),
                  "weight" DOUBLE,
                  "rating" DOUBLE,
                  "in_stock" SMALLINT,
                  "added" TIMESTAMP,
                  "home town" VARCHAR,
                  "kind" VARCHAR,
                  PRIMARY KEY ("item_id")
                )""");
        List<String> pg = MySqlDdlTranslator.translate(DDL, Dialect.POSTGRES, "shop");
        assertThat(pg.get(1)).contains("\"price\" NUMERIC(19,4)", "\"weight\" DOUBLE PRECISION", "\"name\" TEXT NOT NULL");
        assertThat(pg.get(2)).isEqualTo("""
                CREATE TABLE "shop"."sale" (
                  "sale_id" INTEGER,
                  "item_id" INTEGER,
                  PRIMARY KEY ("sale_id")
                )""");
    }

    @Test
    void mapType_coversMySqlTypes() {
        assertThat(MySqlDdlTranslator.mapType("int(10) unsigned")).isEqualTo(SqlType.BIGINT);
        assertThat(MySqlDdlTranslator.mapType("BIGINT(20)")).isEqualTo(SqlType.BIGINT);
        assertThat(MySqlDdlTranslator.mapType("bit(1)")).isEqualTo(SqlType.BIGINT);
        assertThat(MySqlDdlTranslator.mapType("year")).isEqualTo(SqlType.INTEGER);
        assertThat(MySqlDdlTranslator.mapType("double precision")).isEqualTo(SqlType.DOUBLE);
        assertThat(MySqlDdlTranslator.mapType("DATE")).isEqualTo(SqlType.DATE);
        assertThat(MySqlDdlTranslator.mapType("CHAR (2)")).isEqualTo(SqlType.TEXT);
        assertThat(MySqlDdlTranslator.mapType("longtext")).isEqualTo(SqlType.TEXT);
    }
}
