package jp.hoshimi.contract.internal;

import java.time.LocalDate;
import java.util.Set;
import jp.hoshimi.contract.ContractFilter;

/**
 * What a contract list shows: the filter, with the units resolved by the service from the user's data
 * scope and the chosen unit and every unit below it (OrgUnitService owns that tree walk), and the expiry
 * window resolved to dates from the evaluation date.
 *
 * @param unitIds the units whose contracts may be listed; null for every unit
 * @param expiresFrom first day of the expiry window (included); null when open or without a window
 * @param expiresTo last day of the expiry window (included); null when open or without a window
 * @param endedBefore only contracts whose end date is before this day (the evaluation date); null: no such filter
 * @param runningOn the evaluation date, for the coverage filter (issue 20: contracts not ended by then)
 */
public record ContractCriteria(
        Set<Long> unitIds,
        ContractFilter filter,
        LocalDate expiresFrom,
        LocalDate expiresTo,
        LocalDate endedBefore,
        LocalDate runningOn) {

    public ContractCriteria {
        unitIds = unitIds == null ? null : Set.copyOf(unitIds);
    }

    public ContractCriteria(Set<Long> unitIds, ContractFilter filter) {
        this(unitIds, filter, null, null, null, null);
    }
}
