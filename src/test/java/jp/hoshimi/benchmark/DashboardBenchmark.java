package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.contract.internal.ContractRepository;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.internal.SupplierRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Times the dashboard's queries and the lists' status and expiry filters through the real services at
 * 100,000 suppliers and 200,000 contracts, as the group-wide "risk" user and the scoped "procurement"
 * user. The evaluation tables are filled set-based with a fixed mix of statuses (about 60 % OK, the rest
 * spread over the failing statuses) and 180 days of daily snapshots, independent of the register, so
 * the figures measure the reading side only. Run with {@code ./mvnw test -Dtest=DashboardBenchmark};
 * surefire excludes it from the normal run. Asserts facts about the data, never a time.
 */
@SpringBootTest
class DashboardBenchmark {

    static final double TARGET_MS = 300;
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 3);
    static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 20);
    static final int SNAPSHOT_DAYS = 180;

    @Autowired
    DSLContext dsl;

    @Autowired
    DashboardService dashboard;

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SupplierRepository supplierRepository;

    @Autowired
    ContractRepository contractRepository;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    Clock clock;

    record Scenario(String user, String name, Supplier<Object> query) {}

    record Figures(Scenario scenario, String result, double p50, double p95, double max) {}

    @Test
    void prints_dashboard_and_filtered_list_query_times_at_100k_suppliers_and_200k_contracts() throws IOException {
        var generated = new LargeDataGenerator(dsl, supplierRepository, contractRepository, LocalDateTime.now(clock))
                .generate(LargeDataGenerator.Volumes.ISSUE);
        LocalDate today = system.callAsSystem(dashboard::today);
        long fillStart = System.nanoTime();
        fillEvaluation(today);
        long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;

        int contractRows = dsl.fetchCount(dsl.selectFrom("contract"));
        assertThat(dsl.fetchCount(dsl.selectFrom("contract_compliance"))).isEqualTo(contractRows);
        assertThat(as("risk", () -> dashboard.overview().kpis().contracts().total()))
                .isEqualTo(contractRows);
        assertThat(as(
                        "procurement",
                        () -> dashboard.overview().kpis().contracts().total()))
                .isLessThan(contractRows)
                .isPositive();

        List<Scenario> scenarios = new ArrayList<>();
        for (String user : List.of("risk", "procurement")) {
            scenarios.add(new Scenario(
                    user, "dashboard · key figures + heat map (overview)", () -> summary(dashboard.overview())));
            scenarios.add(new Scenario(
                    user,
                    "dashboard · expiry timeline",
                    () -> dashboard.expiryTimeline().size() + " months"));
            scenarios.add(new Scenario(
                    user,
                    "dashboard · trend (180 days)",
                    () -> dashboard.trend().size() + " days"));
            scenarios.add(new Scenario(
                    user,
                    "dashboard · riskiest contracts",
                    () -> dashboard.riskiestContracts().size() + " rows"));
            for (ComplianceStatus status :
                    List.of(ComplianceStatus.REVOKED, ComplianceStatus.EXPIRED, ComplianceStatus.OK)) {
                ContractFilter filter = ContractFilter.none().withStatuses(Set.of(status));
                scenarios.add(new Scenario(
                        user,
                        "contracts · status " + status + " · page 1",
                        () -> contracts.list(filter, null, 0, 50).size() + " rows"));
                scenarios.add(
                        new Scenario(user, "contracts · status " + status + " · count", () -> contracts.count(filter)));
            }
            ContractFilter soon = ContractFilter.none().withExpiry(ExpiryWindow.within(30));
            scenarios.add(new Scenario(
                    user,
                    "contracts · expiring within 30 days · page 1",
                    () -> contracts.list(soon, null, 0, 50).size() + " rows"));
            scenarios.add(
                    new Scenario(user, "contracts · expiring within 30 days · count", () -> contracts.count(soon)));
            ContractFilter searched =
                    new ContractFilter("ハーネス", null, null, null, null).withStatuses(Set.of(ComplianceStatus.EXPIRED));
            scenarios.add(new Scenario(
                    user,
                    "contracts · text ハーネス + EXPIRED · page 1",
                    () -> contracts.list(searched, null, 0, 50).size() + " rows"));
            SupplierFilter expired = SupplierFilter.none().withStatuses(Set.of(ComplianceStatus.EXPIRED));
            scenarios.add(new Scenario(
                    user,
                    "suppliers · status EXPIRED · page 1",
                    () -> suppliers.list(expired, null, 0, 50).size() + " rows"));
            scenarios.add(new Scenario(user, "suppliers · status EXPIRED · count", () -> suppliers.count(expired)));
        }
        for (Scenario scenario : scenarios) {
            as(scenario.user(), () -> scenario.query().get());
        }
        String loadBefore = loadAverage();
        List<Figures> figures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            figures.add(as(scenario.user(), () -> measure(scenario)));
        }
        String report = report(generated.summary(), fillMillis, figures, loadBefore, loadAverage());
        Path out = Path.of("target", "benchmarks", "dashboard-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String summary(jp.hoshimi.dashboard.Overview overview) {
        return overview.kpis().contracts().total() + " contracts, "
                + overview.heatMap().size() + " heat rows";
    }

    /**
     * Evaluation results for every contract, set-based: a status from a hash of the id (CRC32: a multiplicative hash would tie it to the title pattern) (60 % OK, 10 %
     * EXPIRING, then 8 % MISSING, 7 % INSUFFICIENT, 6 % EXPIRED, 5 % UNVERIFIABLE, 4 % REVOKED), an
     * earliest valid-until from 60 days ago to two years ahead, supplier statuses as the worst over their
     * contracts, and one snapshot row per day, unit, level and status for 180 days.
     */
    private void fillEvaluation(LocalDate today) {
        LocalDateTime now = LocalDateTime.now(clock);
        String statusOfBucket = "CASE WHEN b < 60 THEN 'OK' WHEN b < 70 THEN 'EXPIRING' WHEN b < 78 THEN 'MISSING'"
                + " WHEN b < 85 THEN 'INSUFFICIENT' WHEN b < 91 THEN 'EXPIRED' WHEN b < 96 THEN 'UNVERIFIABLE'"
                + " ELSE 'REVOKED' END";
        dsl.execute("DELETE FROM compliance_snapshot");
        dsl.execute("DELETE FROM supplier_compliance");
        dsl.execute("DELETE FROM contract_compliance");
        dsl.execute("""
                INSERT INTO contract_compliance (contract_id, org_unit_id, required_level, status, severity, links,
                    failing_links, earliest_valid_until, status_since, previous_status, updated_at)
                SELECT id, org_unit_id, required_level, status, FIELD(status, 'REVOKED', 'EXPIRED', 'MISSING', 'UNVERIFIABLE', 'INSUFFICIENT',
                        'EXPIRING', 'ACCEPTED', 'OK') - 1,
                    1 + MOD(id, 3), IF(status IN ('OK', 'EXPIRING'), 0, 1),
                    ? - INTERVAL 60 DAY + INTERVAL MOD(id * 7919, 790) DAY, ?, NULL, ?
                FROM (SELECT id, org_unit_id, required_level, %s AS status
                    FROM (SELECT id, org_unit_id, required_level, MOD(CRC32(id), 100) AS b FROM contract) h) s
                """.formatted(statusOfBucket), today, now, now);
        dsl.execute("""
                INSERT INTO supplier_compliance (supplier_id, status, severity, status_since, previous_status, updated_at)
                SELECT c.supplier_id, ELT(1 + MIN(cc.severity), 'REVOKED', 'EXPIRED', 'MISSING', 'UNVERIFIABLE',
                    'INSUFFICIENT', 'EXPIRING', 'ACCEPTED', 'OK'), MIN(cc.severity), ?, NULL, ?
                FROM contract c JOIN contract_compliance cc ON cc.contract_id = c.id
                GROUP BY c.supplier_id
                """, now, now);
        // today's counts, repeated for every day back (what a daily snapshot of a steady state writes)
        dsl.execute("""
                INSERT INTO compliance_snapshot (snapshot_date, org_unit_id, required_level, status, contracts)
                SELECT ? - INTERVAL d.seq DAY, t.org_unit_id, t.required_level, t.status, t.n
                FROM (SELECT c.org_unit_id, c.required_level, cc.status, COUNT(*) AS n
                      FROM contract c JOIN contract_compliance cc ON cc.contract_id = c.id
                      GROUP BY c.org_unit_id, c.required_level, cc.status) t
                JOIN seq_0_to_%d d
                """.formatted(SNAPSHOT_DAYS - 1), today);
        dsl.fetch("ANALYZE TABLE contract_compliance, supplier_compliance, compliance_snapshot");
    }

    private Figures measure(Scenario scenario) {
        Object result = null;
        for (int i = 0; i < WARMUP; i++) {
            result = scenario.query().get();
        }
        long[] nanos = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long start = System.nanoTime();
            result = scenario.query().get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Figures(
                scenario,
                String.valueOf(result),
                ListQueryBenchmark.percentile(nanos, 50),
                ListQueryBenchmark.percentile(nanos, 95),
                nanos[nanos.length - 1] / 1e6);
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private String report(
            String generated, long fillMillis, List<Figures> figures, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nDashboard benchmark: MariaDB %s, innodb_buffer_pool_size %d MB; %d warm-up + %d timed runs per scenario%n",
                dsl.fetchValue("SELECT VERSION()"),
                ((Number) dsl.fetchValue("SELECT @@innodb_buffer_pool_size")).longValue() / (1024 * 1024),
                WARMUP,
                ITERATIONS));
        out.append(generated).append("\n");
        out.append(String.format(
                Locale.ROOT, "Evaluation tables filled in %,d ms (%d days of snapshots)%n", fillMillis, SNAPSHOT_DAYS));
        out.append("Load average before timing: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append("\n\n");
        out.append("| user | scenario | result | p50 ms | p95 ms | max ms | |\n|---|---|---|--:|--:|--:|---|\n");
        for (Figures f : figures) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.1f | %.1f | %.1f | %s |%n",
                    f.scenario().user(),
                    f.scenario().name(),
                    f.result(),
                    f.p50(),
                    f.p95(),
                    f.max(),
                    f.p95() > TARGET_MS ? "over 300" : ""));
        }
        return out.toString();
    }
}
