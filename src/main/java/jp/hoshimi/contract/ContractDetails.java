package jp.hoshimi.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.RequiredLevel;

/**
 * A contract with the names the detail page shows; {@code version} guards against lost updates.
 * {@code pendingLevelDecision}: a lower level than suggested that waits for a second risk manager (issue
 * 20); null when none waits.
 */
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
        int version,
        LevelDecision pendingLevelDecision) {

    public ContractDetails withPendingLevelDecision(LevelDecision pending) {
        return new ContractDetails(
                id,
                contractNumber,
                title,
                supplierId,
                supplierName,
                supplierCorporateNumber,
                orgUnitId,
                orgUnitName,
                ownerUserId,
                ownerName,
                startDate,
                endDate,
                decisionChart,
                suggestedLevel,
                requiredLevel,
                levelReason,
                updatedAt,
                version,
                pending);
    }

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
