package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a contract's chain holds its levels for the contract's whole term (issue 20, {@link
 * CoverageRules}): {@code coveredUntil} is the earliest valid-until of the links that require a level
 * (kind UNTIL), none when a link fails today (NOT_COVERED), when nothing expires (NO_EXPIRY) or before the
 * first evaluation (NOT_EVALUATED).
 */
public record ContractCoverage(
        LocalDate start, LocalDate end, Kind kind, LocalDate coveredUntil, List<LinkCoverage> links) {

    public enum Kind {
        NOT_EVALUATED,
        NOT_COVERED,
        UNTIL,
        NO_EXPIRY
    }

    public ContractCoverage {
        links = List.copyOf(links);
    }

    /** True when the contract has an end date and its chain is not covered until then. */
    public boolean endsBeforeContract() {
        return end != null && (kind == Kind.NOT_COVERED || (kind == Kind.UNTIL && coveredUntil.isBefore(end)));
    }

    /** The renewals the contract depends on, over every link of its chain. */
    public int renewals() {
        return links.stream().mapToInt(LinkCoverage::renewals).sum();
    }

    /** False when a renewal of a level whose validity period is not published (★5) is among them. */
    public boolean renewalCountKnown() {
        return links.stream().allMatch(LinkCoverage::renewalCountKnown);
    }
}
