package jp.hoshimi.dashboard;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import jp.hoshimi.shared.ComplianceStatus;

/** How many contracts have each status, and how many have not been evaluated yet. */
public record StatusCounts(Map<ComplianceStatus, Long> byStatus, long notEvaluated) {

    public StatusCounts {
        EnumMap<ComplianceStatus, Long> copy = new EnumMap<>(ComplianceStatus.class);
        copy.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(copy);
    }

    public static StatusCounts empty() {
        return new StatusCounts(Map.of(), 0);
    }

    public long of(ComplianceStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long evaluated() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long total() {
        return evaluated() + notEvaluated;
    }

    /** Contracts that hold what they need today (OK or EXPIRING): nothing failing in their chain. */
    public long compliant() {
        return of(ComplianceStatus.OK) + of(ComplianceStatus.EXPIRING);
    }

    /** The counts of both (for rolling a unit's counts up into the units above it). */
    public StatusCounts plus(StatusCounts other) {
        EnumMap<ComplianceStatus, Long> sum = new EnumMap<>(ComplianceStatus.class);
        sum.putAll(byStatus);
        other.byStatus.forEach((status, n) -> sum.merge(status, n, Long::sum));
        return new StatusCounts(sum, notEvaluated + other.notEvaluated);
    }
}
