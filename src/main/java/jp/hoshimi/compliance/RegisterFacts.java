package jp.hoshimi.compliance;

import java.time.LocalDate;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.StarLevel;

/**
 * What the register says about one supplier: its 法人番号 as stored in the master data and its current
 * (not removed) entries, ★3–★5 and SECURITY ACTION, either of which may be absent; and what the NTA data
 * says of the number ({@link LegalStanding}, absent without NTA data).
 */
public record RegisterFacts(String corporateNumber, Entry star, Entry securityAction, LegalStanding legal) {

    /** Without NTA data (issue 21): the register alone. */
    public RegisterFacts(String corporateNumber, Entry star, Entry securityAction) {
        this(corporateNumber, star, securityAction, null);
    }

    /** One register entry: level, status (ACTIVE, SUSPENDED, REVOKED, EXPIRED), valid until (none for SA). */
    public record Entry(StarLevel level, String status, LocalDate validUntil) {

        boolean isWithdrawn() {
            return "SUSPENDED".equals(status) || "REVOKED".equals(status);
        }

        boolean isExpiredOn(LocalDate today) {
            return "EXPIRED".equals(status) || (validUntil != null && validUntil.isBefore(today));
        }

        boolean isUsableOn(LocalDate today) {
            return !isWithdrawn() && !isExpiredOn(today);
        }
    }

    public boolean hasValidCorporateNumber() {
        return corporateNumber != null && CorporateNumber.isValid(corporateNumber);
    }
}
