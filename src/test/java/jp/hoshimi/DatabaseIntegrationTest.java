package jp.hoshimi;

import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Against the real MariaDB the test run starts. */
@SpringBootTest
class DatabaseIntegrationTest {

    @Autowired
    Flyway flyway;

    @Autowired
    DSLContext dsl;

    @Test
    void every_migration_in_db_migrations_is_applied() throws IOException {
        long files;
        try (Stream<Path> migrations = Files.list(Path.of("db-migrations"))) {
            files = migrations
                    .filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .count();
        }
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).hasSize((int) files);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied)
                .allSatisfy(info -> assertThat(info.getState().isFailed()).isFalse());
    }

    /**
     * Galera replicates InnoDB tables only, and needs a primary key on every table (DELETE is unsupported
     * without one, and rows may differ in order between nodes): docs/decisions/0042.
     */
    @Test
    void every_table_of_the_migrated_schema_is_innodb_with_a_primary_key() {
        java.util.Map<String, String> tables = dsl.resultQuery(
                        "SELECT table_name, engine FROM information_schema.tables"
                                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")
                .fetchMap(r -> r.get(0, String.class), r -> r.get(1, String.class));
        java.util.Set<String> withPrimaryKey = dsl.resultQuery(
                        "SELECT table_name FROM information_schema.table_constraints"
                                + " WHERE table_schema = DATABASE() AND constraint_type = 'PRIMARY KEY'")
                .fetchSet(r -> r.get(0, String.class));

        assertThat(tables.keySet())
                .hasSizeGreaterThan(40)
                .contains("app_lease", "flyway_schema_history")
                .anyMatch(table -> table.equalsIgnoreCase("qrtz_locks"));
        assertThat(tables.keySet())
                .allSatisfy(table -> assertThat(withPrimaryKey)
                        .as("%s has a primary key", table)
                        .contains(table));
        assertThat(tables)
                .allSatisfy((table, engine) ->
                        assertThat(engine).as("%s's engine", table).isEqualToIgnoringCase("InnoDB"));
    }

    @Test
    void the_server_is_mariadb_with_utf8mb4() {
        assertThat(String.valueOf(dsl.fetchValue("select version()"))).containsIgnoringCase("mariadb");
        assertThat(String.valueOf(dsl.fetchValue("select @@character_set_database")))
                .isEqualTo("utf8mb4");
    }

    @Test
    @Transactional
    void jooq_round_trips_japanese_text_and_generated_keys() {
        Long id = dsl.insertInto(SUPPLIER)
                .set(SUPPLIER.NAME, "株式会社髙橋～①㈱テスト")
                .set(SUPPLIER.NAME_NORMALIZED, "髙橋～①テスト")
                .set(SUPPLIER.NAME_SORT, "タカハシ")
                .set(SUPPLIER.CREATED_AT, java.time.LocalDateTime.of(2026, 11, 27, 1, 2, 3, 456_789_000))
                .set(SUPPLIER.UPDATED_AT, java.time.LocalDateTime.of(2026, 11, 27, 1, 2, 3, 456_789_000))
                .returningResult(SUPPLIER.ID)
                .fetchSingle()
                .value1();

        var row = dsl.selectFrom(SUPPLIER).where(SUPPLIER.ID.eq(id)).fetchSingle();
        assertThat(row.getName()).isEqualTo("株式会社髙橋～①㈱テスト");
        assertThat(row.getCreatedAt().getNano()).isEqualTo(456_789_000);
        assertThat(row.getVersion()).isZero();
        assertThat(row.getCountry()).isNull(); // unknown unless stated (V15)
    }
}
