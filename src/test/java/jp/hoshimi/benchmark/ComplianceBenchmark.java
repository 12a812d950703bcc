package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.hoshimi.compliance.ComplianceEvaluator;
import jp.hoshimi.contract.internal.ContractRepository;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.supplier.internal.SupplierRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Compliance evaluation at 100,000 suppliers, 200,000 contracts with their chains and a register of
 * 200,000 entries: the first full evaluation (every finding new), a full re-evaluation with nothing
 * changed (what the daily job does), and the re-evaluation after one register entry changed (what a
 * sync does for it). Prints figures; asserts only what was evaluated.
 * {@code ./mvnw test -Dtest=ComplianceBenchmark}
 */
// the scheduler stays off: the alert dispatcher would otherwise be sending the first evaluation's
// alerts on the same 2 cores while the re-evaluations are timed (the daily run finds it idle)
@SpringBootTest(properties = {"hoshimi.dev-db.database=hoshimi_compliance_bench", "spring.quartz.auto-startup=false"})
class ComplianceBenchmark {

    static final int SINGLE_CHANGES = Integer.getInteger("benchmark.iterations", 40);

    @Autowired
    DSLContext dsl;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    SupplierRepository supplierRepository;

    @Autowired
    ContractRepository contractRepository;

    @Autowired
    Clock clock;

    @Test
    void prints_full_and_single_change_evaluation_times() throws Exception {
        var generated = new LargeDataGenerator(dsl, supplierRepository, contractRepository, LocalDateTime.now(clock))
                .generate(LargeDataGenerator.Volumes.ISSUE);
        System.out.println(generated.summary());
        long t0 = System.nanoTime();
        int entries = insertRegister(generated.firstSupplierId());
        long registerMillis = (System.nanoTime() - t0) / 1_000_000;
        dsl.fetch("ANALYZE TABLE register_entry");
        String load = loadAverage();

        ComplianceEvaluator.Result first = evaluator.evaluateAll();
        ComplianceEvaluator.Result again = evaluator.evaluateAll();
        ComplianceEvaluator.Result third = evaluator.evaluateAll();

        int findings = dsl.fetchCount(dsl.selectFrom("compliance_finding"));
        assertThat(first.contracts()).isGreaterThanOrEqualTo(generated.contracts());
        assertThat(findings).isGreaterThanOrEqualTo(generated.contracts() + generated.links() / 2);
        assertThat(again.findingsWritten()).isZero();

        // one register entry changes (a registration is revoked), then its suppliers are re-evaluated
        List<Long> singleMillis = new ArrayList<>();
        List<Integer> contractsTouched = new ArrayList<>();
        var changing = dsl.fetch(
                "SELECT s.id, s.corporate_number FROM supplier s JOIN register_entry e"
                        + " ON e.corporate_number = s.corporate_number AND e.kind = 'STAR'"
                        + " WHERE s.id >= ? AND MOD(s.id, 2477) = 0 ORDER BY s.id LIMIT " + SINGLE_CHANGES,
                generated.firstSupplierId());
        for (var row : changing) {
            long supplierId = ((Number) row.get(0)).longValue();
            String number = row.get(1).toString();
            dsl.execute(
                    "UPDATE register_entry SET status = IF(status = 'REVOKED', 'ACTIVE', 'REVOKED')"
                            + " WHERE kind = 'STAR' AND corporate_number = ?",
                    number);
            long started = System.nanoTime();
            ComplianceEvaluator.Result result = evaluator.evaluateSuppliers(Set.of(supplierId));
            singleMillis.add((System.nanoTime() - started) / 1_000_000);
            contractsTouched.add(result.contracts());
        }
        List<Long> sorted = singleMillis.stream().sorted().toList();
        String loadAfter = loadAverage();

        var statuses =
                dsl.fetch("SELECT status, COUNT(*) n FROM contract_compliance GROUP BY status ORDER BY MIN(severity)");
        StringBuilder report = new StringBuilder();
        report.append(generated.summary()).append('\n');
        report.append(String.format("Register: %,d entries inserted in %,d ms%n", entries, registerMillis));
        report.append(String.format("Load average before: %s, after: %s%n", load, loadAfter));
        report.append(String.format(
                "First full evaluation: %,d contracts, %,d findings written, %,d events, %,d ms%n",
                first.contracts(),
                first.findingsWritten(),
                first.events(),
                first.took().toMillis()));
        report.append(String.format(
                "Full re-evaluation, nothing changed: %,d ms, then %,d ms (%,d findings written)%n",
                again.took().toMillis(), third.took().toMillis(), again.findingsWritten() + third.findingsWritten()));
        report.append(String.format(
                "One register entry changed, its supplier re-evaluated (%d runs, %d–%d contracts each):"
                        + " p50 %d ms, p95 %d ms, max %d ms%n",
                SINGLE_CHANGES,
                contractsTouched.stream().mapToInt(Integer::intValue).min().orElse(0),
                contractsTouched.stream().mapToInt(Integer::intValue).max().orElse(0),
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1)));
        report.append("Contracts by status: ");
        statuses.forEach(
                r -> report.append(r.get(0)).append(' ').append(r.get(1)).append("  "));
        report.append('\n').append(String.format("Findings: %,d%n", findings));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "compliance-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(statuses.stream().map(r -> r.get(0).toString()))
                .contains(ComplianceStatus.OK.name(), ComplianceStatus.MISSING.name(), ComplianceStatus.EXPIRED.name());
    }

    /**
     * ★ entries for 9 in 10 generated suppliers (every level, status and expiry the rules tell apart,
     * spread over the next three years around the demo date) and as many entries for companies that are
     * not suppliers, set-based.
     */
    private int insertRegister(long firstSupplierId) {
        int mine = dsl.execute("""
                INSERT INTO register_entry (kind, corporate_number, name, level, registered_on, valid_until, status,
                    content_hash, source_id, first_seen, last_seen)
                SELECT 'STAR', s.corporate_number, s.name,
                       CASE WHEN s.id % 3 = 0 THEN 'STAR4' ELSE 'STAR3' END,
                       DATE_SUB('2026-12-01', INTERVAL 400 DAY),
                       DATE_ADD('2026-12-01', INTERVAL ((s.id * 37) % 1000) - 120 DAY),
                       CASE WHEN s.id % 97 = 0 THEN 'REVOKED' WHEN s.id % 89 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END,
                       SHA2(s.corporate_number, 256), 'benchmark', NOW(6), NOW(6)
                FROM supplier s
                WHERE s.id >= ? AND s.id % 10 <> 0 AND s.corporate_number IS NOT NULL
                ON DUPLICATE KEY UPDATE level = VALUES(level)
                """, firstSupplierId);
        int others = dsl.execute("""
                INSERT INTO register_entry (kind, corporate_number, name, level, registered_on, valid_until, status,
                    content_hash, source_id, first_seen, last_seen)
                SELECT 'STAR', CONCAT('9', LPAD(seq, 12, '0')), CONCAT('登録企業', seq), 'STAR3',
                       '2026-01-01', '2028-12-31', 'ACTIVE', SHA2(seq, 256), 'benchmark', NOW(6), NOW(6)
                FROM seq_1_to_110000
                """);
        return mine + others;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
