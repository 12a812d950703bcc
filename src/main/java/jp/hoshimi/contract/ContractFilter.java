package jp.hoshimi.contract;

import java.util.EnumSet;
import java.util.Set;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;

/**
 * Filter for the contract list; null or empty fields do not filter. {@code text} matches the contract
 * number, the title or the supplier's normalised name. {@code orgUnitId} includes the units below it.
 * {@code statuses} keeps contracts whose evaluated status is one of them (contracts not evaluated yet
 * never match); {@code expiry} keeps contracts whose earliest chain registration ends within a window;
 * {@code notEvaluated} keeps only contracts that have no evaluation yet; {@code ended} keeps only the
 * contracts past their end date (judged no more, docs/decisions/0016). {@code coverageShort} keeps only
 * the running contracts with an end date whose chain is not covered until then (issue 20, decision 0027).
 */
public record ContractFilter(
        String text,
        Long orgUnitId,
        RequiredLevel requiredLevel,
        Long ownerUserId,
        Long supplierId,
        Set<ComplianceStatus> statuses,
        ExpiryWindow expiry,
        boolean notEvaluated,
        boolean ended,
        boolean coverageShort) {

    public ContractFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public ContractFilter(String text, Long orgUnitId, RequiredLevel requiredLevel, Long ownerUserId, Long supplierId) {
        this(text, orgUnitId, requiredLevel, ownerUserId, supplierId, Set.of(), null, false, false, false);
    }

    public static ContractFilter none() {
        return new ContractFilter(null, null, null, null, null);
    }

    public ContractFilter withSupplier(long id) {
        return new ContractFilter(
                text, orgUnitId, requiredLevel, ownerUserId, id, statuses, expiry, notEvaluated, ended, coverageShort);
    }

    public ContractFilter withStatuses(Set<ComplianceStatus> chosen) {
        return new ContractFilter(
                text,
                orgUnitId,
                requiredLevel,
                ownerUserId,
                supplierId,
                chosen,
                expiry,
                notEvaluated,
                ended,
                coverageShort);
    }

    public ContractFilter withExpiry(ExpiryWindow window) {
        return new ContractFilter(
                text,
                orgUnitId,
                requiredLevel,
                ownerUserId,
                supplierId,
                statuses,
                window,
                notEvaluated,
                ended,
                coverageShort);
    }

    /** Issue 20: only the contracts whose chain is not covered until their end. */
    public ContractFilter withCoverageShort(boolean only) {
        return new ContractFilter(
                text, orgUnitId, requiredLevel, ownerUserId, supplierId, statuses, expiry, notEvaluated, ended, only);
    }

    /** True when the filter needs the evaluation results (status or expiry), not only the contract row. */
    public boolean filtersOnCompliance() {
        return filtersOnEvaluation() || notEvaluated || coverageShort;
    }

    /** True when the filter keeps contracts by what their evaluation says (status or expiry). */
    public boolean filtersOnEvaluation() {
        return !statuses.isEmpty() || expiry != null;
    }
}
