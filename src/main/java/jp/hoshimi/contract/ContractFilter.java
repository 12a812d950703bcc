package jp.hoshimi.contract;

import jp.hoshimi.shared.RequiredLevel;

/**
 * Filter for the contract list; null fields do not filter. {@code text} matches the contract number,
 * the title or the supplier's normalised name. {@code orgUnitId} includes the units below it.
 */
public record ContractFilter(
        String text, Long orgUnitId, RequiredLevel requiredLevel, Long ownerUserId, Long supplierId) {

    public static ContractFilter none() {
        return new ContractFilter(null, null, null, null, null);
    }

    public ContractFilter withSupplier(long id) {
        return new ContractFilter(text, orgUnitId, requiredLevel, ownerUserId, id);
    }
}
