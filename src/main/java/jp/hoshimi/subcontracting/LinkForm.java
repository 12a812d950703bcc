package jp.hoshimi.subcontracting;

import jp.hoshimi.shared.RequiredLevel;

/**
 * What a user enters for a link; {@code requiredLevelOverride} null means "from the policy",
 * each of the three answers null means "not answered" (decision 0015).
 */
public record LinkForm(
        Long parentSupplierId,
        Long childSupplierId,
        Boolean confidentialDataFlows,
        Boolean systemAccess,
        Boolean businessCritical,
        RequiredLevel requiredLevelOverride,
        String note) {}
