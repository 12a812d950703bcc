package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * One supplier of a contract's chain against the contract's term: whether it meets its level today,
 * whether its valid-until limits the contract's coverage (a level is required and the registration has
 * an end), and the valid-until dates that must each be followed by a renewal before the contract ends
 * ({@code renewalCountKnown} false where the level's validity period is not published: at least one).
 */
public record LinkCoverage(
        long supplierId,
        String supplierName,
        int tier,
        ComplianceStatus status,
        RequiredLevel requiredLevel,
        StarLevel heldLevel,
        LocalDate validUntil,
        boolean meetsLevel,
        boolean limitsCoverage,
        List<LocalDate> renewalsDue,
        boolean renewalCountKnown) {

    public LinkCoverage {
        renewalsDue = List.copyOf(renewalsDue);
    }

    public int renewals() {
        return renewalsDue.size();
    }
}
