package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * The supplier check for a planned contract period (issue 20): today's answer, and whether the
 * registration lasts until {@code end} or which of its valid-until dates need a renewal before then.
 */
public record PeriodCheck(
        SupplierCheck check, LocalDate start, LocalDate end, List<LocalDate> renewalsDue, boolean renewalCountKnown) {

    public PeriodCheck {
        renewalsDue = List.copyOf(renewalsDue);
    }

    /** True when the supplier can be contracted today and its registration lasts the whole period. */
    public boolean coversPeriod() {
        return check.canContract() && renewalsDue.isEmpty();
    }
}
