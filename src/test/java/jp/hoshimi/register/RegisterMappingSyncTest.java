package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import jp.hoshimi.register.internal.RegisterRepository;
import jp.hoshimi.register.source.FeedFormat;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.OfficialShapedRegister;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 23 against the real local register server and MariaDB: a register in a plausible official shape
 * (title block, Japanese headers, ★ levels, 令和 dates, CP932; then the same as an .xlsx download) is mapped,
 * previewed and synced; a saved mapping that makes the sync refuse the feed leaves the register untouched.
 * Shares the context (and database) of {@link RegisterSyncServiceTest}; uses the ★ register and puts its
 * mapping back afterwards.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_register")
class RegisterMappingSyncTest {

    static final RegisterKind KIND = RegisterKind.STAR;
    static final Path DEMO = Path.of("sample-data/register-star.csv");

    @Autowired
    RegisterSyncService sync;

    @Autowired
    RegisterMappingService mappings;

    @Autowired
    RegisterService register;

    @Autowired
    RegisterRepository repository;

    @Autowired
    SystemAuthentication system;

    @TempDir
    Path dir;

    LocalRegisterServer server;
    Path csv;
    Path xlsx;

    @BeforeEach
    void serveTheOfficialShapedRegister() {
        List<String> lines = OfficialShapedRegister.lines(DEMO);
        csv = OfficialShapedRegister.csv(dir.resolve("touroku-sjis.csv"), lines);
        xlsx = OfficialShapedRegister.xlsx(dir.resolve("touroku.xlsx"), lines);
        server = LocalRegisterServer.start(0, csv, xlsx);
        system.runAsSystem(() -> repository.clearAllOf(KIND));
    }

    @AfterEach
    void putTheDefaultsBack() {
        server.close();
        system.runAsSystem(() -> {
            RegisterMapping now = mappings.current(KIND);
            MappingDraft defaults = MappingDraft.of(RegisterMapping.defaults(KIND));
            mappings.save(KIND, withVersion(defaults, now.version()));
            repository.clearAllOf(KIND);
        });
    }

    static MappingDraft withVersion(MappingDraft d, int version) {
        return new MappingDraft(
                d.corporateNumber(),
                d.name(),
                d.level(),
                d.registeredOn(),
                d.validUntil(),
                d.status(),
                d.scope(),
                d.assessmentBody(),
                d.entriesPath(),
                d.levelValues(),
                d.statusValues(),
                d.datePattern(),
                d.encoding(),
                version);
    }

    /** The official shape as an administrator types it on the screen. */
    MappingDraft official() {
        FieldMapping m = OfficialShapedRegister.mapping();
        RegisterMapping typed = new RegisterMapping(KIND, m, null, null, null, 0);
        return withVersion(MappingDraft.of(typed), mappings().version());
    }

    RegisterMapping mappings() {
        return system.callAsSystem(() -> mappings.current(KIND));
    }

    SyncRun syncFrom(String fileName) {
        HttpFeedSource.Settings settings = new HttpFeedSource.Settings(
                URI.create(server.url(fileName).toString()),
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                1,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                10_000_000,
                dir);
        HttpFeedSource source = new HttpFeedSource(settings, slept -> {}, System::nanoTime, new Random(23));
        return system.callAsSystem(() -> sync.syncFrom(KIND, source, SyncRun.Trigger.MANUAL));
    }

    int entries() {
        return system.callAsSystem(() -> register.countEntries(KIND, null, false));
    }

    @Test
    void the_official_shaped_cp932_register_is_refused_with_the_default_mapping_and_synced_once_mapped() {
        SyncRun before = syncFrom("touroku-sjis.csv");
        assertThat(before.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(entries()).isZero();

        system.runAsSystem(() -> mappings.save(KIND, official()));
        SyncRun mapped = syncFrom("touroku-sjis.csv");

        assertThat(mapped.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(mapped.added()).isEqualTo(70);
        RegisterEntry first =
                system.callAsSystem(() -> register.entriesOf("1010001202543")).get(0);
        assertThat(first.name()).isEqualTo("株式会社ミナトデンソー");
        assertThat(first.level()).isEqualTo("STAR3");
        assertThat(first.validUntil()).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
        assertThat(first.status()).isEqualTo("ACTIVE");

        // the same register as an Excel download: nothing differs
        SyncRun workbook = syncFrom("touroku.xlsx");
        assertThat(workbook.outcome()).isIn(SyncRun.Outcome.SUCCEEDED, SyncRun.Outcome.NOT_MODIFIED);
        assertThat(workbook.added() + workbook.changed() + workbook.removed()).isZero();
        assertThat(workbook.unchanged()).isEqualTo(70);

        // and as an administrator's upload of that download, told apart from CSV by its content
        SyncRun uploaded = system.callAsSystem(() -> sync.upload(KIND, "export", uncheckedStream(xlsx)));
        assertThat(uploaded.outcome()).isIn(SyncRun.Outcome.SUCCEEDED, SyncRun.Outcome.NOT_MODIFIED);
        assertThat(uploaded.added() + uploaded.changed() + uploaded.removed()).isZero();
    }

    @Test
    void a_saved_mapping_that_makes_the_sync_refuse_the_feed_leaves_the_register_untouched() {
        system.runAsSystem(() -> mappings.save(KIND, official()));
        assertThat(syncFrom("touroku-sjis.csv").outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        int changes = system.callAsSystem(() -> register.countChanges());
        RegisterEntry expired =
                system.callAsSystem(() -> register.entriesOf("1110001753708")).get(0);
        assertThat(entries()).isEqualTo(70);

        // 失効 forgotten: the feed has not changed, but it is read again under the new mapping, and refused
        MappingDraft forgot = official();
        MappingDraft without = new MappingDraft(
                forgot.corporateNumber(),
                forgot.name(),
                forgot.level(),
                forgot.registeredOn(),
                forgot.validUntil(),
                forgot.status(),
                forgot.scope(),
                forgot.assessmentBody(),
                forgot.entriesPath(),
                forgot.levelValues(),
                "有効=ACTIVE\n一時停止=SUSPENDED\n取消=REVOKED\n",
                forgot.datePattern(),
                forgot.encoding(),
                forgot.version());
        system.runAsSystem(() -> mappings.save(KIND, without));
        SyncRun refused = syncFrom("touroku-sjis.csv");

        assertThat(refused.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(refused.errorDetail()).contains("unknown status '失効'");
        // the run history shows why in the reader's language, from the stored text
        assertThat(refused.problem().in(java.util.Locale.JAPANESE))
                .isEqualTo("7 行目：不明な状態「失効」です（ACTIVE・SUSPENDED・REVOKED・EXPIRED のいずれか。値の対応で追加できます）");
        assertThat(refused.problem().english()).isEqualTo(refused.errorDetail());
        assertThat(entries()).isEqualTo(70);
        assertThat(system.callAsSystem(() -> register.entriesOf("1110001753708"))
                        .get(0))
                .isEqualTo(expired);
        assertThat(system.callAsSystem(() -> register.countChanges())).isEqualTo(changes);
    }

    @Test
    void the_preview_reads_a_sample_and_stores_nothing() throws IOException {
        int version = mappings().version();

        RegisterMappingService.Preview preview =
                system.callAsSystem(() -> mappings.preview(KIND, official(), uncheckedStream(xlsx)));

        assertThat(preview.format()).isEqualTo(FeedFormat.XLSX);
        assertThat(preview.entries()).isEqualTo(70);
        assertThat(preview.acceptable()).isTrue();
        assertThat(preview.firstEntries()).hasSize(RegisterMappingService.FIRST_ENTRIES);
        assertThat(preview.firstEntries().get(0).corporateNumber()).isEqualTo("1010001202543");
        assertThat(mappings().version()).isEqualTo(version);
        assertThat(entries()).isZero();
    }

    @Test
    void a_bad_mapping_is_rejected_by_the_preview_with_the_reason_of_every_row() throws IOException {
        MappingDraft o = official();
        MappingDraft slashDates = new MappingDraft(
                o.corporateNumber(),
                o.name(),
                o.level(),
                o.registeredOn(),
                o.validUntil(),
                o.status(),
                o.scope(),
                o.assessmentBody(),
                o.entriesPath(),
                o.levelValues(),
                o.statusValues(),
                FieldMapping.SLASH_DATES,
                o.encoding(),
                o.version());

        RegisterMappingService.Preview preview =
                system.callAsSystem(() -> mappings.preview(KIND, slashDates, uncheckedStream(csv)));

        assertThat(preview.acceptable()).isFalse();
        assertThat(preview.entries()).isZero();
        assertThat(preview.rejectedTotal()).isEqualTo(70);
        assertThat(preview.rejected()).hasSize(70);
        assertThat(preview.rejected().get(0).where()).isEqualTo("line 5");
        assertThat(preview.rejected().get(0).reason()).contains("is not a date of the form uuuu/MM/dd");
    }

    @Test
    void a_mapping_that_cannot_be_right_is_refused_before_any_read() {
        MappingDraft o = official();
        MappingDraft wrong = new MappingDraft(
                o.corporateNumber(),
                "",
                o.level(),
                o.registeredOn(),
                o.validUntil(),
                o.status(),
                o.scope(),
                o.assessmentBody(),
                o.entriesPath(),
                "★3=STAR9\n",
                "有効",
                "yyyy年",
                "EUC-JP",
                o.version());

        assertThatThrownBy(() -> system.runAsSystem(() -> mappings.save(KIND, wrong)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.messageKey())
                                .containsExactlyInAnyOrder(
                                        "name:validation.required",
                                        "levelValues:registerMapping.values.unknown",
                                        "statusValues:registerMapping.values.invalid",
                                        "encoding:registerMapping.encoding.invalid"));
    }

    private static java.io.InputStream uncheckedStream(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
