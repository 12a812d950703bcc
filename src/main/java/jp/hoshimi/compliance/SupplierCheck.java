package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * The answer to "can I place a contract that requires this level with this supplier today, and until
 * when": the verdict (OK or EXPIRING = yes), the last day it holds ({@code validUntil}, null without
 * expiry) and the day the renewal warning starts.
 */
public record SupplierCheck(
        long supplierId,
        String supplierName,
        String corporateNumber,
        Verdict verdict,
        LocalDate warningFrom,
        boolean stale,
        LocalDateTime registerAsOf) {

    public boolean canContract() {
        return verdict.status() == ComplianceStatus.OK || verdict.status() == ComplianceStatus.EXPIRING;
    }
}
