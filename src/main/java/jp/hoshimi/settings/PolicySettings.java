package jp.hoshimi.settings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.SubcontractorPolicy;

/**
 * The buyer's policy: how levels flow down to sub-contractors, how many days before valid-until each
 * level warns (largest first), and after how many hours register data counts as stale.
 */
public record PolicySettings(
        SubcontractorPolicy subcontractorPolicy,
        Map<StarLevel, List<Integer>> leadTimeDays,
        int stalenessHours,
        int exceptionMaxDays) {

    /** Exceptions (例外承認, issue 20): the longest an accepted risk may run, by default. */
    public static final int DEFAULT_EXCEPTION_MAX_DAYS = 180;

    public PolicySettings(
            SubcontractorPolicy subcontractorPolicy, Map<StarLevel, List<Integer>> leadTimeDays, int stalenessHours) {
        this(subcontractorPolicy, leadTimeDays, stalenessHours, DEFAULT_EXCEPTION_MAX_DAYS);
    }

    /** ★4 needs a third-party assessment to renew, so it warns earliest; SECURITY ACTION has no expiry. */
    public static PolicySettings defaults() {
        Map<StarLevel, List<Integer>> leadTimes = new EnumMap<>(StarLevel.class);
        leadTimes.put(StarLevel.SA1, List.of());
        leadTimes.put(StarLevel.SA2, List.of());
        leadTimes.put(StarLevel.STAR3, List.of(90, 30, 7));
        leadTimes.put(StarLevel.STAR4, List.of(180, 90, 30));
        leadTimes.put(StarLevel.STAR5, List.of(180, 90, 30));
        return new PolicySettings(SubcontractorPolicy.SAME_WHERE_DATA_OR_ACCESS_FLOWS, leadTimes, 48);
    }

    /** The longest lead time of a level (its first warning), 0 when it never warns. */
    public int firstWarningDays(StarLevel level) {
        return leadTimeDays.getOrDefault(level, List.of()).stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }
}
