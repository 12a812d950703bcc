package jp.hoshimi.outreach;

import java.util.Collection;
import java.util.Map;
import jp.hoshimi.compliance.SupplierRequestStates;
import jp.hoshimi.outreach.internal.RequestRepository;
import jp.hoshimi.shared.BusinessDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers compliance's question "is a supplier already being asked?" from the requests, overdue by the
 * business date. The callers show it next to rows they have already scoped to the user.
 */
@Component
class OpenRequestStates implements SupplierRequestStates {

    private final RequestRepository requests;
    private final BusinessDate businessDate;

    OpenRequestStates(RequestRepository requests, BusinessDate businessDate) {
        this.requests = requests;
        this.businessDate = businessDate;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, OpenRequest> newestOpen(Collection<Long> supplierIds) {
        return requests.newestOpen(supplierIds, businessDate.today());
    }
}
