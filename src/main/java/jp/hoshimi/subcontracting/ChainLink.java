package jp.hoshimi.subcontracting;

import jp.hoshimi.shared.RequiredLevel;

/**
 * One edge of a contract's sub-contractor tree with what flows to the child, and the level required of
 * the child: the explicit override when set, else the policy's answer ({@code derived}).
 */
public record ChainLink(
        long id,
        long contractId,
        long parentSupplierId,
        long childSupplierId,
        String childName,
        String childCorporateNumber,
        boolean confidentialDataFlows,
        boolean systemAccess,
        RequiredLevel requiredLevelOverride,
        RequiredLevel requiredLevel,
        String note,
        int version) {

    public boolean levelIsExplicit() {
        return requiredLevelOverride != null;
    }
}
