package jp.hoshimi.shared;

import java.util.List;

/**
 * The buyer-side flow-down rule (DOMAIN.md: the scheme has none). Default: a sub-contractor for which
 * any of the decision chart's three questions is answered "yes" (confidential data, business-critical,
 * system access) must meet the contract's level; any other sub-contractor ★3.
 */
public enum SubcontractorPolicy {
    /**
     * Same as the contract where any chart answer of the link is yes, otherwise ★3. (The name predates the
     * third question and is kept: it is the stored setting value.)
     */
    SAME_WHERE_DATA_OR_ACCESS_FLOWS,
    /** Every tier must meet the contract's level (like CMMC's flow-down). */
    SAME_FOR_ALL_TIERS,
    /** ★3 for every sub-contractor. */
    STAR3_FOR_ALL;

    public RequiredLevel requiredOf(RequiredLevel contractLevel, LinkAnswers answers) {
        RequiredLevel base = contractLevel.compareTo(RequiredLevel.STAR3) < 0 ? contractLevel : RequiredLevel.STAR3;
        return switch (this) {
            case SAME_WHERE_DATA_OR_ACCESS_FLOWS -> answers.yes().isEmpty() ? base : contractLevel;
            case SAME_FOR_ALL_TIERS -> contractLevel;
            case STAR3_FOR_ALL -> base;
        };
    }

    /**
     * The answers that raised the level above what the link would need without them: empty under the
     * other policies, and where the contract's level is ★3 or lower anyway.
     */
    public List<LinkAnswers.Question> raisedBy(RequiredLevel contractLevel, LinkAnswers answers) {
        boolean raised = this == SAME_WHERE_DATA_OR_ACCESS_FLOWS && contractLevel.compareTo(RequiredLevel.STAR3) > 0;
        return raised ? answers.yes() : List.of();
    }
}
