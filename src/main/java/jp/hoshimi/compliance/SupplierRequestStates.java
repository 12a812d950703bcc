package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Where the newest open request to a supplier stands. The outreach feature knows requests and answers this;
 * compliance's renewal outlook asks it (issue 20) without depending on outreach.
 */
public interface SupplierRequestStates {

    /** One open request (draft, sent or answered): its state's bundle key, its due date, and whether overdue. */
    record OpenRequest(long requestId, String stateKey, LocalDate dueDate, boolean overdue) {}

    /** The newest open request of each of these suppliers that has one; suppliers without one are absent. */
    Map<Long, OpenRequest> newestOpen(Collection<Long> supplierIds);
}
