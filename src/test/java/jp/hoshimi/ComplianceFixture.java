package jp.hoshimi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.ComplianceStatus;
import org.jooq.DSLContext;

/**
 * Evaluation results written straight into the V9 tables, for tests of what reads them (dashboard,
 * list filters, exports) independent of the evaluation engine. Contract i in contract-number order gets
 * status i mod 7 in severity order (REVOKED, EXPIRED, …, OK), an earliest valid-until of today − 30 +
 * (i × 37 mod 400) days, and a supplier status that is the worst over its contracts (test data for
 * readers only: the engine gives a supplier its own standing, see docs/decisions/0013). Replaces whatever
 * the tables held: use it inside a test transaction, which rolls it back.
 */
public final class ComplianceFixture {

    private ComplianceFixture() {}

    public static void evaluateDemoData(DSLContext dsl, LocalDate today) {
        dsl.execute("DELETE FROM compliance_snapshot");
        dsl.execute("DELETE FROM compliance_finding");
        dsl.execute("DELETE FROM contract_compliance");
        dsl.execute("DELETE FROM supplier_compliance");
        LocalDateTime now = LocalDateTime.of(today, java.time.LocalTime.NOON);
        StringBuilder status = new StringBuilder("ELT(1 + MOD(n, 7)");
        // the seven statuses of before issue 20: the fixture writes no ACCEPTED
        for (ComplianceStatus s : ComplianceStatus.values()) {
            if (s != ComplianceStatus.ACCEPTED) {
                status.append(", '").append(s.name()).append("'");
            }
        }
        status.append(")");
        dsl.execute("""
                INSERT INTO contract_compliance (contract_id, org_unit_id, required_level, status, severity, links,
                    failing_links, earliest_valid_until, status_since, previous_status, updated_at)
                SELECT id, org_unit_id, required_level, %s, IF(MOD(n, 7) = 6, %d, MOD(n, 7)), 1 + MOD(n, 3),
                    IF(MOD(n, 7) < 5, 1, 0),
                    ? - INTERVAL 30 DAY + INTERVAL MOD(n * 37, 400) DAY, ?, NULL, ?
                FROM (SELECT id, org_unit_id, required_level, ROW_NUMBER() OVER (ORDER BY contract_number) - 1 AS n
                    FROM contract) numbered
                """.formatted(status, ComplianceStatus.OK.severity()), today, now, now);
        dsl.execute("""
                INSERT INTO supplier_compliance (supplier_id, status, severity, status_since, previous_status, updated_at)
                SELECT c.supplier_id, ELT(1 + MIN(cc.severity), 'REVOKED', 'EXPIRED', 'MISSING', 'UNVERIFIABLE',
                    'INSUFFICIENT', 'EXPIRING', 'ACCEPTED', 'OK'), MIN(cc.severity), ?, NULL, ?
                FROM contract c JOIN contract_compliance cc ON cc.contract_id = c.id
                GROUP BY c.supplier_id
                """, now, now);
        // two days of history: yesterday everything one status better than today (but for OK)
        dsl.execute("""
                INSERT INTO compliance_snapshot (snapshot_date, org_unit_id, required_level, status, contracts)
                SELECT ?, c.org_unit_id, c.required_level, cc.status, COUNT(*)
                FROM contract c JOIN contract_compliance cc ON cc.contract_id = c.id
                GROUP BY c.org_unit_id, c.required_level, cc.status
                """, today);
        dsl.execute("""
                INSERT INTO compliance_snapshot (snapshot_date, org_unit_id, required_level, status, contracts)
                SELECT ? - INTERVAL 1 DAY, c.org_unit_id, c.required_level,
                    ELT(1 + LEAST(cc.severity + 1, 6), 'REVOKED', 'EXPIRED', 'MISSING', 'UNVERIFIABLE',
                        'INSUFFICIENT', 'EXPIRING', 'OK'), COUNT(*)
                FROM contract c JOIN contract_compliance cc ON cc.contract_id = c.id
                GROUP BY 1, 2, 3, 4
                """, today);
    }
}
