package jp.hoshimi.register.internal;

import static jp.hoshimi.db.Tables.REGISTER_STAGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.FeedEntry;
import jp.hoshimi.register.source.RegisterKind;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Staging against the real MariaDB: names with the characters the staging file escapes arrive as
 * published, through LOAD DATA LOCAL INFILE and through the batched inserts used where it is refused.
 * The SECURITY ACTION register is the playground, as in RegisterSyncServiceTest (same database).
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_register")
@ExtendWith(OutputCaptureExtension.class)
class RegisterStagingTest {

    static final RegisterKind KIND = RegisterKind.SECURITY_ACTION;
    static final String REFUSED = "The database refuses LOAD DATA LOCAL INFILE";

    @Autowired
    RegisterRepository repository;

    @Autowired
    DSLContext dsl;

    @Autowired
    Environment environment;

    @TempDir
    Path dir;

    static final List<FeedEntry> FEED = List.of(
            entry(1, "株式会社\tタブ", "ACTIVE"),
            entry(2, "バック\\スラッシュ\\N商事", "ACTIVE"),
            entry(3, "改行\n（旧 テスト工業）\r\n", "SUSPENDED"),
            entry(4, "\\N", "ACTIVE"),
            entry(5, "NUL\u0000と絵文字🏯と𠮷", "ACTIVE"),
            new FeedEntry(number(6), "任意項目なし", "SA2", null, null, "ACTIVE", null, null));

    /** Staging takes the parser's word for the 法人番号: any 13 digits do here. */
    static String number(int i) {
        return String.format("80000000%05d", i);
    }

    static FeedEntry entry(int i, String name, String status) {
        return new FeedEntry(
                number(i), name, "SA1", LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31), status, "全社", "評価機関");
    }

    @BeforeEach
    void emptyRegister() {
        repository.clearAllOf(KIND);
    }

    @Test
    void names_with_tabs_backslashes_and_line_breaks_are_staged_as_published(CapturedOutput output) {
        long run = startRun();

        RegisterRepository.Difference difference = stage(repository, run);

        assertThat(difference.added()).isEqualTo(FEED.size());
        assertStaged(run);
        assertThat(output).doesNotContain(REFUSED);
    }

    @Test
    void where_local_infile_is_refused_the_rows_go_in_as_batched_inserts_and_it_is_logged_once(CapturedOutput output) {
        String url = environment.getRequiredProperty("spring.datasource.url");
        assertThat(url).contains("allowLocalInfile=true");
        DriverManagerDataSource refusing = new DriverManagerDataSource(
                url.replace("allowLocalInfile=true", "allowLocalInfile=false"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
        RegisterRepository withoutLocalInfile = new RegisterRepository(DSL.using(refusing, SQLDialect.MARIADB));
        long first = startRun();
        long second = startRun();

        stage(withoutLocalInfile, first);
        stage(withoutLocalInfile, second);

        assertStaged(first);
        assertStaged(second);
        assertThat(output.getAll().split(REFUSED, -1)).hasSize(2);
    }

    @Test
    void where_the_server_refuses_local_infile_the_rows_go_in_as_batched_inserts(CapturedOutput output) {
        DriverManagerDataSource fresh = new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
        RegisterRepository onRefusingServer = new RegisterRepository(DSL.using(fresh, SQLDialect.MARIADB));
        long run = startRun();
        dsl.execute("SET GLOBAL local_infile = 0");
        try {
            stage(onRefusingServer, run);
        } finally {
            dsl.execute("SET GLOBAL local_infile = 1");
        }

        assertStaged(run);
        assertThat(output).contains(REFUSED);
    }

    @Test
    void a_value_the_server_would_have_to_bend_fails_the_load_instead_of_passing_as_a_warning() {
        // LOCAL INFILE turns errors into warnings; the parser never makes such a value, this one forces it
        FeedEntry tooLong = new FeedEntry(
                number(9), "株式会社テスト", "STAR3-AND-MORE", null, LocalDate.of(2028, 3, 31), "ACTIVE", null, null);
        long run = startRun();

        try (RegisterRepository.Staging staging = repository.staging(run, KIND, dir)) {
            staging.add(tooLong, "ab".repeat(32));
            assertThatThrownBy(staging::load)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("warned")
                    .hasMessageContaining("level");
        } finally {
            repository.clearStaging(run);
        }
    }

    private long startRun() {
        return repository.startRun(KIND, "test", SyncRun.Trigger.MANUAL, "test", "test", LocalDateTime.now());
    }

    private RegisterRepository.Difference stage(RegisterRepository on, long run) {
        try (RegisterRepository.Staging staging = on.staging(run, KIND, dir)) {
            for (FeedEntry entry : FEED) {
                staging.add(entry, "ab".repeat(32));
            }
            return staging.load();
        }
    }

    private void assertStaged(long run) {
        List<FeedEntry> staged = dsl.selectFrom(REGISTER_STAGING)
                .where(REGISTER_STAGING.SYNC_RUN_ID.eq(run))
                .orderBy(REGISTER_STAGING.CORPORATE_NUMBER)
                .fetch(r -> new FeedEntry(
                        r.getCorporateNumber(),
                        r.getName(),
                        r.getLevel(),
                        r.getRegisteredOn(),
                        r.getValidUntil(),
                        r.getStatus(),
                        r.getScope(),
                        r.getAssessmentBody()));
        assertThat(staged).containsExactlyInAnyOrderElementsOf(FEED);
        assertThat(dsl.fetchCount(
                        REGISTER_STAGING,
                        REGISTER_STAGING.SYNC_RUN_ID.eq(run).and(REGISTER_STAGING.CHANGE_TYPE.eq("NEW"))))
                .isEqualTo(FEED.size());
        repository.clearStaging(run);
    }
}
