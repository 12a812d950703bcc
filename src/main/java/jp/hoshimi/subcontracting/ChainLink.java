package jp.hoshimi.subcontracting;

import java.util.List;
import jp.hoshimi.shared.LinkAnswers;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One edge of a contract's sub-contractor tree with what flows to the child, and the level required of
 * the child: the explicit override when set, else the policy's answer, with the chart answers that
 * raised it ({@code raisedBy}, empty when none did). Each answer null = not answered.
 */
public record ChainLink(
        long id,
        long contractId,
        long parentSupplierId,
        long childSupplierId,
        String childName,
        String childCorporateNumber,
        Boolean confidentialDataFlows,
        Boolean systemAccess,
        Boolean businessCritical,
        RequiredLevel requiredLevelOverride,
        RequiredLevel requiredLevel,
        List<LinkAnswers.Question> raisedBy,
        String note,
        int version) {

    public LinkAnswers answers() {
        return new LinkAnswers(confidentialDataFlows, businessCritical, systemAccess);
    }

    public boolean levelIsExplicit() {
        return requiredLevelOverride != null;
    }
}
