package jp.hoshimi.contract.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;

import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.db.tables.ComplianceFinding;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Issue 20, contract-term coverage in the contract list: the SQL twin of {@link
 * jp.hoshimi.compliance.CoverageRules#cover} over the stored findings (docs/decisions/0027). Each is a
 * look-up of one contract's few findings through uk_compliance_finding (contract_id, …): the columns are
 * computed for the rows of one page only, the filter is checked per candidate row like "not evaluated".
 */
final class CoverageColumns {

    /** The statuses under which a link meets its level today (anything else leaves the contract uncovered). */
    private static final List<ComplianceStatus> MEETING = List.of(ComplianceStatus.OK, ComplianceStatus.EXPIRING);

    /** True when a link of the contract's chain fails today. */
    static final Field<Boolean> NOT_COVERED = DSL.field(DSL.exists(DSL.selectOne()
                    .from(finding())
                    .where(finding().CONTRACT_ID.eq(CONTRACT.ID))
                    .and(finding().STATUS.notIn(MEETING))))
            .as("not_covered");

    /** The earliest valid-until of the links that meet a required level (null: nothing expires). */
    static final Field<LocalDate> COVERED_UNTIL = DSL.field(DSL.select(DSL.min(finding().VALID_UNTIL))
                    .from(finding())
                    .where(finding().CONTRACT_ID.eq(CONTRACT.ID))
                    .and(finding().STATUS.in(MEETING))
                    .and(finding().REQUIRED_LEVEL.ne(RequiredLevel.NONE)))
            .as("covered_until");

    private CoverageColumns() {}

    /**
     * Contracts running on {@code today} with an end date that their chain does not reach: a link fails
     * today, or a link's registration ends before the contract does.
     */
    static Condition endsBeforeContract(LocalDate today) {
        ComplianceFinding f = finding();
        return CONTRACT.END_DATE
                .ge(today)
                .andExists(DSL.selectOne()
                        .from(f)
                        .where(f.CONTRACT_ID.eq(CONTRACT.ID))
                        .and(f.STATUS
                                .notIn(MEETING)
                                .or(f.REQUIRED_LEVEL.ne(RequiredLevel.NONE).and(f.VALID_UNTIL.lt(CONTRACT.END_DATE)))));
    }

    private static ComplianceFinding finding() {
        return COMPLIANCE_FINDING.as("coverage_finding");
    }
}
