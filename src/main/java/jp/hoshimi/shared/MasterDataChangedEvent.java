package jp.hoshimi.shared;

import java.util.Set;

/**
 * Published inside the transaction of an edit that can change a compliance answer: a supplier's 法人番号,
 * a contract's supplier or level, a chain link. Listeners gather these per transaction and act once after
 * it commits (an import publishes thousands in one transaction).
 */
public record MasterDataChangedEvent(Set<Long> supplierIds, Set<Long> contractIds) {

    public static MasterDataChangedEvent supplier(long id) {
        return new MasterDataChangedEvent(Set.of(id), Set.of());
    }

    public static MasterDataChangedEvent contract(long id) {
        return new MasterDataChangedEvent(Set.of(), Set.of(id));
    }
}
