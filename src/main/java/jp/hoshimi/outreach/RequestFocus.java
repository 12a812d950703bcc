package jp.hoshimi.outreach;

import java.util.Collection;
import java.util.Set;
import jp.hoshimi.shared.StarLevel;

/**
 * Where a request is made from (issue 19): {@code contractIds} keeps the suggestion to those contracts' gaps
 * (null: every gap in the user's scope), {@code level} names the level to ask (null: what the contracts need).
 */
public record RequestFocus(Collection<Long> contractIds, StarLevel level) {

    public static final RequestFocus NONE = new RequestFocus(null, null);

    public RequestFocus {
        contractIds = contractIds == null ? null : Set.copyOf(contractIds);
    }

    public static RequestFocus contract(long contractId) {
        return new RequestFocus(Set.of(contractId), null);
    }

    public static RequestFocus level(StarLevel level) {
        return new RequestFocus(null, level);
    }
}
