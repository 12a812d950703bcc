package jp.hoshimi.outreach;

import java.util.Set;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;

/**
 * The findings list's filter, also the set a bulk request asks: statuses (none = all), the level the contract
 * requires (null = any) and whether an open request covers the finding.
 */
public record WorklistFilter(Set<ComplianceStatus> statuses, StarLevel requiredLevel, RequestMark requests) {

    public WorklistFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        requests = requests == null ? RequestMark.ANY : requests;
    }

    public static WorklistFilter none() {
        return new WorklistFilter(Set.of(), null, RequestMark.ANY);
    }
}
