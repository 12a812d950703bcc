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
