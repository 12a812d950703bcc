package jp.hoshimi.organisation;

import java.util.Set;

/** Which units a user belongs to, and whether they see the whole group. */
public record Membership(long userId, String username, String displayName, Set<Long> unitIds, boolean groupWide) {}
