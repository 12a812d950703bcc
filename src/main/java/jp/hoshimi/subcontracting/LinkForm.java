package jp.hoshimi.subcontracting;

import jp.hoshimi.shared.RequiredLevel;

/** What a user enters for a link; {@code requiredLevelOverride} null means "from the policy". */
public record LinkForm(
        Long parentSupplierId,
        Long childSupplierId,
        boolean confidentialDataFlows,
        boolean systemAccess,
        RequiredLevel requiredLevelOverride,
        String note) {}
