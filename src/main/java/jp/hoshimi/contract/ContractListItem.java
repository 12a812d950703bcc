package jp.hoshimi.contract;

import java.time.LocalDate;
import jp.hoshimi.shared.RequiredLevel;

/** One row of the contract list. */
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
        LocalDate endDate) {}
