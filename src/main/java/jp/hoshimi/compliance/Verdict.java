package jp.hoshimi.compliance;

import java.time.LocalDate;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * The answer of the rules for one supplier against one required level on one date, with what is behind
 * it: the held level and its valid-until, the register status, the lead time crossed when expiring (or,
 * when ACCEPTED, before the exception ends). {@code acceptance}: the exception that accepts the gap (null
 * unless ACCEPTED); the reason stays the gap's.
 */
public record Verdict(
        ComplianceStatus status,
        Reason reason,
        RequiredLevel required,
        StarLevel heldLevel,
        String registerStatus,
        LocalDate validUntil,
        Integer warningDays,
        LocalDate evaluatedOn,
        Acceptance acceptance,
        LegalStanding legal) {

    /** A verdict from the register alone. */
    public Verdict(
            ComplianceStatus status,
            Reason reason,
            RequiredLevel required,
            StarLevel heldLevel,
            String registerStatus,
            LocalDate validUntil,
            Integer warningDays,
            LocalDate evaluatedOn) {
        this(status, reason, required, heldLevel, registerStatus, validUntil, warningDays, evaluatedOn, null, null);
    }

    /** The status of the gap itself: for ACCEPTED, what its reason says (MISSING for not registered …). */
    public ComplianceStatus gapStatus() {
        return status == ComplianceStatus.ACCEPTED ? reason.gapStatus() : status;
    }

    /** Days from the evaluation date to valid-until (0 on the last valid day), null without expiry. */
    public Long daysLeft() {
        return validUntil == null ? null : BusinessDate.daysBetween(evaluatedOn, validUntil);
    }

    /**
     * The reason's message arguments: held level, required level, valid until, days left (as text), and days
     * left as a number for the choice between "expires today", "1 day left" and "N days left" (0 without expiry);
     * then, from the NTA data, the date a company closed, its successor's 法人番号 and name ({5} to {7}).
     */
    public Object[] reasonArguments() {
        Object[] register = {
            heldLevel == null ? "—" : heldLevel.label(),
            required.starLevel().map(StarLevel::label).orElse("—"),
            validUntil == null ? "—" : validUntil.toString(),
            daysLeft() == null ? "—" : String.valueOf(daysLeft()),
            daysLeft() == null ? 0L : daysLeft()
        };
        if (legal == null) {
            return register;
        }
        Object[] withLegal = java.util.Arrays.copyOf(register, 8);
        withLegal[5] = legal.closedOn() == null ? "—" : legal.closedOn().toString();
        withLegal[6] = legal.successorNumber() == null ? "—" : legal.successorNumber();
        withLegal[7] = legal.successorName() == null ? "—" : legal.successorName();
        return withLegal;
    }
}
