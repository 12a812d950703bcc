package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.hoshimi.register.source.FetchResult;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSource;
import jp.hoshimi.register.source.Validators;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sync against a real local register server and a real MariaDB of its own. The SECURITY ACTION
 * register is used as the playground (the demo ★ register stays as the dev app synced it).
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_register")
class RegisterSyncServiceTest {

    static final RegisterKind KIND = RegisterKind.SECURITY_ACTION;
    static final String HEADER = "corporate_number,name,level,registered_on,valid_until,status,scope,assessment_body";

    @Autowired
    RegisterSyncService sync;

    @Autowired
    RegisterService register;

    @Autowired
    SystemAuthentication system;

    @Autowired
    jp.hoshimi.register.internal.RegisterRepository repository;

    @Autowired
    RegisterSources sources;

    @Autowired
    RegisterProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    org.jooq.DSLContext dsl;

    @Autowired
    @Qualifier(RegisterSyncThreads.RUNS)
    TaskExecutor runs;

    final List<ThreadPoolTaskScheduler> otherNodesThreads = new ArrayList<>();

    @TempDir
    Path dir;

    Path feed;
    LocalRegisterServer server;
    final List<Duration> slept = new ArrayList<>();

    static String number(int i) {
        String base = String.format("9%011d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (base.charAt(11 - k) - '0') * ((k + 1) % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base;
    }

    static String line(int i, String level, String validUntil, String status) {
        return number(i) + ",テスト工業" + i + "株式会社," + level + ",2026-04-01," + validUntil + "," + status + ",全社,";
    }

    void writeFeed(List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(lines);
        Files.write(feed, all, StandardCharsets.UTF_8);
    }

    List<String> entries(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(line(i, i % 2 == 0 ? "SA2" : "SA1", "", "ACTIVE"));
        }
        return lines;
    }

    @BeforeEach
    void startServer() throws IOException {
        feed = dir.resolve("sa.csv");
        writeFeed(entries(40));
        server = LocalRegisterServer.start(feed)
                .retryAfter(Duration.ofSeconds(3))
                .tick(Duration.ofMillis(300));
        // a clean slate for the kind under test
        system.runAsSystem(() -> resetKind());
    }

    private void resetKind() {
        repository.clearAllOf(KIND);
    }

    @AfterEach
    void stopServer() {
        server.close();
        otherNodesThreads.forEach(ThreadPoolTaskScheduler::shutdown);
    }

    RegisterSource source() {
        return source(4, Duration.ofSeconds(20), 10_000_000);
    }

    RegisterSource source(int attempts, Duration deadline, long maxBytes) {
        HttpFeedSource.Settings settings = new HttpFeedSource.Settings(
                URI.create(server.url().toString()),
                null,
                Duration.ofSeconds(2),
                Duration.ofMillis(800),
                deadline,
                attempts,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                maxBytes,
                dir);
        return new HttpFeedSource(settings, slept::add, System::nanoTime, new Random(7));
    }

    SyncRun syncNow() {
        return system.callAsSystem(() -> sync.syncFrom(KIND, source(), SyncRun.Trigger.MANUAL));
    }

    int activeEntries() {
        return system.callAsSystem(() -> register.countEntries(KIND, null, false));
    }

    int changeCount() {
        return system.callAsSystem(() -> register.countChanges());
    }

    @Test
    void a_first_sync_stores_every_entry_and_the_same_feed_again_changes_nothing() {
        SyncRun first = syncNow();
        assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(first.added()).isEqualTo(40);
        assertThat(first.etag()).isNotBlank();
        assertThat(activeEntries()).isEqualTo(40);
        int changes = changeCount();

        SyncRun second = syncNow();
        assertThat(second.outcome()).isEqualTo(SyncRun.Outcome.NOT_MODIFIED);
        assertThat(server.requests().get(server.requests().size() - 1).header("if-none-match"))
                .isEqualTo(first.etag());
        assertThat(changeCount()).isEqualTo(changes);
        assertThat(system.callAsSystem(() -> register.freshness().lastSuccess()))
                .isNotNull();
    }

    /**
     * Issue 17: a kind's very first load is one initial-load event on the run, not 40 NEW change rows; each
     * entry's history starts with that run, suppliers of the loaded entries are still re-evaluated, and the
     * next sync writes one change row per difference again.
     */
    @Test
    void a_kinds_first_load_is_one_initial_load_event_and_later_syncs_record_each_difference(
            @Autowired jp.hoshimi.compliance.internal.ComplianceRepository compliance,
            @Autowired jp.hoshimi.supplier.SupplierService suppliers)
            throws IOException {
        long supplierId = system.callAsSystem(() -> suppliers
                .findByCorporateNumber(number(3))
                .map(jp.hoshimi.supplier.SupplierDetails::id)
                .orElseGet(() -> suppliers.create(new jp.hoshimi.supplier.SupplierForm(
                        number(3), null, "初回読込テスト株式会社", null, "JP", null, null, null, null))));
        int changesBefore = changeCount();

        SyncRun first = syncNow();

        assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(first.initialLoad()).isTrue();
        assertThat(first.added()).isEqualTo(40);
        assertThat(activeEntries()).isEqualTo(40);
        assertThat(system.callAsSystem(() -> register.changesOfRun(first.id(), 0, 100)))
                .isEmpty();
        assertThat(changeCount()).isEqualTo(changesBefore);
        assertThat(system.callAsSystem(() -> register.historyOf(number(5))))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(RegisterChange.Type.INITIAL_LOAD);
                    assertThat(c.syncRunId()).isEqualTo(first.id());
                    assertThat(c.kind()).isEqualTo(KIND);
                    assertThat(c.name()).isEqualTo("テスト工業5株式会社");
                });
        assertThat(system.callAsSystem(() -> compliance.suppliersChangedInRun(first.id())))
                .as("the initial load re-evaluates the suppliers it names")
                .contains(supplierId);

        List<String> lines = entries(40);
        lines.set(4, line(5, "SA2", "", "ACTIVE")); // level SA1 -> SA2
        lines.add(line(41, "SA1", "", "ACTIVE")); // new
        writeFeed(lines);
        SyncRun second = syncNow();

        assertThat(second.initialLoad()).isFalse();
        assertThat(system.callAsSystem(() -> register.changesOfRun(second.id(), 0, 100)))
                .extracting(RegisterChange::type)
                .containsExactlyInAnyOrder(RegisterChange.Type.NEW, RegisterChange.Type.LEVEL);
        assertThat(system.callAsSystem(() -> register.historyOf(number(5))))
                .extracting(RegisterChange::type)
                .containsExactly(RegisterChange.Type.LEVEL, RegisterChange.Type.INITIAL_LOAD);
        assertThat(system.callAsSystem(() -> register.historyOf(number(41))))
                .extracting(RegisterChange::type)
                .containsExactly(RegisterChange.Type.NEW);
        assertThat(system.callAsSystem(() -> compliance.suppliersChangedInRun(second.id())))
                .doesNotContain(supplierId);
    }

    /**
     * Issue 17 (decision 0044): the first load goes straight into the register, parsed while the database
     * loads it, with nothing staged; its entries carry the content hashes a compared sync writes, so a 1 %
     * change afterwards is one change row per difference and nothing else.
     */
    @Test
    void a_first_load_goes_straight_into_the_register_and_a_one_percent_sync_after_it_records_only_the_differences()
            throws IOException {
        writeFeed(entries(500));

        SyncRun first = syncNow();

        assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(first.initialLoad()).isTrue();
        assertThat(first.added()).isEqualTo(500);
        assertThat(activeEntries()).isEqualTo(500);
        assertThat(dsl.fetchCount(
                        jp.hoshimi.db.Tables.REGISTER_STAGING,
                        jp.hoshimi.db.Tables.REGISTER_STAGING.SYNC_RUN_ID.eq(first.id())))
                .as("nothing staged")
                .isZero();
        assertThat(system.callAsSystem(() -> register.entriesOf(number(250))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(KIND);
                    assertThat(e.name()).isEqualTo("テスト工業250株式会社");
                    assertThat(e.level()).isEqualTo("SA2");
                    assertThat(e.registeredOn()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
                    assertThat(e.validUntil()).isNull();
                    assertThat(e.status()).isEqualTo("ACTIVE");
                    assertThat(e.scope()).isEqualTo("全社");
                    assertThat(e.assessmentBody()).isNull();
                    assertThat(e.sourceId()).isEqualTo(first.sourceId());
                    assertThat(e.firstSeen()).isEqualTo(e.lastSeen());
                    assertThat(e.removedAt()).isNull();
                });
        assertThat(system.callAsSystem(() -> register.historyOf(number(250))))
                .singleElement()
                .satisfies(c -> assertThat(c.syncRunId()).isEqualTo(first.id()));

        List<String> lines = entries(500);
        lines.set(9, line(10, "SA1", "", "ACTIVE")); // level SA2 -> SA1
        lines.set(99, line(100, "SA2", "2028-03-31", "ACTIVE")); // validity
        lines.set(199, line(200, "SA2", "", "SUSPENDED")); // status
        lines.remove(499); // removal
        lines.add(line(501, "SA1", "", "ACTIVE")); // new
        writeFeed(lines);
        SyncRun second = syncNow();

        assertThat(second.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(second.initialLoad()).isFalse();
        assertThat(List.of(second.added(), second.changed(), second.removed(), second.unchanged()))
                .containsExactly(1, 3, 1, 496);
        assertThat(system.callAsSystem(() -> register.changesOfRun(second.id(), 0, 100)))
                .extracting(c -> c.corporateNumber() + " " + c.type())
                .containsExactlyInAnyOrder(
                        number(10) + " LEVEL",
                        number(100) + " VALIDITY",
                        number(200) + " STATUS",
                        number(500) + " REMOVED",
                        number(501) + " NEW");
    }

    /**
     * A first load checks every entry as it streams them into the register: a bad one far into the feed (after
     * more rows than the pipe to the database holds, so rows have reached it) fails the run, says where, and
     * leaves nothing stored; the next good feed is still the kind's first load.
     */
    @Test
    void a_first_load_with_a_bad_entry_deep_in_the_feed_stores_nothing_and_says_where() throws IOException {
        List<String> lines = entries(20_000);
        lines.set(17_999, line(18_000, "SA9", "", "ACTIVE"));
        writeFeed(lines);
        int changes = changeCount();

        SyncRun failed = syncNow();

        assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(failed.errorCode()).isEqualTo("register.source.malformed");
        assertThat(failed.errorDetail()).startsWith("line 18001: ").contains("SA9");
        assertThat(failed.initialLoad()).isFalse();
        assertThat(system.callAsSystem(() -> register.countEntries(KIND, null, true)))
                .as("nothing of the feed stored, removed or not")
                .isZero();
        assertThat(changeCount()).isEqualTo(changes);

        writeFeed(entries(20_000));
        SyncRun first = syncNow();

        assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(first.initialLoad()).isTrue();
        assertThat(first.added()).isEqualTo(20_000);
        assertThat(activeEntries()).isEqualTo(20_000);
    }

    /**
     * Where the server refuses LOAD DATA LOCAL INFILE, a first load goes in as batched inserts in the same one
     * transaction: a bad entry after the first batches stores nothing, a good feed is the initial load, and the
     * 1 % sync after it (staged with batched inserts too) records each difference.
     */
    @Test
    void where_local_infile_is_refused_a_first_load_goes_in_as_batched_inserts_all_or_nothing() throws IOException {
        List<String> bad = entries(3_000);
        bad.set(2_499, line(2_500, "SA1", "2026-03-31", "ACTIVE")); // valid until before registered on
        dsl.execute("SET GLOBAL local_infile = 0");
        try {
            writeFeed(bad);
            SyncRun failed = syncNow();

            assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(failed.errorDetail()).startsWith("line 2501: ");
            assertThat(system.callAsSystem(() -> register.countEntries(KIND, null, true)))
                    .isZero();

            writeFeed(entries(3_000));
            SyncRun first = syncNow();

            assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(first.initialLoad()).isTrue();
            assertThat(activeEntries()).isEqualTo(3_000);

            List<String> lines = entries(3_000);
            for (int i = 0; i < 3_000; i += 100) {
                lines.set(i, line(i + 1, "SA1", "", "REVOKED"));
            }
            writeFeed(lines);
            SyncRun onePercent = syncNow();

            assertThat(onePercent.changed()).isEqualTo(30);
            assertThat(system.callAsSystem(() -> register.changesOfRun(onePercent.id(), 0, 100)))
                    .hasSize(30)
                    .allSatisfy(c -> assertThat(c.type()).isEqualTo(RegisterChange.Type.STATUS));
        } finally {
            dsl.execute("SET GLOBAL local_infile = 1");
        }
    }

    @Test
    void each_difference_is_one_change_row_and_a_removal_within_the_guard_is_applied() throws IOException {
        syncNow();
        List<String> lines = entries(40);
        lines.set(0, line(1, "SA2", "", "ACTIVE")); // level SA1 -> SA2
        lines.set(2, line(3, "SA1", "2027-03-31", "ACTIVE")); // validity
        lines.set(4, line(5, "SA1", "", "SUSPENDED")); // status
        lines.remove(39); // removal of 1 of 40 (2.5 %)
        lines.add(line(41, "SA1", "", "ACTIVE")); // new
        writeFeed(lines);

        SyncRun run = syncNow();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(run.added()).isEqualTo(1);
        assertThat(run.changed()).isEqualTo(3);
        assertThat(run.removed()).isEqualTo(1);
        List<RegisterChange> changes = system.callAsSystem(() -> register.changesOfRun(run.id(), 0, 100));
        assertThat(changes)
                .extracting(RegisterChange::type)
                .containsExactlyInAnyOrder(
                        RegisterChange.Type.NEW,
                        RegisterChange.Type.LEVEL,
                        RegisterChange.Type.VALIDITY,
                        RegisterChange.Type.STATUS,
                        RegisterChange.Type.REMOVED);
        assertThat(changes)
                .filteredOn(c -> c.type() == RegisterChange.Type.VALIDITY)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.corporateNumber()).isEqualTo(number(3));
                    assertThat(c.newValidUntil()).hasToString("2027-03-31");
                });
        assertThat(activeEntries()).isEqualTo(40);
        assertThat(system.callAsSystem(() -> register.entriesOf(number(40))))
                .singleElement()
                .satisfies(e -> assertThat(e.isRemoved()).isTrue());
    }

    @Test
    void a_suspiciously_small_feed_waits_for_an_administrator_to_confirm() throws IOException {
        syncNow();
        writeFeed(entries(10)); // 30 of 40 gone

        SyncRun run = syncNow();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.NEEDS_CONFIRMATION);
        assertThat(run.removed()).isEqualTo(30);
        assertThat(activeEntries()).isEqualTo(40);

        SyncRun confirmed = system.callAsSystem(() -> sync.confirmRemovals(run.id()));
        assertThat(confirmed.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(activeEntries()).isEqualTo(10);
    }

    @Test
    void a_confirmation_after_another_sync_has_applied_is_refused_as_out_of_date() throws IOException {
        syncNow();
        writeFeed(entries(10));
        SyncRun waiting = syncNow();
        assertThat(waiting.outcome()).isEqualTo(SyncRun.Outcome.NEEDS_CONFIRMATION);
        List<String> lines = entries(40);
        lines.set(0, line(1, "SA2", "", "ACTIVE"));
        writeFeed(lines);
        assertThat(syncNow().outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);

        SyncRun confirmed = system.callAsSystem(() -> sync.confirmRemovals(waiting.id()));

        assertThat(confirmed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(confirmed.errorCode()).isEqualTo("register.sync.stale");
        assertThat(confirmed.removed()).isEqualTo(30);
        assertThat(activeEntries()).isEqualTo(40);
    }

    @Test
    void a_removed_entry_that_comes_back_is_new_again_and_unchanged_entries_are_not_rewritten() throws IOException {
        SyncRun first = syncNow();
        List<String> lines = entries(40);
        lines.remove(39);
        writeFeed(lines);
        assertThat(syncNow().removed()).isEqualTo(1);
        writeFeed(entries(40));

        SyncRun back = syncNow();

        assertThat(back.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(back.added()).isEqualTo(1);
        assertThat(back.changed()).isZero();
        assertThat(back.removed()).isZero();
        assertThat(back.unchanged()).isEqualTo(39);
        assertThat(system.callAsSystem(() -> register.changesOfRun(back.id(), 0, 100)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(RegisterChange.Type.NEW);
                    assertThat(c.corporateNumber()).isEqualTo(number(40));
                });
        RegisterEntry returned =
                system.callAsSystem(() -> register.entriesOf(number(40))).get(0);
        assertThat(returned.isRemoved()).isFalse();
        assertThat(returned.firstSeen()).isAfter(first.startedAt());
        // last_seen is "last written" (decision 0008): the unchanged entries keep the first sync's
        RegisterEntry unchanged =
                system.callAsSystem(() -> register.entriesOf(number(1))).get(0);
        assertThat(unchanged.lastSeen()).isBefore(back.startedAt());
    }

    @Test
    void a_name_with_tabs_backslashes_and_line_breaks_is_stored_as_published() throws IOException {
        String published = "テスト\t工業\\N（旧 テスト\\製作所）\n改行\r\nの社名";
        List<String> lines = entries(40);
        lines.set(6, number(7) + ",\"" + published + "\",SA1,2026-04-01,,ACTIVE,全社,");
        writeFeed(lines);

        SyncRun run = syncNow();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(system.callAsSystem(() -> register.entriesOf(number(7))))
                .singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo(published));
        assertThat(system.callAsSystem(() -> register.historyOf(number(7))))
                .singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo(published));

        // the same entry again, another one changed: the stored hash matches, so only the other one changes
        lines.set(0, line(1, "SA2", "", "ACTIVE"));
        writeFeed(lines);
        SyncRun again = syncNow();
        assertThat(again.changed()).isEqualTo(1);
        assertThat(system.callAsSystem(() -> register.historyOf(number(7)))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = LocalRegisterServer.Misbehaviour.class,
            names = {
                "INTERNAL_SERVER_ERROR",
                "HANG",
                "SLOW_BODY_DRIP",
                "TRUNCATED_FIXED_LENGTH",
                "TRUNCATED_CHUNKED",
                "CONNECTION_RESET",
                "MALFORMED_JSON",
                "MALFORMED_CSV",
                "MAINTENANCE_PAGE",
                "WRONG_CONTENT_TYPE",
                "HUGE_BODY"
            })
    void every_misbehaviour_fails_the_run_and_leaves_the_register_as_it_was(
            LocalRegisterServer.Misbehaviour misbehaviour) throws IOException {
        syncNow();
        List<String> lines = entries(40);
        lines.set(0, line(1, "SA2", "", "REVOKED"));
        writeFeed(lines);
        int changes = changeCount();
        server.next(misbehaviour, 100).hugeBody(50_000_000);

        SyncRun run = system.callAsSystem(
                () -> sync.syncFrom(KIND, source(2, Duration.ofSeconds(4), 5_000_000), SyncRun.Trigger.MANUAL));

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(run.errorCode()).startsWith("register.source.");
        assertThat(run.errorDetail()).isNotBlank();
        assertThat(activeEntries()).isEqualTo(40);
        assertThat(changeCount()).isEqualTo(changes);
        assertThat(system.callAsSystem(() -> register.entriesOf(number(1))))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("ACTIVE"));
    }

    /** A register that breaks off, stalls or sends garbage during a kind's first load: nothing stored, and why. */
    @ParameterizedTest
    @EnumSource(
            value = LocalRegisterServer.Misbehaviour.class,
            names = {"SLOW_BODY_DRIP", "TRUNCATED_CHUNKED", "CONNECTION_RESET", "MALFORMED_CSV", "MAINTENANCE_PAGE"})
    void a_first_load_from_a_misbehaving_register_fails_and_stores_nothing(
            LocalRegisterServer.Misbehaviour misbehaviour) {
        server.next(misbehaviour, 100);

        SyncRun run = system.callAsSystem(
                () -> sync.syncFrom(KIND, source(2, Duration.ofSeconds(4), 5_000_000), SyncRun.Trigger.MANUAL));

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(run.errorCode()).startsWith("register.source.");
        assertThat(run.errorDetail()).isNotBlank();
        assertThat(run.initialLoad()).isFalse();
        assertThat(system.callAsSystem(() -> register.countEntries(KIND, null, true)))
                .isZero();
    }

    @Test
    void a_server_that_asks_to_wait_is_retried_after_its_retry_after_and_then_applied() throws IOException {
        List<String> lines = entries(40);
        writeFeed(lines);
        server.next(LocalRegisterServer.Misbehaviour.SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, 2);

        SyncRun run = syncNow();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(slept).contains(Duration.ofSeconds(3));
    }

    @Test
    void a_failed_run_records_how_many_requests_it_made() {
        server.next(LocalRegisterServer.Misbehaviour.INTERNAL_SERVER_ERROR, 4);

        SyncRun run = syncNow();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(run.errorDetail()).contains("after 4 attempts");
        assertThat(run.attempts()).isEqualTo(4);
        assertThat(server.requests()).hasSize(4);
    }

    /** The sync service of another node, with threads of its own (stopped after the test). */
    private RegisterSyncService anotherNode(ApplicationEventPublisher publisher) {
        ThreadPoolTaskScheduler heartbeat = RegisterSyncThreads.heartbeat();
        heartbeat.initialize();
        otherNodesThreads.add(heartbeat);
        return new RegisterSyncService(
                repository,
                sources,
                properties,
                transactions,
                publisher,
                system,
                contexts,
                java.time.Clock.systemUTC(),
                runs,
                heartbeat);
    }

    @Test
    void a_sync_whose_node_stopped_before_its_re_evaluation_ended_is_evaluated_by_the_next_holder_of_the_lease() {
        SyncRun applied = syncNow();
        assertThat(applied.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        // as a node killed after the apply committed and before the re-evaluation ended leaves it
        dsl.execute(
                "update register_sync_run set evaluated_at = null, holder = 'killed-node/1' where id = ?",
                applied.id());
        List<Object> published = new ArrayList<>();
        RegisterSyncService nextNode = anotherNode(event -> {
            published.add(event);
            events.publishEvent(event);
        });

        system.runAsSystem(nextNode::recoverAbandonedRuns);

        assertThat(published).contains(new RegisterSyncedEvent(applied.id(), KIND, true));
        assertThat(system.callAsSystem(() -> register.run(applied.id())).evaluatedAt())
                .isNotNull();
        published.clear();
        system.runAsSystem(nextNode::recoverAbandonedRuns);
        assertThat(published).as("evaluated once").isEmpty();
    }

    @Test
    void two_nodes_never_apply_at_once() throws Exception {
        RegisterSyncService otherNode = anotherNode(events);
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        RegisterSource held = new RegisterSource() {
            @Override
            public String id() {
                return "held";
            }

            @Override
            public FetchResult fetch(Validators previous) {
                fetching.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return source().fetch(Validators.none());
            }
        };
        CompletableFuture<SyncRun> other = CompletableFuture.supplyAsync(
                () -> system.callAsSystem(() -> otherNode.syncFrom(KIND, held, SyncRun.Trigger.SCHEDULE)));
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();

        SyncRun mine = syncNow();
        goOn.countDown();
        SyncRun theirs = other.get(60, TimeUnit.SECONDS);

        assertThat(mine.outcome()).isEqualTo(SyncRun.Outcome.SKIPPED);
        assertThat(mine.errorCode()).isEqualTo("register.sync.busy");
        assertThat(theirs.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(activeEntries()).isEqualTo(40);
    }

    @Test
    void a_sync_whose_lease_was_taken_over_applies_nothing() throws IOException {
        syncNow();
        List<String> lines = entries(40);
        lines.add(line(41, "SA1", "", "ACTIVE"));
        writeFeed(lines);
        int changes = changeCount();
        // while this node fetches, it stalls long enough for another node to take its lapsed lease over
        RegisterSource stalled = new RegisterSource() {
            @Override
            public String id() {
                return source().id();
            }

            @Override
            public FetchResult fetch(Validators previous) {
                repository.takeLease(
                        RegisterSyncService.LEASE,
                        "other-node/1",
                        java.time.LocalDateTime.now().plusHours(1),
                        java.time.LocalDateTime.now().plusHours(2));
                return source().fetch(Validators.none());
            }
        };

        SyncRun run;
        try {
            run = system.callAsSystem(() -> sync.syncFrom(KIND, stalled, SyncRun.Trigger.MANUAL));
        } finally {
            repository.releaseLease(RegisterSyncService.LEASE, "other-node/1");
        }

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(run.errorCode()).isEqualTo("register.sync.leaseLost");
        assertThat(activeEntries()).as("nothing applied").isEqualTo(40);
        assertThat(changeCount()).isEqualTo(changes);
    }

    /** The lease is the fence of a first load as of an apply: a node that lost it stores nothing. */
    @Test
    void a_first_load_whose_lease_was_taken_over_stores_nothing() {
        RegisterSource stalled = new RegisterSource() {
            @Override
            public String id() {
                return source().id();
            }

            @Override
            public FetchResult fetch(Validators previous) {
                repository.takeLease(
                        RegisterSyncService.LEASE,
                        "other-node/1",
                        java.time.LocalDateTime.now().plusHours(1),
                        java.time.LocalDateTime.now().plusHours(2));
                return source().fetch(Validators.none());
            }
        };

        SyncRun run;
        try {
            run = system.callAsSystem(() -> sync.syncFrom(KIND, stalled, SyncRun.Trigger.MANUAL));
        } finally {
            repository.releaseLease(RegisterSyncService.LEASE, "other-node/1");
        }

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(run.errorCode()).isEqualTo("register.sync.leaseLost");
        assertThat(run.initialLoad()).isFalse();
        assertThat(system.callAsSystem(() -> register.countEntries(KIND, null, true)))
                .as("nothing stored")
                .isZero();
    }
}
