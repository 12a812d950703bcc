package jp.hoshimi.compliance;

import java.time.LocalDate;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * A registration ending in the outlook and one contract that depends on it: the supplier's held level
 * and valid-until, the contract (with its end, null when open) and the level the link requires.
 */
public record RenewalDependency(
        long supplierId,
        String supplierName,
        StarLevel heldLevel,
        LocalDate validUntil,
        long contractId,
        String contractNumber,
        String contractTitle,
        LocalDate contractEnd,
        RequiredLevel requiredLevel,
        int tier) {}
