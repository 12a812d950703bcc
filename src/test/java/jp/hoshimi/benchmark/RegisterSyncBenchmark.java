package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.internal.RegisterRepository;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSource;
import jp.hoshimi.register.source.Sleeper;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A generated 200,000-entry ★ register feed over HTTP from the local register server: the first load,
 * a sync with 1 % of the entries changed, and a no-change sync (304), next to {@code LOAD DATA} of the
 * same rows into an empty table in the same run. Prints figures; asserts outcomes and counts only.
 * Run: {@code ./mvnw test -Dtest=RegisterSyncBenchmark [-Dbenchmark.registerEntries=200000]}.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_register_bench")
class RegisterSyncBenchmark {

    @Autowired
    RegisterSyncService sync;

    @Autowired
    RegisterRepository repository;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @TempDir
    Path dir;

    @Test
    void register_of_200000_entries() throws IOException {
        int entries = Integer.getInteger("benchmark.registerEntries", 200_000);
        String loadBefore = loadAverage();
        Path feed = dir.resolve("register.csv");
        write(feed, entries, -1);
        repository.clearAllOf(RegisterKind.STAR);

        dsl.execute("DROP TABLE IF EXISTS bench_load_data");
        dsl.execute("CREATE TABLE bench_load_data (corporate_number CHAR(13) NOT NULL PRIMARY KEY, name VARCHAR(300),"
                + " level VARCHAR(10), registered_on DATE, valid_until DATE, status VARCHAR(20), scope VARCHAR(1000),"
                + " assessment_body VARCHAR(300))");
        long l0 = System.nanoTime();
        dsl.execute("LOAD DATA INFILE '" + feed.toAbsolutePath() + "' INTO TABLE bench_load_data CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES");
        double loadData = seconds(l0);
        assertThat(dsl.fetchCount(dsl.selectFrom("bench_load_data"))).isEqualTo(entries);
        dsl.execute("DROP TABLE bench_load_data");

        try (LocalRegisterServer server = LocalRegisterServer.start(feed)) {
            RegisterSource source = new HttpFeedSource(
                    HttpFeedSource.Settings.defaults(URI.create(server.url().toString()), dir),
                    Sleeper.real(),
                    System::nanoTime,
                    new Random(1));
            long t0 = System.nanoTime();
            SyncRun first = system.callAsSystem(() -> sync.syncFrom(RegisterKind.STAR, source, SyncRun.Trigger.MANUAL));
            double firstLoad = seconds(t0);
            assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(first.added()).isEqualTo(entries);
            assertThat(first.initialLoad())
                    .as("a kind's first load is one event, no change rows")
                    .isTrue();

            write(feed, entries, 100); // every 100th entry gets a new valid-until: 1 %
            long t1 = System.nanoTime();
            SyncRun onePercent =
                    system.callAsSystem(() -> sync.syncFrom(RegisterKind.STAR, source, SyncRun.Trigger.MANUAL));
            double changed = seconds(t1);
            assertThat(onePercent.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(onePercent.changed()).isEqualTo(entries / 100);

            long t2 = System.nanoTime();
            SyncRun none = system.callAsSystem(() -> sync.syncFrom(RegisterKind.STAR, source, SyncRun.Trigger.MANUAL));
            double notModified = seconds(t2);
            assertThat(none.outcome()).isEqualTo(SyncRun.Outcome.NOT_MODIFIED);

            LoggerFactory.getLogger(RegisterSyncBenchmark.class)
                    .warn(String.format(
                            "%nRegister sync benchmark, %,d entries (%,d bytes)%n| step | seconds | target |%n|---|--:|---|%n"
                                    + "| LOAD DATA into an empty table (baseline) | %.2f | |%n"
                                    + "| first load over HTTP (fetch, parse, stage, compare, apply) | %.2f | ≤ 3 × LOAD DATA = %.2f |%n"
                                    + "| first load ÷ LOAD DATA | %.1f | ≤ 3 |%n"
                                    + "| sync with 1 %% changed (%,d changes) | %.2f | ≤ 10 s |%n"
                                    + "| no-change sync (304) | %.3f | ≤ 1 s |%n"
                                    + "Load average (/proc/loadavg) before: %s; after: %s%n",
                            entries,
                            Files.size(feed),
                            loadData,
                            firstLoad,
                            3 * loadData,
                            firstLoad / loadData,
                            onePercent.changed(),
                            changed,
                            notModified,
                            loadBefore,
                            loadAverage()));
        }
    }

    /** The machine is shared: the figures mean little without the load they were taken under. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }

    /** The feed; with {@code every > 0}, every n-th entry's valid-until moves a year on. */
    private static void write(Path feed, int entries, int every) throws IOException {
        Random random = new Random(42);
        LocalDate base = LocalDate.of(2027, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
            out.write("corporate_number,name,level,registered_on,valid_until,status,scope,assessment_body\n");
            for (int i = 0; i < entries; i++) {
                String b = String.format("7%011d", i);
                int sum = 0;
                for (int k = 0; k < 12; k++) {
                    sum += (b.charAt(11 - k) - '0') * ((k + 1) % 2 == 1 ? 1 : 2);
                }
                LocalDate validUntil = base.plusDays(random.nextInt(1000));
                if (every > 0 && i % every == 0) {
                    validUntil = validUntil.plusYears(1);
                }
                out.write((9 - sum % 9) + b + ",ベンチ登録" + i + "株式会社," + (i % 3 == 0 ? "STAR4" : "STAR3") + ",2026-04-01,"
                        + validUntil + ",ACTIVE,全社,\n");
            }
        }
    }
}
