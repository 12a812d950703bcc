package jp.hoshimi.contract;

import java.time.LocalDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One row of the contract list. {@code status} is the evaluated status of the contract's chain, null
 * when the contract has not been evaluated yet; {@code earliestValidUntil} the end of the earliest
 * registration in its chain. Issue 20: {@code notCovered} when a link of the chain fails today, else
 * {@code coveredUntil} the earliest valid-until of the links that require a level (null: nothing expires);
 * see {@link jp.hoshimi.compliance.CoverageRules}.
 */
public record ContractListItem(
        long id,
        String contractNumber,
        String title,
        long supplierId,
        String supplierName,
        String orgUnitName,
        String ownerName,
        RequiredLevel requiredLevel,
        boolean decisionChartYes,
        LocalDate endDate,
        ComplianceStatus status,
        LocalDate earliestValidUntil,
        boolean notCovered,
        LocalDate coveredUntil) {

    /** True when the contract has an end date and its chain is not covered until then. */
    public boolean coverageEndsBeforeContract() {
        return status != null
                && endDate != null
                && (notCovered || (coveredUntil != null && coveredUntil.isBefore(endDate)));
    }
}
