package jp.hoshimi.compliance;

import java.time.LocalDate;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * An approved exception as the evaluation reads it: for one finding ({@code contractId} set) or for the
 * supplier in every chain ({@code contractId} null); the worst status it accepts and its last day.
 */
public record AcceptedRisk(
        long exceptionId, long supplierId, Long contractId, ComplianceStatus acceptedStatus, LocalDate endsOn) {

    /** Why an approved exception stops holding. */
    public enum Lapse {
        /** The business date passed its end date. */
        END_DATE,
        /** The finding got worse than what was accepted (e.g. accepted "level too low", now revoked). */
        WORSE_STATUS
    }
}
