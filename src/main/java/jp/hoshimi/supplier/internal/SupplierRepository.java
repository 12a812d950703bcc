package jp.hoshimi.supplier.internal;

import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierSort;

/** Storage of the supplier master. Paging, sorting and filtering happen in SQL. */
public interface SupplierRepository {

    List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit);

    int count(SupplierFilter filter);

    int insertAll(List<SupplierRow> rows, LocalDateTime now);
}
