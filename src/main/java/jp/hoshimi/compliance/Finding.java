package jp.hoshimi.compliance;

import java.time.LocalDateTime;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * One supplier in one contract's chain: who, where (tier 1 = the contract's own supplier), the verdict
 * with its reasons, and since when it has had this status (with the status before).
 */
public record Finding(
        long contractId,
        String contractNumber,
        String contractTitle,
        long supplierId,
        String supplierName,
        String corporateNumber,
        int tier,
        Verdict verdict,
        LocalDateTime since,
        ComplianceStatus previous) {

    public ComplianceStatus status() {
        return verdict.status();
    }
}
