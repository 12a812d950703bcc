package jp.hoshimi.legalentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import jp.hoshimi.api.ApiCalls;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.Outcome;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.LegalEntityRun.Trigger;
import jp.hoshimi.legalentity.source.LocalNtaApiServer;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.legalentity.source.NtaWebApiSource;
import jp.hoshimi.register.ScheduleRule;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The NTA difference fetch through the real service and API: each source over real HTTP or a real file,
 * "sync now" (202, run history, 409 with a plain reason), the schedule in the clustered Quartz store, and
 * a failed fetch that stores nothing and keeps the cursor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegalEntitySyncTest {

    static final String ADMIN = "hsm_demo_admin_token_0001";
    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";
    static final Path SAMPLES = Path.of("sample-data/nta");
    static final Path FULL = SAMPLES.resolve("nta-full-20261130_unicode.zip");
    static final Path DIFF = SAMPLES.resolve("nta-diff-20261201_unicode.zip");
    static final String MERGED = "3340095277778";

    @LocalServerPort
    int port;

    @Autowired
    LegalEntitySyncService sync;

    @Autowired
    LegalEntityService service;

    @Autowired
    LegalEntitySchedule schedule;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEventPublisher events;

    @TempDir
    Path dir;

    LocalNtaApiServer api;

    @BeforeEach
    void loadTheFullFile() throws Exception {
        empty();
        // the sample difference rows as if updated yesterday: the Web-API is asked for the days up to yesterday
        String yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1).toString();
        api = LocalNtaApiServer.start()
                .rows(
                        Files.readAllLines(SAMPLES.resolve("nta-diff-20261201_unicode.csv"), StandardCharsets.UTF_8)
                                .stream()
                                .map(row -> row.replaceFirst(
                                        "^([^,]*,[^,]*,[^,]*,[^,]*,)2026-12-01,", "$1" + yesterday + ","))
                                .toList());
        LegalEntityRun full =
                system.callAsSystem(() -> service.upload(FULL, "full.zip", FileKind.FULL, NtaEdition.UNICODE));
        assertThat(full.outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @AfterEach
    void restore() {
        api.close();
        configure(SourceType.NONE, null, null);
        dsl.execute("UPDATE legal_entity_source SET application_id = NULL, etag = NULL, last_modified = NULL,"
                + " fetched_through = NULL WHERE id = 1");
        empty();
        Set<Long> suppliers = new HashSet<>(dsl.fetch("SELECT id FROM supplier").getValues(0, Long.class));
        events.publishEvent(new MasterDataChangedEvent(suppliers, Set.of()));
    }

    private void empty() {
        // the sample difference moves S-10008: its move alert (to owners in every unit) goes too
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_staging");
        dsl.execute("DELETE FROM legal_entity_run");
    }

    private LegalEntitySourceSettings configure(SourceType type, String location, String applicationId) {
        return system.callAsSystem(() -> sync.saveSource(
                type, location, NtaEdition.UNICODE, applicationId, sync.source().version()));
    }

    private ApiCalls.Answer call(String method, String path, String token) throws Exception {
        return new ApiCalls(port).send(method, path, token, null);
    }

    private JsonNode syncOverTheApi() throws Exception {
        ApiCalls.Answer started = call("POST", "/api/v1/legal-entities/sync", ADMIN);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long runId = started.body().path("runId").asLong();
        system.runAsSystem(() -> sync.await(runId, Duration.ofSeconds(60)));
        ApiCalls.Answer run = call("GET", "/api/v1/legal-entities/sync-runs/" + runId, ADMIN);
        assertThat(run.status()).isEqualTo(200);
        return run.body();
    }

    private String process(String corporateNumber) {
        return dsl.fetchValue("SELECT process FROM legal_entity WHERE corporate_number = ?", corporateNumber)
                .toString();
    }

    @Test
    void sync_now_over_the_api_fetches_the_web_api_days_since_the_data_and_then_finds_nothing_new() throws Exception {
        configure(SourceType.WEB_API, api.base().toString(), LocalNtaApiServer.APPLICATION_ID);

        JsonNode run = syncOverTheApi();
        assertThat(run.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(run.path("sourceType").asText()).isEqualTo("WEB_API");
        assertThat(run.path("fileName").asText()).doesNotContain(LocalNtaApiServer.APPLICATION_ID);
        assertThat(run.path("historyRows").asLong()).isEqualTo(7);
        assertThat(process(MERGED)).isEqualTo("71");
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1);
        assertThat(system.callAsSystem(() -> sync.source()).fetchedThrough()).isEqualTo(yesterday);
        // a first fetch starts after the newest data loaded, at most one API range (50 days) back
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).toString())
                .contains("from=" + yesterday.minusDays(NtaWebApiSource.MAX_DAYS - 1))
                .contains("to=" + yesterday);

        JsonNode again = syncOverTheApi();
        assertThat(again.path("outcome").asText()).isEqualTo("UNCHANGED");
        JsonNode freshness =
                call("GET", "/api/v1/legal-entities/freshness", PROCUREMENT).body();
        assertThat(freshness.path("stale").asBoolean()).isFalse();
        assertThat(freshness.path("asOf").isNull()).isFalse();
    }

    @Test
    void a_garbage_answer_is_a_failed_run_with_a_plain_reason_that_stores_nothing() throws Exception {
        configure(SourceType.WEB_API, api.base().toString(), LocalNtaApiServer.APPLICATION_ID);
        api.next(LocalNtaApiServer.Fault.GARBAGE);

        JsonNode run = syncOverTheApi();
        assertThat(run.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(run.path("errorCode").asText()).isEqualTo("SOURCE_MALFORMED");
        assertThat(run.path("errorArgs").asText()).contains("summary line");
        assertThat(process(MERGED)).as("nothing applied").isEqualTo("01");
        assertThat(dsl.fetchCount(dsl.selectFrom("legal_entity_change"))).isZero();
        assertThat(system.callAsSystem(() -> sync.source()).fetchedThrough())
                .as("the cursor stays")
                .isNull();
    }

    @Test
    void a_refused_file_at_the_source_fails_the_run_and_keeps_the_cursor() throws Exception {
        Path drop = dir.resolve("diff.csv");
        Files.writeString(drop, "1,3340095277778,71,0,2026-12-01\n"); // 5 columns
        configure(SourceType.FILE, drop.toAbsolutePath().toString(), null);

        LegalEntityRun run =
                system.callAsSystem(() -> sync.sync(Trigger.SCHEDULE)).orElseThrow();
        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.errorCode()).isEqualTo("COLUMNS");
        assertThat(process(MERGED)).isEqualTo("01");
        assertThat(dsl.fetchValue("SELECT etag FROM legal_entity_source WHERE id = 1"))
                .isNull();
    }

    @Test
    void a_file_source_is_loaded_once_then_unchanged_until_the_file_changes() throws Exception {
        Path drop = Files.copy(DIFF, dir.resolve("diff.zip"));
        configure(SourceType.FILE, drop.toAbsolutePath().toString(), null);

        LegalEntityRun first =
                system.callAsSystem(() -> sync.sync(Trigger.SCHEDULE)).orElseThrow();
        assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(first.trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(process(MERGED)).isEqualTo("71");
        LegalEntityRun second =
                system.callAsSystem(() -> sync.sync(Trigger.SCHEDULE)).orElseThrow();
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void a_company_mirror_is_fetched_over_http() {
        try (LocalRegisterServer mirror = LocalRegisterServer.start(DIFF)) {
            configure(
                    SourceType.HTTP, mirror.url("nta-diff-20261201_unicode.zip").toString(), null);
            LegalEntityRun run =
                    system.callAsSystem(() -> sync.sync(Trigger.SCHEDULE)).orElseThrow();
            assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(run.sourceType()).isEqualTo(SourceType.HTTP);
            assertThat(process(MERGED)).isEqualTo("71");
            mirror.next(LocalRegisterServer.Misbehaviour.MAINTENANCE_PAGE);
            LegalEntityRun refused =
                    system.callAsSystem(() -> sync.sync(Trigger.SCHEDULE)).orElseThrow();
            assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(refused.errorCode()).isEqualTo("SOURCE_MAINTENANCE_PAGE");
        }
    }

    @Test
    void without_a_source_sync_now_is_a_409_with_a_plain_reason_and_only_an_administrator_may_ask() throws Exception {
        ApiCalls.Answer refused = call("POST", "/api/v1/legal-entities/sync", ADMIN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NO_LEGAL_ENTITY_SOURCE");
        assertThat(refused.message()).containsAnyOf("No source", "取得元が設定されていません");
        assertThat(call("POST", "/api/v1/legal-entities/sync", PROCUREMENT).status())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/legal-entities/sync-runs", PROCUREMENT).status())
                .isEqualTo(403);
        assertThat(system.callAsSystem(() -> sync.sync(Trigger.SCHEDULE))).isEmpty();
    }

    @Test
    @WithMockUser(roles = "PROCUREMENT")
    void a_procurement_clerk_may_neither_sync_nor_configure() {
        assertThatThrownBy(() -> sync.startSync(Trigger.MANUAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sync.saveSource(SourceType.FILE, "/tmp/x.zip", NtaEdition.UNICODE, null, 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sync.source()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void settings_are_checked_and_the_application_id_is_never_given_back() {
        assertThatThrownBy(() -> configure(SourceType.WEB_API, api.base().toString(), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> configure(SourceType.HTTP, "ftp://mirror/diff.zip", null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> configure(SourceType.FILE, "relative/diff.zip", null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> configure(SourceType.WEB_API, api.base().toString(), "id with spaces"))
                .isInstanceOf(ValidationException.class);

        LegalEntitySourceSettings saved =
                configure(SourceType.WEB_API, api.base().toString(), "secret-id");
        assertThat(saved.applicationIdSet()).isTrue();
        assertThat(saved.toString()).doesNotContain("secret-id");
        // kept when left empty
        LegalEntitySourceSettings kept =
                configure(SourceType.WEB_API, api.base().toString(), "");
        assertThat(kept.applicationIdSet()).isTrue();
        assertThat(dsl.fetchValue("SELECT application_id FROM legal_entity_source WHERE id = 1"))
                .isEqualTo("secret-id");
        assertThat(dsl.fetchCount(dsl.selectFrom("audit_event")
                        .where("entity_type = 'legal_entity_source' AND (before_json LIKE"
                                + " '%secret-id%' OR after_json LIKE '%secret-id%')")))
                .as("the audit never holds the id")
                .isZero();
        int stale = saved.version();
        assertThatThrownBy(() -> system.callAsSystem(
                        () -> sync.saveSource(SourceType.NONE, null, NtaEdition.UNICODE, null, stale)))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void the_fetch_runs_daily_by_default_and_an_administrator_changes_when() {
        ScheduleRule before = system.callAsSystem(() -> schedule.currentRule()).orElseThrow();
        assertThat(before).isInstanceOf(ScheduleRule.DailyAt.class);
        try {
            system.runAsSystem(() -> schedule.change(new ScheduleRule.EveryHours(6)));
            assertThat(system.callAsSystem(() -> schedule.currentRule())).contains(new ScheduleRule.EveryHours(6));
            assertThat(system.callAsSystem(() -> schedule.nextFire())).isNotNull();
        } finally {
            system.runAsSystem(() -> schedule.change(before));
        }
    }
}
