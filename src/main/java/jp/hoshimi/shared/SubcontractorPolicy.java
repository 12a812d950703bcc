package jp.hoshimi.shared;

/**
 * The buyer-side flow-down rule (DOMAIN.md: the scheme has none). Default: a sub-contractor that
 * receives the contract's confidential data or system access must meet the contract's level; any other
 * sub-contractor ★3.
 */
public enum SubcontractorPolicy {
    /** Same as the contract where confidential data or system access flows, otherwise ★3. */
    SAME_WHERE_DATA_OR_ACCESS_FLOWS,
    /** Every tier must meet the contract's level (like CMMC's flow-down). */
    SAME_FOR_ALL_TIERS,
    /** ★3 for every sub-contractor. */
    STAR3_FOR_ALL;

    public RequiredLevel requiredOf(RequiredLevel contractLevel, boolean confidentialDataFlows, boolean systemAccess) {
        RequiredLevel base = contractLevel.compareTo(RequiredLevel.STAR3) < 0 ? contractLevel : RequiredLevel.STAR3;
        return switch (this) {
            case SAME_WHERE_DATA_OR_ACCESS_FLOWS -> confidentialDataFlows || systemAccess ? contractLevel : base;
            case SAME_FOR_ALL_TIERS -> contractLevel;
            case STAR3_FOR_ALL -> base;
        };
    }
}
