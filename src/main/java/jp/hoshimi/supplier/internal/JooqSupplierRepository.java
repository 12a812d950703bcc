package jp.hoshimi.supplier.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.db.tables.records.SupplierRecord;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierSort;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqSupplierRepository implements SupplierRepository {

    private final DSLContext dsl;

    JooqSupplierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit) {
        // Deferred join: find the page's ids first (an index walk where the sort allows it), then read
        // the columns of those rows only. See docs/benchmarks.md.
        // A substring filter can match anywhere in the sort order: walking the sort index would look up a
        // row per index entry until a page is found (for a rare term, nearly the whole table); scanning
        // and sorting the matches is bounded.
        Table<?> from = filter.isEmpty() ? SUPPLIER : SUPPLIER.useIndexForOrderBy();
        Table<?> page = pageIds(from, condition(filter), order, offset, limit);
        Field<Long> pageId = page.field(SUPPLIER.ID);
        Field<Object> pageKey = page.field("k", Object.class);
        Field<Integer> pageNulls = page.field("nl", Integer.class);
        return dsl.select(
                        SUPPLIER.ID,
                        SUPPLIER.CORPORATE_NUMBER,
                        SUPPLIER.SUPPLIER_CODE,
                        SUPPLIER.NAME,
                        SUPPLIER.NAME_KANA,
                        SUPPLIER.COUNTRY,
                        SUPPLIER.UPDATED_AT)
                .from(page)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(pageId))
                .orderBy(
                        pageNulls.asc(),
                        order.ascending() ? pageKey.asc() : pageKey.desc(),
                        order.ascending() ? pageId.asc() : pageId.desc())
                .fetch(r -> new SupplierListItem(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /**
     * The ids of one page with their sort key (k) and a NULL flag (nl), ordered by (key, id) so that the
     * order is total. MariaDB sorts NULL first when ascending and last when descending, and cannot walk an
     * index for jOOQ's NULLS LAST emulation; so an ascending sort on a nullable key takes the non-null
     * rows in index order and appends the NULL ones.
     */
    private Table<?> pageIds(Table<?> from, Condition condition, SupplierSort.Order order, int offset, int limit) {
        Field<Object> key = sortKey(order.sort());
        boolean nullable = key.getDataType().nullable();
        if (!order.ascending() || !nullable) {
            return dsl.select(SUPPLIER.ID, key.as("k"), DSL.inline(0).as("nl"))
                    .from(from)
                    .where(condition)
                    .orderBy(
                            order.ascending() ? key.asc() : key.desc(),
                            order.ascending() ? SUPPLIER.ID.asc() : SUPPLIER.ID.desc())
                    .limit(limit)
                    .offset(offset)
                    .asTable("page");
        }
        int window = offset + limit;
        Table<?> both = dsl.select(SUPPLIER.ID, key.as("k"), DSL.inline(0).as("nl"))
                .from(from)
                .where(condition.and(key.isNotNull()))
                .orderBy(key.asc(), SUPPLIER.ID.asc())
                .limit(window)
                .unionAll(dsl.select(SUPPLIER.ID, key.as("k"), DSL.inline(1).as("nl"))
                        .from(from)
                        .where(condition.and(key.isNull()))
                        .orderBy(SUPPLIER.ID.asc())
                        .limit(window))
                .asTable("both");
        return dsl.select(both.field(SUPPLIER.ID), both.field("k"), both.field("nl"))
                .from(both)
                .orderBy(
                        both.field("nl").asc(),
                        both.field("k").asc(),
                        both.field(SUPPLIER.ID).asc())
                .limit(limit)
                .offset(offset)
                .asTable("page");
    }

    @Override
    public ResultCount count(SupplierFilter filter, int cap) {
        // at most cap + 1 rows: counting 100,000 costs more than the page they go with
        return ResultCount.ofCapped(
                dsl.fetchCount(
                        dsl.selectOne().from(SUPPLIER).where(condition(filter)).limit(cap + 1)),
                cap);
    }

    @Override
    public Optional<SupplierDetails> findById(long id) {
        return findWhere(SUPPLIER.ID.eq(id));
    }

    @Override
    public Optional<SupplierDetails> findByCorporateNumber(String corporateNumber) {
        return findWhere(SUPPLIER.CORPORATE_NUMBER.eq(corporateNumber));
    }

    @Override
    public Optional<SupplierDetails> findByCode(String supplierCode) {
        return findWhere(SUPPLIER.SUPPLIER_CODE.eq(supplierCode));
    }

    private Optional<SupplierDetails> findWhere(Condition condition) {
        return dsl.selectFrom(SUPPLIER)
                .where(condition)
                .fetchOptional(r -> new SupplierDetails(
                        r.getId(),
                        r.getCorporateNumber(),
                        r.getSupplierCode(),
                        r.getName(),
                        r.getNameKana(),
                        r.getCountry(),
                        r.getAddress(),
                        r.getContactName(),
                        r.getContactEmail(),
                        r.getNotes(),
                        r.getCreatedAt(),
                        r.getUpdatedAt(),
                        r.getVersion()));
    }

    @Override
    public long insert(SupplierRow row, LocalDateTime now) {
        return dsl.insertInto(SUPPLIER)
                .set(toRecord(row))
                .set(SUPPLIER.CREATED_AT, now)
                .set(SUPPLIER.UPDATED_AT, now)
                .set(SUPPLIER.VERSION, 0)
                .returningResult(SUPPLIER.ID)
                .fetchSingle()
                .value1();
    }

    @Override
    public boolean update(long id, int version, SupplierRow row, LocalDateTime now) {
        boolean updated = dsl.update(SUPPLIER)
                        .set(toRecord(row))
                        .set(SUPPLIER.UPDATED_AT, now)
                        .set(SUPPLIER.VERSION, SUPPLIER.VERSION.plus(1))
                        .where(SUPPLIER.ID.eq(id).and(SUPPLIER.VERSION.eq(version)))
                        .execute()
                == 1;
        if (updated) {
            refreshContractSortKeys(List.of(id));
        }
        return updated;
    }

    @Override
    public boolean delete(long id, int version) {
        return dsl.deleteFrom(SUPPLIER)
                        .where(SUPPLIER.ID.eq(id).and(SUPPLIER.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    @Override
    public void refreshContractSortKeys(Collection<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return;
        }
        // only the contracts whose copy differs are written; ix_contract_supplier finds them
        dsl.update(CONTRACT.join(SUPPLIER).on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID)))
                .set(CONTRACT.SUPPLIER_NAME_SORT, SUPPLIER.NAME_SORT)
                .where(CONTRACT.SUPPLIER_ID.in(supplierIds))
                .and(CONTRACT.SUPPLIER_NAME_SORT.ne(SUPPLIER.NAME_SORT))
                .execute();
    }

    @Override
    public int countContracts(long supplierId) {
        return dsl.fetchCount(CONTRACT, CONTRACT.SUPPLIER_ID.eq(supplierId));
    }

    @Override
    public int countLinks(long supplierId) {
        return dsl.fetchCount(
                SUBCONTRACTING_LINK,
                SUBCONTRACTING_LINK
                        .PARENT_SUPPLIER_ID
                        .eq(supplierId)
                        .or(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID.eq(supplierId)));
    }

    /** The editable columns of a row; only these are set by insert and update. */
    private SupplierRecord toRecord(SupplierRow row) {
        SupplierRecord record = dsl.newRecord(SUPPLIER);
        record.setCorporateNumber(row.corporateNumber());
        record.setSupplierCode(row.supplierCode());
        record.setName(row.name());
        record.setNameNormalized(row.nameNormalized());
        record.setNameKana(row.nameKana());
        record.setNameSort(row.nameSort());
        record.setCountry(row.country());
        record.setAddress(row.address());
        record.setContactName(row.contactName());
        record.setContactEmail(row.contactEmail());
        record.setNotes(row.notes());
        return record;
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> sortKey(SupplierSort sort) {
        Field<?> field = switch (sort) {
            case NAME -> SUPPLIER.NAME_SORT;
            case CORPORATE_NUMBER -> SUPPLIER.CORPORATE_NUMBER;
            case SUPPLIER_CODE -> SUPPLIER.SUPPLIER_CODE;
            case UPDATED_AT -> SUPPLIER.UPDATED_AT;
        };
        return (Field<Object>) field;
    }

    private static Condition condition(SupplierFilter filter) {
        Condition quick = switch (filter.quick() == null ? SupplierFilter.Quick.ALL : filter.quick()) {
            case ALL -> DSL.noCondition();
            case NO_CORPORATE_NUMBER -> SUPPLIER.CORPORATE_NUMBER.isNull();
            case FOREIGN -> SUPPLIER.COUNTRY.ne("JP");
            case NO_CONTRACT ->
                DSL.notExists(DSL.selectOne().from(CONTRACT).where(CONTRACT.SUPPLIER_ID.eq(SUPPLIER.ID)));
        };
        if (filter.text() == null || filter.text().isBlank()) {
            return quick;
        }
        return quick.and(textCondition(filter.text().strip()));
    }

    private static Condition textCondition(String text) {
        Condition byName = SUPPLIER.NAME_NORMALIZED.contains(CompanyNames.normalize(text));
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String digits = plain.replaceAll("[\\s\\-]", "");
        if (CorporateNumber.isValid(plain)) {
            // a complete 法人番号 names one company: no need to scan every name for it
            return SUPPLIER.CORPORATE_NUMBER
                    .eq(CorporateNumber.parse(plain).value())
                    .or(SUPPLIER.SUPPLIER_CODE.startsWith(plain));
        }
        Condition byNumberOrCode =
                SUPPLIER.CORPORATE_NUMBER.startsWith(digits).or(SUPPLIER.SUPPLIER_CODE.startsWith(plain));
        return CompanyNames.normalize(text).isEmpty() ? byNumberOrCode : byName.or(byNumberOrCode);
    }
}
