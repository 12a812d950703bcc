package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.hoshimi.compliance.RenewalDependency;
import jp.hoshimi.compliance.RenewalMonth;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The renewal outlook (issue 20), set-based over the stored findings: the registrations a chain relies on
 * (the link meets a required level today and its registration ends) that end in a date range, with the
 * contracts that run past that end (or have no end). Ended contracts are judged no more and left out.
 */
@Repository
public class CoverageQueries {

    private final DSLContext dsl;

    CoverageQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Per month from {@code first} to {@code last} (both included), the months with any, in order. */
    public List<RenewalMonth> months(DataScope scope, LocalDate today, YearMonth first, YearMonth last) {
        Field<String> month = DSL.field("DATE_FORMAT({0}, '%Y-%m')", String.class, COMPLIANCE_FINDING.VALID_UNTIL);
        return dsl.select(
                        month.convertFrom(YearMonth::parse),
                        DSL.countDistinct(COMPLIANCE_FINDING.SUPPLIER_ID),
                        DSL.countDistinct(COMPLIANCE_FINDING.CONTRACT_ID))
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .where(dependsOnRenewal(scope, today, first.atDay(1), last.atEndOfMonth()))
                .groupBy(month)
                .orderBy(month)
                .fetch(Records.mapping((yearMonth, registrations, contracts) ->
                        new RenewalMonth(yearMonth, registrations, contracts)));
    }

    /** One page of the registrations ending in the month with each contract that depends on them. */
    public List<RenewalDependency> dependencies(
            DataScope scope, LocalDate today, YearMonth month, int offset, int limit) {
        var f = COMPLIANCE_FINDING;
        return dsl.select(
                        f.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        f.HELD_LEVEL,
                        f.VALID_UNTIL,
                        f.CONTRACT_ID,
                        CONTRACT.CONTRACT_NUMBER,
                        CONTRACT.TITLE,
                        CONTRACT.END_DATE,
                        f.REQUIRED_LEVEL,
                        f.TIER)
                .from(f)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(f.CONTRACT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(f.SUPPLIER_ID))
                .where(dependsOnRenewal(scope, today, month.atDay(1), month.atEndOfMonth()))
                .orderBy(f.VALID_UNTIL, SUPPLIER.NAME_SORT, f.SUPPLIER_ID, CONTRACT.CONTRACT_NUMBER)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(RenewalDependency::new));
    }

    public int countDependencies(DataScope scope, LocalDate today, YearMonth month) {
        return dsl.fetchCount(dsl.selectOne()
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .where(dependsOnRenewal(scope, today, month.atDay(1), month.atEndOfMonth())));
    }

    /**
     * A link that meets its required level today (OK or EXPIRING, a level other than NONE) with a
     * registration ending between the dates, in a contract in scope that has not ended and runs past that
     * end. Reads ix_finding_valid (valid_until) as a range.
     */
    private static Condition dependsOnRenewal(DataScope scope, LocalDate today, LocalDate from, LocalDate to) {
        var f = COMPLIANCE_FINDING;
        LocalDate start = from.isBefore(today) ? today : from;
        return f.VALID_UNTIL
                .between(start, to)
                .and(f.STATUS.in(ComplianceStatus.OK, ComplianceStatus.EXPIRING))
                .and(f.REQUIRED_LEVEL.ne(RequiredLevel.NONE))
                .and(CONTRACT.END_DATE.isNull().or(CONTRACT.END_DATE.gt(f.VALID_UNTIL)))
                .and(scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds()));
    }
}
