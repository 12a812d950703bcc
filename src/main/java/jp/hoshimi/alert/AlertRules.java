package jp.hoshimi.alert;

import static jp.hoshimi.shared.ComplianceStatus.ACCEPTED;
import static jp.hoshimi.shared.ComplianceStatus.EXPIRED;
import static jp.hoshimi.shared.ComplianceStatus.EXPIRING;
import static jp.hoshimi.shared.ComplianceStatus.INSUFFICIENT;
import static jp.hoshimi.shared.ComplianceStatus.MISSING;
import static jp.hoshimi.shared.ComplianceStatus.OK;
import static jp.hoshimi.shared.ComplianceStatus.REVOKED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.compliance.ComplianceChange;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * Which compliance changes are worth an alert, and the key that makes each one happen once.
 *
 * <p>Only LINK events (one supplier in one contract's chain) make alerts: CONTRACT and SUPPLIER events
 * are the same change rolled up, and alerting on them too would tell the same people three times.
 * UNVERIFIABLE (no valid 法人番号) is a master-data fault shown on the screens, not a register change,
 * so it makes no alert. See docs/decisions/0011-alert-outbox.md.
 */
final class AlertRules {

    static final Set<ComplianceStatus> FAILING = EnumSet.of(MISSING, INSUFFICIENT, EXPIRED, REVOKED);

    private AlertRules() {}

    /** What a change calls for: its kind and the qualifier of the key (the status, or the lead time crossed). */
    record Planned(AlertKind kind, String qualifier) {}

    static Optional<Planned> plan(ComplianceChange change) {
        if (!change.isLink()) {
            return Optional.empty();
        }
        ComplianceStatus now = change.newStatus();
        ComplianceStatus before = change.oldStatus();
        if (FAILING.contains(now) && now != before) {
            return Optional.of(new Planned(AlertKind.STATUS, now.name()));
        }
        if (now == EXPIRING && change.newWarningDays() != null && crossedCloser(change, EXPIRING)) {
            return Optional.of(new Planned(AlertKind.EXPIRING, String.valueOf(change.newWarningDays())));
        }
        // issue 20: an accepted risk warns before its exception ends, like a registration before valid-until
        if (now == ACCEPTED && change.newWarningDays() != null && crossedCloser(change, ACCEPTED)) {
            return Optional.of(new Planned(AlertKind.EXCEPTION_ENDING, String.valueOf(change.newWarningDays())));
        }
        if (now == OK && before != null && (FAILING.contains(before) || before == EXPIRING)) {
            return Optional.of(new Planned(AlertKind.RESOLVED, "-"));
        }
        return Optional.empty();
    }

    /** A first warning, or a shorter lead time than the last one (90 → 30); a longer one after a renewal is news to nobody. */
    private static boolean crossedCloser(ComplianceChange change, ComplianceStatus status) {
        return status != change.oldStatus()
                || change.oldWarningDays() == null
                || change.newWarningDays() < change.oldWarningDays();
    }

    /**
     * The alert's identity: a supplier event — the supplier, the kind and its qualifier, the valid-until it
     * is about, and the episode (the id of the supplier's last return to OK in an earlier evaluation, 0 if
     * none). Every contract whose finding about the supplier makes the same event shares the alert (one
     * alert listing six contracts, not six alerts). A supplier that goes EXPIRED, back to OK, and EXPIRED
     * again is told twice; the same change read twice, once. Keys before V14 began with LINK: per contract.
     */
    static String dedupKey(ComplianceChange change, Planned planned, long episode) {
        String validUntil = planned.kind() == AlertKind.RESOLVED || change.validUntil() == null
                ? "-"
                : change.validUntil().toString();
        return keyPrefix(change.supplierId()) + planned.kind() + ":" + planned.qualifier() + ":" + validUntil + ":e"
                + episode;
    }

    static String keyPrefix(long supplierId) {
        return "SUPPLIER:" + supplierId + ":";
    }
}
