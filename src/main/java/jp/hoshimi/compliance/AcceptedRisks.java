package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The port through which the evaluation reads approved exceptions and reports those that lapsed; the
 * exception feature implements it. Both calls run inside the evaluation's transaction.
 */
public interface AcceptedRisks {

    /** Approved exceptions for these contracts' findings or for any of these suppliers across contracts. */
    List<AcceptedRisk> approvedFor(Collection<Long> contractIds, Collection<Long> supplierIds);

    /** Marks these approved exceptions lapsed (audited as the system), as of {@code today}. */
    void lapse(Map<Long, AcceptedRisk.Lapse> lapsed, LocalDate today);
}
