package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_COMPLIANCE;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.compliance.ComplianceStatus;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.compliance.Verdict;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads findings and statuses for screens and the API, always within the user's data scope. */
@Repository
public class FindingQueries {

    /** A stored status with since when and the one before. */
    public record StoredStatus(ComplianceStatus status, LocalDateTime since, ComplianceStatus previous) {}

    private final DSLContext dsl;

    FindingQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Finding> ofContract(long contractId) {
        return findings()
                .where(COMPLIANCE_FINDING.CONTRACT_ID.eq(contractId))
                .orderBy(COMPLIANCE_FINDING.TIER, COMPLIANCE_FINDING.SEVERITY, SUPPLIER.NAME_SORT)
                .fetch(FindingQueries::toFinding);
    }

    public List<Finding> aboutSupplier(DataScope scope, long supplierId) {
        return findings()
                .where(COMPLIANCE_FINDING.SUPPLIER_ID.eq(supplierId))
                .and(inScope(scope))
                .orderBy(COMPLIANCE_FINDING.SEVERITY, CONTRACT.CONTRACT_NUMBER)
                .fetch(FindingQueries::toFinding);
    }

    /** Current findings with any of these statuses (all when empty), worst first, one page. */
    public List<Finding> withStatus(DataScope scope, Set<ComplianceStatus> statuses, int offset, int limit) {
        return findings()
                .where(statusIn(statuses))
                .and(inScope(scope))
                .orderBy(COMPLIANCE_FINDING.SEVERITY, COMPLIANCE_FINDING.CONTRACT_ID, COMPLIANCE_FINDING.SUPPLIER_ID)
                .offset(offset)
                .limit(limit)
                .fetch(FindingQueries::toFinding);
    }

    public int countWithStatus(DataScope scope, Set<ComplianceStatus> statuses) {
        return dsl.fetchCount(dsl.selectOne()
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .where(statusIn(statuses))
                .and(inScope(scope)));
    }

    public Optional<StoredStatus> contractStatus(long contractId) {
        return dsl.select(
                        CONTRACT_COMPLIANCE.STATUS,
                        CONTRACT_COMPLIANCE.STATUS_SINCE,
                        CONTRACT_COMPLIANCE.PREVIOUS_STATUS)
                .from(CONTRACT_COMPLIANCE)
                .where(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(contractId))
                .fetchOptional(r ->
                        new StoredStatus(ComplianceStatus.valueOf(r.value1()), r.value2(), statusOrNull(r.value3())));
    }

    public Optional<StoredStatus> supplierStatus(long supplierId) {
        return dsl.select(
                        SUPPLIER_COMPLIANCE.STATUS,
                        SUPPLIER_COMPLIANCE.STATUS_SINCE,
                        SUPPLIER_COMPLIANCE.PREVIOUS_STATUS)
                .from(SUPPLIER_COMPLIANCE)
                .where(SUPPLIER_COMPLIANCE.SUPPLIER_ID.eq(supplierId))
                .fetchOptional(r ->
                        new StoredStatus(ComplianceStatus.valueOf(r.value1()), r.value2(), statusOrNull(r.value3())));
    }

    public Map<Long, ComplianceStatus> supplierStatuses(Collection<Long> supplierIds) {
        return dsl.select(SUPPLIER_COMPLIANCE.SUPPLIER_ID, SUPPLIER_COMPLIANCE.STATUS)
                .from(SUPPLIER_COMPLIANCE)
                .where(SUPPLIER_COMPLIANCE.SUPPLIER_ID.in(supplierIds))
                .fetchMap(r -> r.value1(), r -> ComplianceStatus.valueOf(r.value2()));
    }

    private SelectOnConditionStep<Record> findings() {
        return dsl.select(COMPLIANCE_FINDING.fields())
                .select(CONTRACT.CONTRACT_NUMBER, CONTRACT.TITLE, SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER)
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(COMPLIANCE_FINDING.SUPPLIER_ID));
    }

    private static Finding toFinding(Record r) {
        var f = COMPLIANCE_FINDING;
        Verdict verdict = new Verdict(
                ComplianceStatus.valueOf(r.get(f.STATUS)),
                Reason.valueOf(r.get(f.REASON_CODE)),
                RequiredLevel.valueOf(r.get(f.REQUIRED_LEVEL)),
                r.get(f.HELD_LEVEL) == null ? null : StarLevel.valueOf(r.get(f.HELD_LEVEL)),
                r.get(f.REGISTER_STATUS),
                r.get(f.VALID_UNTIL),
                r.get(f.WARNING_DAYS),
                r.get(f.EVALUATED_ON));
        return new Finding(
                r.get(f.CONTRACT_ID),
                r.get(CONTRACT.CONTRACT_NUMBER),
                r.get(CONTRACT.TITLE),
                r.get(f.SUPPLIER_ID),
                r.get(SUPPLIER.NAME),
                r.get(SUPPLIER.CORPORATE_NUMBER),
                r.get(f.TIER),
                verdict,
                r.get(f.STATUS_SINCE),
                statusOrNull(r.get(f.PREVIOUS_STATUS)));
    }

    private static Condition statusIn(Set<ComplianceStatus> statuses) {
        return statuses.isEmpty()
                ? DSL.noCondition()
                : COMPLIANCE_FINDING.STATUS.in(statuses.stream().map(Enum::name).toList());
    }

    private static Condition inScope(DataScope scope) {
        return scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds());
    }

    private static ComplianceStatus statusOrNull(String status) {
        return status == null ? null : ComplianceStatus.valueOf(status);
    }
}
