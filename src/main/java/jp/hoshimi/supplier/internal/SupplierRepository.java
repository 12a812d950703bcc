package jp.hoshimi.supplier.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierSort;

/**
 * Storage of the supplier master. Paging, sorting and filtering happen in SQL.
 *
 * <p>Derived data lives here too, and every write below keeps it in step in the caller's transaction:
 * the name fragments that substring search looks up ({@code supplier_name_fragment}) and the copy of
 * {@code name_sort} on the supplier's contracts ({@code contract.supplier_name_sort}). A new way of
 * writing suppliers (a bulk import, a multi-row insert) must call {@link #refreshNameFragments} and, when
 * names change, {@link #refreshContractSortKeys} for the rows it wrote, in the same transaction. See
 * docs/decisions/0009-list-search-fragments-sort-keys-capped-counts.md.
 */
public interface SupplierRepository {

    List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit);

    /** The first {@code limit} matching suppliers in order, handed to {@code sink} as the driver fetches them. */
    void stream(SupplierFilter filter, SupplierSort.Order order, int limit, Consumer<SupplierListItem> sink);

    /** Counts the matching suppliers up to {@code cap}; beyond it, says "at least cap". */
    ResultCount count(SupplierFilter filter, int cap);

    Optional<SupplierDetails> findById(long id);

    Optional<SupplierDetails> findByCorporateNumber(String corporateNumber);

    /** The stored suppliers among these ids (one query). */
    List<SupplierDetails> findByIds(Collection<Long> ids);

    /** The suppliers holding any of these numbers (one query). */
    List<SupplierDetails> findByCorporateNumbers(Collection<String> corporateNumbers);

    Optional<SupplierDetails> findByCode(String supplierCode);

    /** Inserts the row and its name fragments. */
    long insert(SupplierRow row, LocalDateTime now);

    /**
     * Inserts the rows with one multi-row INSERT and their name fragments with one INSERT … SELECT; returns
     * the new ids in the order of {@code rows}.
     */
    List<Long> insertAll(List<SupplierRow> rows, LocalDateTime now);

    /** Locks these suppliers (for a bulk update) and returns their stored versions by id. */
    java.util.Map<Long, Integer> lockVersions(Collection<Long> ids);

    /**
     * Writes rows whose versions were checked under {@link #lockVersions} (one UPDATE each, sent as one
     * JDBC batch), then refreshes their fragments and contract sort keys set-based.
     */
    void updateAll(java.util.Map<Long, SupplierRow> rows, LocalDateTime now);

    /**
     * Updates only if the stored version is still {@code version}; false when it is not. Refreshes the
     * name fragments and the sort key copied onto the supplier's contracts.
     */
    boolean update(long id, int version, SupplierRow row, LocalDateTime now);

    /** Deletes only if the stored version is still {@code version}; false when it is not. Fragments go too. */
    boolean delete(long id, int version);

    /**
     * Recomputes the name fragments of these suppliers from their stored {@code name_normalized}: one
     * DELETE and one INSERT … SELECT, whatever the number of suppliers.
     */
    void refreshNameFragments(Collection<Long> supplierIds);

    /** Copies these suppliers' {@code name_sort} onto their contracts, in one UPDATE. */
    void refreshContractSortKeys(Collection<Long> supplierIds);

    int countContracts(long supplierId);

    int countLinks(long supplierId);
}
