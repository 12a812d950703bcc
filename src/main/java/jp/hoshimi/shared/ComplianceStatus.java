package jp.hoshimi.shared;

import java.util.Collection;
import java.util.Comparator;

/**
 * The answer for one supplier in one chain, worst first: the one severity order of the product (a
 * contract is the worst of its chain, a supplier the worst over its contracts). {@link #severity()} is
 * the position in this order and is what the database aggregates on.
 */
public enum ComplianceStatus implements Labelled {
    REVOKED,
    EXPIRED,
    MISSING,
    UNVERIFIABLE,
    INSUFFICIENT,
    EXPIRING,
    // --- exceptions (issue 20): a gap accepted for a while; never OK, and not failing while it holds
    ACCEPTED,
    // ---
    OK;

    /** 0 for the worst status; a smaller number is always worse. */
    public int severity() {
        return ordinal();
    }

    /** Whether this status needs someone to act (everything but OK, EXPIRING and ACCEPTED). */
    public boolean isFailing() {
        return this != OK && this != EXPIRING && this != ACCEPTED;
    }

    public String messageKey() {
        return "compliance.status." + name();
    }

    /** The worst of some statuses, OK for none. */
    public static ComplianceStatus worstOf(Collection<ComplianceStatus> statuses) {
        return statuses.stream()
                .min(Comparator.comparingInt(ComplianceStatus::severity))
                .orElse(OK);
    }
}
