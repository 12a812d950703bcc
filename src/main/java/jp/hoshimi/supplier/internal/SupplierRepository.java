package jp.hoshimi.supplier.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierSort;

/** Storage of the supplier master. Paging, sorting and filtering happen in SQL. */
public interface SupplierRepository {

    List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit);

    int count(SupplierFilter filter);

    Optional<SupplierDetails> findById(long id);

    Optional<SupplierDetails> findByCorporateNumber(String corporateNumber);

    Optional<SupplierDetails> findByCode(String supplierCode);

    long insert(SupplierRow row, LocalDateTime now);

    /** Updates only if the stored version is still {@code version}; false when it is not. */
    boolean update(long id, int version, SupplierRow row, LocalDateTime now);

    /** Deletes only if the stored version is still {@code version}; false when it is not. */
    boolean delete(long id, int version);

    int countContracts(long supplierId);

    int countLinks(long supplierId);
}
