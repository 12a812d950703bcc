package jp.hoshimi.organisation;

import java.util.Set;

/**
 * Which organisation units' contracts a user may see and change: the whole group, or the units they
 * belong to and every unit below them. Enforced in the services and their SQL, not only in the UI.
 */
public record DataScope(boolean groupWide, Set<Long> unitIds) {

    public static DataScope wholeGroup() {
        return new DataScope(true, Set.of());
    }

    public static DataScope units(Set<Long> unitIds) {
        return new DataScope(false, Set.copyOf(unitIds));
    }

    public boolean includes(long unitId) {
        return groupWide || unitIds.contains(unitId);
    }
}
