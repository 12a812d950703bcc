package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.hoshimi.compliance.RegisterFacts.Entry;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * The evaluation rules of DESIGN.md, in order: no valid 法人番号 → UNVERIFIABLE; no entry → MISSING;
 * suspended or revoked → REVOKED; past valid-until (valid through the whole of that day, in Japan) →
 * EXPIRED; held level below the requirement → INSUFFICIENT (SECURITY ACTION is below ★3); within the
 * held level's lead time → EXPIRING; otherwise OK. Pure: the same facts, requirement and date always
 * give the same verdict.
 */
public final class ComplianceRules {

    private ComplianceRules() {}

    public static Verdict evaluate(
            RegisterFacts facts, RequiredLevel required, LocalDate today, PolicySettings policy) {
        Entry held = heldEntry(facts, required, today);
        if (required == RequiredLevel.NONE) {
            return verdict(ComplianceStatus.OK, Reason.NOT_REQUIRED, required, held, null, today);
        }
        if (!facts.hasValidCorporateNumber()) {
            return verdict(ComplianceStatus.UNVERIFIABLE, Reason.NO_CORPORATE_NUMBER, required, null, null, today);
        }
        Verdict legal = LegalRules.evaluate(facts.legal(), held, required, today);
        if (legal != null) {
            return legal;
        }
        if (held == null) {
            return verdict(ComplianceStatus.MISSING, Reason.NOT_REGISTERED, required, null, null, today);
        }
        if (held.isWithdrawn()) {
            Reason reason = "SUSPENDED".equals(held.status()) ? Reason.SUSPENDED : Reason.REVOKED;
            return verdict(ComplianceStatus.REVOKED, reason, required, held, null, today);
        }
        if (held.isExpiredOn(today)) {
            return verdict(ComplianceStatus.EXPIRED, Reason.EXPIRED, required, held, null, today);
        }
        StarLevel requiredLevel = required.starLevel().orElseThrow();
        if (!held.level().satisfies(requiredLevel)) {
            Reason reason = held.level().isSecurityAction() && !requiredLevel.isSecurityAction()
                    ? Reason.SECURITY_ACTION_ONLY
                    : Reason.LEVEL_TOO_LOW;
            return verdict(ComplianceStatus.INSUFFICIENT, reason, required, held, null, today);
        }
        if (held.validUntil() == null) {
            return verdict(ComplianceStatus.OK, Reason.VALID_NO_EXPIRY, required, held, null, today);
        }
        Integer warning = warningDays(policy.leadTimeDays().getOrDefault(held.level(), List.of()), today, held);
        return warning == null
                ? verdict(ComplianceStatus.OK, Reason.VALID, required, held, null, today)
                : verdict(ComplianceStatus.EXPIRING, Reason.EXPIRING, required, held, warning, today);
    }

    // --- exceptions (issue 20) -----------------------------------------------------------------------

    /**
     * The rules' verdict with an approved exception applied: ACCEPTED, with the gap's reason kept and the
     * lead time of the required level crossed before the exception's end, while it holds and the finding
     * fails; otherwise the verdict as it is (a gap that closed needs no exception).
     */
    public static Verdict accept(Verdict verdict, AcceptedRisk risk, PolicySettings policy) {
        if (risk == null || !verdict.status().isFailing() || lapse(verdict, risk) != null) {
            return verdict;
        }
        List<Integer> leadTimes = verdict.required()
                .starLevel()
                .map(level -> policy.leadTimeDays().getOrDefault(level, List.of()))
                .orElse(List.of());
        return new Verdict(
                ComplianceStatus.ACCEPTED,
                verdict.reason(),
                verdict.required(),
                verdict.heldLevel(),
                verdict.registerStatus(),
                verdict.validUntil(),
                warningDays(leadTimes, verdict.evaluatedOn(), risk.endsOn()),
                verdict.evaluatedOn(),
                new Acceptance(risk.exceptionId(), risk.endsOn()),
                verdict.legal());
    }

    /**
     * Whether an approved exception stops holding for the rules' verdict: the day after its end date, or
     * when the gap is worse than the status it accepted. Null while it holds.
     */
    public static AcceptedRisk.Lapse lapse(Verdict verdict, AcceptedRisk risk) {
        if (verdict.evaluatedOn().isAfter(risk.endsOn())) {
            return AcceptedRisk.Lapse.END_DATE;
        }
        if (verdict.status().severity() < risk.acceptedStatus().severity()) {
            return AcceptedRisk.Lapse.WORSE_STATUS;
        }
        return null;
    }

    // ---

    /**
     * The entry the verdict is about: a usable entry that meets the requirement (★ before SECURITY ACTION),
     * else the ★ entry, else the SECURITY ACTION declaration, else none.
     */
    static Entry heldEntry(RegisterFacts facts, RequiredLevel required, LocalDate today) {
        StarLevel needed = required.starLevel().orElse(StarLevel.SA1);
        return Stream.of(facts.star(), facts.securityAction())
                .filter(entry -> entry != null
                        && entry.isUsableOn(today)
                        && entry.level().satisfies(needed))
                .findFirst()
                .orElse(facts.star() != null ? facts.star() : facts.securityAction());
    }

    /** The smallest lead time that the days left have reached, or null when none has been reached. */
    static Integer warningDays(List<Integer> leadTimes, LocalDate today, Entry held) {
        return warningDays(leadTimes, today, held.validUntil());
    }

    private static Integer warningDays(List<Integer> leadTimes, LocalDate today, LocalDate lastDay) {
        long daysLeft = BusinessDate.daysBetween(today, lastDay);
        return leadTimes.stream()
                .filter(days -> daysLeft <= days)
                .min(Integer::compare)
                .orElse(null);
    }

    static Verdict verdict(
            ComplianceStatus status,
            Reason reason,
            RequiredLevel required,
            Entry held,
            Integer warningDays,
            LocalDate today) {
        return new Verdict(
                status,
                reason,
                required,
                held == null ? null : held.level(),
                held == null ? null : held.status(),
                held == null ? null : held.validUntil(),
                warningDays,
                today);
    }
}
