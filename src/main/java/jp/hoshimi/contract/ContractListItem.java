package jp.hoshimi.contract;

import java.time.LocalDate;
import jp.hoshimi.compliance.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One row of the contract list. {@code status} is the evaluated status of the contract's chain, null
 * when the contract has not been evaluated yet; {@code earliestValidUntil} the end of the earliest
 * registration in its chain.
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
        LocalDate earliestValidUntil) {}
