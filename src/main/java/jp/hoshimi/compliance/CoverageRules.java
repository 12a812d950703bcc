package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * Contract-term coverage (issue 20): until when a contract's chain holds the levels required of it, and
 * which registrations must be renewed before the contract ends. Pure, like {@link ComplianceRules}; the
 * contract list computes the same "covered until" in SQL (docs/decisions/0027-contract-term-coverage.md).
 *
 * <ul>
 *   <li>A link that fails today (anything but OK and EXPIRING) leaves the contract not covered at all.
 *   <li>Otherwise the contract is covered until the earliest valid-until of the links that require a level
 *       (a link requiring nothing never limits it; SECURITY ACTION has no expiry).
 *   <li>A registration ending before the contract ends needs renewals: one per validity period of the held
 *       level (★3 one year, ★4 three years, DOMAIN.md) until the contract's end is covered. ★5's period is
 *       not published: its renewals are counted as at least one, marked unknown.
 * </ul>
 */
public final class CoverageRules {

    private CoverageRules() {}

    /** How long one registration of the level lasts, empty where that is not known (★5) or none (SA). */
    public static Optional<Period> validity(StarLevel level) {
        return switch (level) {
            case STAR3 -> Optional.of(Period.ofYears(1));
            case STAR4 -> Optional.of(Period.ofYears(3));
            default -> Optional.empty();
        };
    }

    /**
     * The valid-until dates that must each be followed by a renewal for a registration of {@code held},
     * valid until {@code validUntil}, to last until {@code contractEnd}: the first is {@code validUntil}
     * itself, the next one validity period later, and so on while before the contract's end. Empty when
     * it already lasts (or has no expiry, or the contract no end); for an unknown period only the first.
     */
    public static List<LocalDate> renewalsBefore(StarLevel held, LocalDate validUntil, LocalDate contractEnd) {
        List<LocalDate> ends = new ArrayList<>();
        if (held == null || validUntil == null || contractEnd == null) {
            return ends;
        }
        Optional<Period> period = validity(held);
        LocalDate end = validUntil;
        for (int k = 1; end.isBefore(contractEnd); k++) {
            ends.add(end);
            if (period.isEmpty()) {
                break;
            }
            // from the first end, so that a 29 February stays the end of February in later years
            end = validUntil.plus(period.get().multipliedBy(k));
        }
        return ends;
    }

    /** The coverage of a contract from its term and the findings of its chain (none: not evaluated). */
    public static ContractCoverage cover(LocalDate start, LocalDate end, List<Finding> chain) {
        List<LinkCoverage> links = chain.stream().map(f -> link(f, end)).toList();
        if (links.isEmpty()) {
            return new ContractCoverage(start, end, ContractCoverage.Kind.NOT_EVALUATED, null, links);
        }
        if (links.stream().anyMatch(link -> !link.meetsLevel())) {
            return new ContractCoverage(start, end, ContractCoverage.Kind.NOT_COVERED, null, links);
        }
        LocalDate until = links.stream()
                .filter(LinkCoverage::limitsCoverage)
                .map(LinkCoverage::validUntil)
                .min(LocalDate::compareTo)
                .orElse(null);
        return new ContractCoverage(
                start,
                end,
                until == null ? ContractCoverage.Kind.NO_EXPIRY : ContractCoverage.Kind.UNTIL,
                until,
                links);
    }

    static LinkCoverage link(Finding finding, LocalDate contractEnd) {
        Verdict v = finding.verdict();
        boolean meets = !v.status().isFailing();
        boolean limits = meets && v.required() != RequiredLevel.NONE && v.validUntil() != null;
        List<LocalDate> renewals = limits ? renewalsBefore(v.heldLevel(), v.validUntil(), contractEnd) : List.of();
        boolean known = renewals.isEmpty() || validity(v.heldLevel()).isPresent();
        return new LinkCoverage(
                finding.supplierId(),
                finding.supplierName(),
                finding.tier(),
                v.status(),
                v.required(),
                v.heldLevel(),
                v.validUntil(),
                meets,
                limits,
                renewals,
                known);
    }
}
