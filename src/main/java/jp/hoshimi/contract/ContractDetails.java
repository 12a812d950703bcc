package jp.hoshimi.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.RequiredLevel;

/** A contract with the names the detail page shows; {@code version} guards against lost updates. */
public record ContractDetails(
        long id,
        String contractNumber,
        String title,
        long supplierId,
        String supplierName,
        String supplierCorporateNumber,
        long orgUnitId,
        String orgUnitName,
        Long ownerUserId,
        String ownerName,
        LocalDate startDate,
        LocalDate endDate,
        DecisionChart decisionChart,
        RequiredLevel suggestedLevel,
        RequiredLevel requiredLevel,
        String levelReason,
        LocalDateTime updatedAt,
        int version) {

    public ContractForm toForm() {
        return new ContractForm(
                contractNumber,
                title,
                supplierId,
                orgUnitId,
                ownerUserId,
                startDate,
                endDate,
                decisionChart,
                requiredLevel,
                levelReason);
    }
}
