package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Choosing the columns by hand writes three things (the saved mapping, the run's mapping, its status): all of
 * them or none. Shares {@link ImportServiceTest}'s database; a header row and numbers of its own.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_imports")
class ImportRemapTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SAVED_AS = "remap all or nothing";
    private static final Map<ImportField, Integer> CHOSEN = Map.of(
            ImportField.SUPPLIER_NAME, 2,
            ImportField.SUPPLIER_CORPORATE_NUMBER, 1,
            ImportField.SUPPLIER_CODE, 0);

    @Autowired
    ImportService imports;

    @Autowired
    DataSource dataSource;

    @Test
    @WithUserDetails("procurement")
    void a_remap_whose_last_write_fails_saves_no_mapping_and_leaves_the_run_as_it_was() throws SQLException {
        String number = jp.hoshimi.shared.CorporateNumber.withCheckDigit("700000000301");
        byte[] file = ImportFixtures.utf8("仕入先の符号,登録番号,先方の名称", "R-1," + number + ",全部か無し株式会社");
        ImportRun before = imports.runToEnd(
                ImportKind.SUPPLIERS, "remap-rollback.csv", new ByteArrayInputStream(file), true, WAIT);
        assertThat(before.status()).isEqualTo(ImportStatus.NEEDS_MAPPING);

        // the database refuses the third write, queueing this run again
        execute("CREATE TRIGGER test_refuse_requeue BEFORE UPDATE ON import_run FOR EACH ROW"
                + " BEGIN IF NEW.id = " + before.id() + " AND NEW.status = 'QUEUED' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'requeue refused by the test'; END IF; END");
        try {
            assertThatThrownBy(() -> imports.remap(before.id(), CHOSEN, SAVED_AS))
                    .hasStackTraceContaining("requeue refused by the test");
        } finally {
            execute("DROP TRIGGER IF EXISTS test_refuse_requeue");
        }

        ImportRun after = imports.run(before.id());
        assertThat(after.status()).isEqualTo(ImportStatus.NEEDS_MAPPING);
        assertThat(after.mapping()).as("the run's mapping").isEqualTo(before.mapping());
        assertThat(imports.savedMappingName(before.id()))
                .as("the saved mapping")
                .isEmpty();

        // the same choice goes through once the database takes it
        imports.remap(before.id(), CHOSEN, SAVED_AS);
        ImportRun remapped = imports.await(before.id(), WAIT);
        assertThat(remapped.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(remapped.mapping().column(ImportField.SUPPLIER_NAME)).contains(2);
        assertThat(imports.savedMappingName(before.id())).contains(SAVED_AS);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
