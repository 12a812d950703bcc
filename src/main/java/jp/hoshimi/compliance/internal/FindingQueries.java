package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static jp.hoshimi.db.Tables.LEGAL_ENTITY;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_COMPLIANCE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.compliance.FailingContract;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.LegalStanding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.compliance.Registration;
import jp.hoshimi.compliance.Verdict;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads findings and statuses for screens and the API, always within the user's data scope. */
@Repository
public class FindingQueries {

    /** A stored status with since when and the one before. */
    public record StoredStatus(ComplianceStatus status, LocalDateTime since, ComplianceStatus previous) {}

    private final DSLContext dsl;
    private final BusinessDate businessDate;

    FindingQueries(DSLContext dsl, BusinessDate businessDate) {
        this.dsl = dsl;
        this.businessDate = businessDate;
    }

    public List<Finding> ofContract(long contractId) {
        return findings()
                .where(COMPLIANCE_FINDING.CONTRACT_ID.eq(contractId))
                .orderBy(COMPLIANCE_FINDING.TIER, COMPLIANCE_FINDING.SEVERITY, SUPPLIER.NAME_SORT)
                .fetch(this::toFinding);
    }

    public List<Finding> aboutSupplier(DataScope scope, long supplierId) {
        return findings()
                .where(COMPLIANCE_FINDING.SUPPLIER_ID.eq(supplierId))
                .and(inScope(scope))
                .orderBy(COMPLIANCE_FINDING.SEVERITY, CONTRACT.CONTRACT_NUMBER)
                .fetch(this::toFinding);
    }

    /** Current findings with any of these statuses (all when empty), worst first, one page. */
    public List<Finding> withStatus(DataScope scope, Set<ComplianceStatus> statuses, int offset, int limit) {
        return findings()
                .where(statusIn(statuses))
                .and(inScope(scope))
                .orderBy(COMPLIANCE_FINDING.SEVERITY, COMPLIANCE_FINDING.CONTRACT_ID, COMPLIANCE_FINDING.SUPPLIER_ID)
                .offset(offset)
                .limit(limit)
                .fetch(this::toFinding);
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
                .fetchOptional(Records.mapping(StoredStatus::new));
    }

    public Optional<StoredStatus> supplierStatus(long supplierId) {
        return dsl.select(
                        SUPPLIER_COMPLIANCE.STATUS,
                        SUPPLIER_COMPLIANCE.STATUS_SINCE,
                        SUPPLIER_COMPLIANCE.PREVIOUS_STATUS)
                .from(SUPPLIER_COMPLIANCE)
                .where(SUPPLIER_COMPLIANCE.SUPPLIER_ID.eq(supplierId))
                .fetchOptional(Records.mapping(StoredStatus::new));
    }

    /** The supplier's current ★ entry, else its SECURITY ACTION declaration (as the rules pick). */
    public Optional<Registration> registrationOf(long supplierId) {
        var e = REGISTER_ENTRY;
        return dsl.select(e.LEVEL, e.VALID_UNTIL, e.NAME, e.STATUS)
                .from(SUPPLIER)
                .join(e)
                .on(e.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER).and(e.REMOVED_AT.isNull()))
                .where(SUPPLIER.ID.eq(supplierId))
                .orderBy(DSL.when(e.KIND.eq("STAR"), 0).otherwise(1))
                .limit(1)
                .fetchOptional(Records.mapping(Registration::new));
    }

    /**
     * The contracts in scope that the supplier is part of (any tier) whose status is not OK, worst first,
     * one page; each with the worst finding of its chain as the cause (lowest tier first on a tie).
     */
    public List<FailingContract> failingContracts(DataScope scope, long supplierId, int offset, int limit) {
        var mine = COMPLIANCE_FINDING.as("mine");
        var cause = COMPLIANCE_FINDING.as("cause");
        var worst = COMPLIANCE_FINDING.as("worst");
        var causeId = DSL.field(DSL.select(worst.ID)
                .from(worst)
                .where(worst.CONTRACT_ID.eq(CONTRACT.ID))
                .orderBy(worst.SEVERITY, worst.TIER, worst.SUPPLIER_ID)
                .limit(1));
        return dsl.select(
                        CONTRACT.ID,
                        CONTRACT.CONTRACT_NUMBER,
                        CONTRACT.TITLE,
                        CONTRACT_COMPLIANCE.STATUS,
                        cause.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        cause.TIER,
                        cause.STATUS)
                .from(mine)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(mine.CONTRACT_ID))
                .join(CONTRACT_COMPLIANCE)
                .on(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(CONTRACT.ID))
                .join(cause)
                .on(cause.ID.eq(causeId))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(cause.SUPPLIER_ID))
                .where(failingWith(mine, supplierId))
                .and(inScope(scope))
                .orderBy(CONTRACT_COMPLIANCE.SEVERITY, CONTRACT.CONTRACT_NUMBER)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(FailingContract::new));
    }

    public int countFailingContracts(DataScope scope, long supplierId) {
        var mine = COMPLIANCE_FINDING.as("mine");
        return dsl.fetchCount(dsl.selectOne()
                .from(mine)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(mine.CONTRACT_ID))
                .join(CONTRACT_COMPLIANCE)
                .on(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(CONTRACT.ID))
                .where(failingWith(mine, supplierId))
                .and(inScope(scope)));
    }

    private static Condition failingWith(jp.hoshimi.db.tables.ComplianceFinding mine, long supplierId) {
        return mine.SUPPLIER_ID.eq(supplierId).and(CONTRACT_COMPLIANCE.SEVERITY.lt((byte)
                ComplianceStatus.OK.severity()));
    }

    private SelectOnConditionStep<Record> findings() {
        return dsl.select(COMPLIANCE_FINDING.fields())
                .select(CONTRACT.CONTRACT_NUMBER, CONTRACT.TITLE, SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER)
                .select(LEGAL_ENTITY.CLOSE_DATE, LEGAL_ENTITY.CHANGE_DATE, LEGAL_ENTITY.SUCCESSOR_CORPORATE_NUMBER)
                .select(SUCCESSOR.NAME)
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(COMPLIANCE_FINDING.SUPPLIER_ID))
                // the NTA data behind a closed or merged finding's reason (issue 21)
                .leftJoin(LEGAL_ENTITY)
                .on(LEGAL_ENTITY.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER))
                .leftJoin(SUCCESSOR)
                .on(SUCCESSOR.CORPORATE_NUMBER.eq(LEGAL_ENTITY.SUCCESSOR_CORPORATE_NUMBER));
    }

    private static final jp.hoshimi.db.tables.LegalEntity SUCCESSOR = LEGAL_ENTITY.as("successor");

    /** The date and successor a closed or merged finding's reason names; null for other reasons. */
    private static LegalStanding legalOf(Record r, Reason reason) {
        if (reason != Reason.ENTITY_CLOSED && reason != Reason.ENTITY_MERGED) {
            return null;
        }
        var closedOn = r.get(LEGAL_ENTITY.CLOSE_DATE) != null
                ? r.get(LEGAL_ENTITY.CLOSE_DATE)
                : r.get(LEGAL_ENTITY.CHANGE_DATE);
        return reason == Reason.ENTITY_MERGED
                ? new LegalStanding(
                        LegalStanding.State.MERGED,
                        closedOn,
                        r.get(LEGAL_ENTITY.SUCCESSOR_CORPORATE_NUMBER),
                        r.get(SUCCESSOR.NAME))
                : new LegalStanding(LegalStanding.State.CLOSED, closedOn, null, null);
    }

    /**
     * A stored finding, judged as of the business today: the evaluation re-judges every finding daily and
     * rewrites only those that changed, so {@code evaluated_on} is when it last changed, and days left
     * count from today, as mails and alerts count them.
     */
    private Finding toFinding(Record r) {
        var f = COMPLIANCE_FINDING;
        Reason reason = Reason.valueOf(r.get(f.REASON_CODE));
        Verdict verdict = new Verdict(
                r.get(f.STATUS),
                reason,
                r.get(f.REQUIRED_LEVEL),
                r.get(f.HELD_LEVEL),
                r.get(f.REGISTER_STATUS),
                r.get(f.VALID_UNTIL),
                r.get(f.WARNING_DAYS),
                businessDate.today(),
                r.get(f.EXCEPTION_ID) == null
                        ? null
                        : new jp.hoshimi.compliance.Acceptance(r.get(f.EXCEPTION_ID), r.get(f.ACCEPTED_UNTIL)),
                legalOf(r, reason));
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
                r.get(f.PREVIOUS_STATUS));
    }

    private static Condition statusIn(Set<ComplianceStatus> statuses) {
        return statuses.isEmpty() ? DSL.noCondition() : COMPLIANCE_FINDING.STATUS.in(statuses);
    }

    private static Condition inScope(DataScope scope) {
        return scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds());
    }
}
