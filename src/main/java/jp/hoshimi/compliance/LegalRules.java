package jp.hoshimi.compliance;

import java.time.LocalDate;
import jp.hoshimi.compliance.RegisterFacts.Entry;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;

/**
 * The NTA data's part of the rules (issue 21, docs/decisions/0028): a company that is closed or absorbed
 * by a merger is MISSING whatever it holds — a closed company's registration covers no contract — with
 * the date and, for a merger, the successor in the reason; a number the loaded full file does not know is
 * UNVERIFIABLE (probably mistyped) unless the register knows it.
 */
final class LegalRules {

    private LegalRules() {}

    /** The verdict the NTA data forces, or null when it forces none. */
    static Verdict evaluate(LegalStanding legal, Entry held, RequiredLevel required, LocalDate today) {
        if (legal == null) {
            return null;
        }
        Verdict verdict = switch (legal.state()) {
            case MERGED ->
                ComplianceRules.verdict(ComplianceStatus.MISSING, Reason.ENTITY_MERGED, required, held, null, today);
            case CLOSED ->
                ComplianceRules.verdict(ComplianceStatus.MISSING, Reason.ENTITY_CLOSED, required, held, null, today);
            case NOT_FOUND ->
                held == null
                        ? ComplianceRules.verdict(
                                ComplianceStatus.UNVERIFIABLE, Reason.NUMBER_NOT_FOUND, required, null, null, today)
                        : null;
            case ACTIVE -> null;
        };
        return verdict == null ? null : withLegal(verdict, legal);
    }

    private static Verdict withLegal(Verdict v, LegalStanding legal) {
        return new Verdict(
                v.status(),
                v.reason(),
                v.required(),
                v.heldLevel(),
                v.registerStatus(),
                v.validUntil(),
                v.warningDays(),
                v.evaluatedOn(),
                v.acceptance(),
                legal);
    }
}
