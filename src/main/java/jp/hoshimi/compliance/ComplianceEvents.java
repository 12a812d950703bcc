package jp.hoshimi.compliance;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * The compliance events, read by id: what other features (the alerts) learn of each evaluation without
 * knowing the table. Ids only grow, so a reader keeps a cursor (the last id it has read).
 */
public interface ComplianceEvents {

    /** Up to {@code limit} events after {@code afterId}, oldest first. */
    List<ComplianceChange> after(long afterId, int limit);

    /**
     * The LINK events up to {@code upToId} that started a new episode of these suppliers' findings: a return
     * to OK, or the start of an accepted risk (issue 20), after which a lapse is news again.
     */
    List<ComplianceChange> episodeStarts(Collection<Long> supplierIds, long upToId);

    /** The id of the last event that happened before {@code time}; 0 when there is none. */
    long lastIdBefore(LocalDateTime time);

    /** A contract's finding about a supplier that reached {@code status} at or after event {@code fromEventId}. */
    record Arrival(long contractId, long supplierId, ComplianceStatus status, long fromEventId) {}

    /**
     * The status each finding had just before it arrived: the old status of the first LINK event from
     * {@code fromEventId} on that brought it to {@code status}. Arrivals with no such event are absent.
     */
    Map<Arrival, ComplianceStatus> statusesBefore(Collection<Arrival> arrivals);
}
