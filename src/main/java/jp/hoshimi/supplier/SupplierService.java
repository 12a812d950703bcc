package jp.hoshimi.supplier;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.supplier.internal.SupplierRepository;
import jp.hoshimi.supplier.internal.SupplierRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supplier master shared by the whole corporate group. */
@Service
public class SupplierService {

    /** Largest page a caller may ask for; grids ask for 50 at a time. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final SupplierRepository suppliers;
    private final Clock clock;

    SupplierService(SupplierRepository suppliers, Clock clock) {
        this.suppliers = suppliers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return suppliers.list(
                normalise(filter),
                order == null ? SupplierSort.Order.defaultOrder() : order,
                offset,
                Math.min(limit, MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public int count(SupplierFilter filter) {
        return suppliers.count(normalise(filter));
    }

    /**
     * Creates suppliers in one set-based insert; all or nothing. Corporate numbers are validated and
     * stored in their canonical 13-digit form.
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public int createAll(List<NewSupplier> newSuppliers) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<SupplierRow> rows = new ArrayList<>(newSuppliers.size());
        for (NewSupplier supplier : newSuppliers) {
            if (supplier.name() == null || supplier.name().isBlank()) {
                throw new IllegalArgumentException("A supplier name is required");
            }
            String corporateNumber = supplier.corporateNumber() == null
                            || supplier.corporateNumber().isBlank()
                    ? null
                    : CorporateNumber.parse(supplier.corporateNumber()).value();
            rows.add(new SupplierRow(
                    corporateNumber,
                    blankToNull(supplier.supplierCode()),
                    supplier.name().strip(),
                    CompanyNames.normalize(supplier.name()),
                    blankToNull(supplier.nameKana()),
                    CompanyNames.sortKey(supplier.name(), supplier.nameKana()),
                    supplier.country() == null || supplier.country().isBlank() ? "JP" : supplier.country(),
                    blankToNull(supplier.address())));
        }
        return suppliers.insertAll(rows, now);
    }

    private static SupplierFilter normalise(SupplierFilter filter) {
        return filter == null ? SupplierFilter.none() : filter;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
