package jp.hoshimi.outreach;

import java.time.LocalDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;

/**
 * A row of the findings list: one supplier in one contract's chain, its status and gap, and the open request
 * that covers it if any ({@code requestId} null when none; overdue ones win, then the earliest due date).
 */
public record WorklistRow(
        long contractId,
        String contractNumber,
        String contractTitle,
        long supplierId,
        String supplierName,
        int tier,
        ComplianceStatus status,
        StarLevel requiredLevel,
        StarLevel heldLevel,
        LocalDate validUntil,
        Long requestId,
        LocalDate requestDue,
        boolean requestOverdue) {

    public GapType gapType() {
        return GapType.of(status, heldLevel);
    }
}
