package jp.hoshimi.contract.internal;

import java.util.Set;
import jp.hoshimi.contract.ContractFilter;

/**
 * What a contract list shows: the filter, with the units resolved by the service from the user's data
 * scope and the chosen unit and every unit below it (OrgUnitService owns that tree walk).
 *
 * @param unitIds the units whose contracts may be listed; null for every unit
 */
public record ContractCriteria(Set<Long> unitIds, ContractFilter filter) {

    public ContractCriteria {
        unitIds = unitIds == null ? null : Set.copyOf(unitIds);
    }
}
