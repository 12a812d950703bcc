package jp.hoshimi.subcontracting;

import jp.hoshimi.shared.RequiredLevel;

/**
 * What a user enters for a link; {@code requiredLevelOverride} null means "from the policy",
 * {@code businessCritical} null means "not answered".
 */
public record LinkForm(
        Long parentSupplierId,
        Long childSupplierId,
        boolean confidentialDataFlows,
        boolean systemAccess,
        Boolean businessCritical,
        RequiredLevel requiredLevelOverride,
        String note) {}
