package jp.hoshimi.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.OptionalDouble;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * The key figures of the dashboard. Suppliers are the group's shared master (what the supplier list
 * shows); every other figure counts the contracts in the user's data scope.
 *
 * @param today the evaluation date the expiry windows count from
 * @param lastSuccessfulSync when the ★ register was last synced successfully (UTC); null if never
 * @param stale whether that is older than the staleness limit
 */
public record Kpis(
        LocalDate today,
        long suppliers,
        StatusCounts contracts,
        long expiringWithin30,
        long expiringWithin90,
        LocalDateTime lastSuccessfulSync,
        boolean stale) {

    public static final int SOON_DAYS = 30;
    public static final int LATER_DAYS = 90;

    /** The share of evaluated contracts that are compliant, in percent; empty when none is evaluated. */
    public OptionalDouble compliantPercent() {
        long evaluated = contracts.evaluated();
        return evaluated == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * contracts.compliant() / evaluated);
    }

    /**
     * Issue 20: the same share counting accepted risks (ACCEPTED) as if compliant — shown beside, never
     * instead of, {@link #compliantPercent()}.
     */
    public OptionalDouble compliantWithAcceptedPercent() {
        long evaluated = contracts.evaluated();
        return evaluated == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        100.0 * (contracts.compliant() + contracts.of(ComplianceStatus.ACCEPTED)) / evaluated);
    }
}
