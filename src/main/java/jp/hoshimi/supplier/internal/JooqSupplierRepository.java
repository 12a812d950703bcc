package jp.hoshimi.supplier.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_COMPLIANCE;
import static jp.hoshimi.db.Tables.SUPPLIER_NAME_FRAGMENT;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.hoshimi.db.tables.RegisterEntry;
import jp.hoshimi.db.tables.records.SupplierRecord;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.TextFragments;
import jp.hoshimi.shared.sql.FragmentIndex;
import jp.hoshimi.shared.sql.ListQueries;
import jp.hoshimi.shared.sql.ListSource;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierSort;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqSupplierRepository implements SupplierRepository {

    /** The fragments of name_normalized (CompanyNames.normalize(name)), with name_sort, the default order. */
    private static final FragmentIndex NAME_FRAGMENTS = new FragmentIndex(
            SUPPLIER_NAME_FRAGMENT,
            SUPPLIER_NAME_FRAGMENT.FRAGMENT,
            SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID,
            List.of(SUPPLIER_NAME_FRAGMENT.NAME_SORT),
            SUPPLIER,
            SUPPLIER.ID,
            SUPPLIER.NAME_NORMALIZED,
            List.of(SUPPLIER.NAME_SORT));

    /**
     * Up to this many candidates, a page reads and sorts them all (a supplier row look-up each, 5–10 µs
     * here); above it, a page walks the sort order. See docs/benchmarks.md.
     */
    static final int FEW_CANDIDATES = 2_000;

    /** The same when the fragments alone answer (about 1 µs a candidate: an index range and a sort). */
    static final int MANY_CANDIDATES = 20_000;

    /** The supplier's ★ entry, else its SECURITY ACTION declaration, as the evaluation picks (V8). */
    private static final RegisterEntry STAR_ENTRY = REGISTER_ENTRY.as("star_entry");

    private static final RegisterEntry SA_ENTRY = REGISTER_ENTRY.as("sa_entry");
    private static final Field<String> HELD_LEVEL =
            DSL.coalesce(STAR_ENTRY.LEVEL, SA_ENTRY.LEVEL).as("held_level");
    private static final Field<LocalDate> VALID_UNTIL = DSL.when(STAR_ENTRY.ID.isNotNull(), STAR_ENTRY.VALID_UNTIL)
            .otherwise(SA_ENTRY.VALID_UNTIL)
            .as("valid_until");
    private static final Field<String> REGISTERED_NAME =
            DSL.coalesce(STAR_ENTRY.NAME, SA_ENTRY.NAME).as("registered_name");

    private final DSLContext dsl;

    JooqSupplierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit) {
        return listQuery(filter, order, offset, limit).fetch(JooqSupplierRepository::toListItem);
    }

    @Override
    public void stream(SupplierFilter filter, SupplierSort.Order order, int limit, Consumer<SupplierListItem> sink) {
        ListQueries.stream(listQuery(filter, order, 0, limit), JooqSupplierRepository::toListItem, sink);
    }

    private ResultQuery<? extends Record> listQuery(
            SupplierFilter filter, SupplierSort.Order order, int offset, int limit) {
        // Deferred join: find the page's ids first (an index walk where the sort allows it), then read
        // the columns of those rows only. See docs/benchmarks.md.
        Table<?> page = ListQueries.pageIds(dsl, sources(filter, order, true), order.ascending(), offset, limit);
        Field<Long> pageId = page.field(SUPPLIER.ID);
        Field<Object> pageKey = page.field(ListQueries.KEY, Object.class);
        Field<Integer> pageNulls = page.field(ListQueries.NULL_FLAG, Integer.class);
        return dsl.select(
                        SUPPLIER.ID,
                        SUPPLIER.CORPORATE_NUMBER,
                        SUPPLIER.SUPPLIER_CODE,
                        SUPPLIER.NAME,
                        SUPPLIER.NAME_KANA,
                        SUPPLIER.COUNTRY,
                        SUPPLIER.UPDATED_AT,
                        SUPPLIER_COMPLIANCE.STATUS,
                        HELD_LEVEL,
                        VALID_UNTIL,
                        REGISTERED_NAME)
                .from(page)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(pageId))
                .leftJoin(SUPPLIER_COMPLIANCE)
                .on(SUPPLIER_COMPLIANCE.SUPPLIER_ID.eq(SUPPLIER.ID))
                .leftJoin(STAR_ENTRY)
                .on(registered(STAR_ENTRY, "STAR"))
                .leftJoin(SA_ENTRY)
                .on(registered(SA_ENTRY, "SECURITY_ACTION"))
                .orderBy(
                        pageNulls.asc(),
                        order.ascending() ? pageKey.asc() : pageKey.desc(),
                        order.ascending() ? pageId.asc() : pageId.desc());
    }

    /** The supplier's current (not removed) entry in one register, by its 法人番号 (the unique key). */
    private static Condition registered(RegisterEntry entry, String kind) {
        return entry.KIND
                .eq(kind)
                .and(entry.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER))
                .and(entry.REMOVED_AT.isNull());
    }

    private static SupplierListItem toListItem(Record r) {
        String status = r.get(SUPPLIER_COMPLIANCE.STATUS);
        String held = r.get(HELD_LEVEL);
        return new SupplierListItem(
                r.get(SUPPLIER.ID),
                r.get(SUPPLIER.CORPORATE_NUMBER),
                r.get(SUPPLIER.SUPPLIER_CODE),
                r.get(SUPPLIER.NAME),
                r.get(SUPPLIER.NAME_KANA),
                r.get(SUPPLIER.COUNTRY),
                r.get(SUPPLIER.UPDATED_AT),
                status == null ? null : ComplianceStatus.valueOf(status),
                held == null ? null : StarLevel.valueOf(held),
                r.get(VALID_UNTIL),
                r.get(REGISTERED_NAME));
    }

    @Override
    public ResultCount count(SupplierFilter filter, int cap) {
        return ListQueries.countUpTo(dsl, sources(filter, SupplierSort.Order.defaultOrder(), false), cap);
    }

    /**
     * Where the rows of a filtered list come from. A text matches the normalised name anywhere, the start
     * of the 法人番号 or the start of the supplier code: three sources, each served by its own index (the
     * name fragments, the 法人番号 index, the code index), where one WHERE with OR between them would read
     * every row.
     */
    private List<ListSource> sources(SupplierFilter filter, SupplierSort.Order order, boolean forPage) {
        ListSource all = new ListSource(
                SUPPLIER, quickCondition(filter).and(statusCondition(filter)), SUPPLIER.ID, sortKey(order.sort()));
        if (filter.text() == null || filter.text().isBlank()) {
            return List.of(all);
        }
        String text = filter.text().strip();
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String digits = plain.replaceAll("[\\s\\-]", "");
        List<ListSource> sources = new ArrayList<>();
        if (CorporateNumber.isValid(plain)) {
            // a complete 法人番号 names one company: no need to search the names for it
            sources.add(all.and(
                    SUPPLIER.CORPORATE_NUMBER.eq(CorporateNumber.parse(plain).value())));
        } else {
            String name = CompanyNames.normalize(text);
            if (!name.isEmpty()) {
                sources.add(nameSource(name, all, order, forPage));
            }
            sources.add(all.and(SUPPLIER.CORPORATE_NUMBER.startsWith(digits)));
        }
        sources.add(all.and(SUPPLIER.SUPPLIER_CODE.startsWith(plain)));
        return sources;
    }

    /**
     * Suppliers whose normalised name contains {@code name}, from the name fragments (checked with the
     * LIKE when the term is longer than a fragment). The fragments carry name_sort, the list's default
     * order: a search in that order, without a quick filter, reads no supplier row until the page. Any
     * other order or filter reads the supplier row of each candidate; then a page with more than
     * {@value #FEW_CANDIDATES} candidates walks the sort order instead and checks each row, which meets a
     * page of matches long before it could have read and sorted every candidate.
     */
    private ListSource nameSource(String name, ListSource all, SupplierSort.Order order, boolean forPage) {
        Condition found = NAME_FRAGMENTS.containing(name);
        boolean fragmentsSuffice = TextFragments.isExactLookup(name)
                && all.where().equals(DSL.noCondition())
                && (!forPage || order.sort() == SupplierSort.NAME);
        int limit = fragmentsSuffice ? MANY_CANDIDATES : FEW_CANDIDATES;
        if (forPage
                && !NAME_FRAGMENTS.probe(dsl, name, DSL.noCondition(), limit).atMost(limit, limit)) {
            return all.and(SUPPLIER.NAME_NORMALIZED.contains(name));
        }
        if (fragmentsSuffice) {
            return new ListSource(
                    SUPPLIER_NAME_FRAGMENT,
                    found,
                    SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID,
                    asKey(SUPPLIER_NAME_FRAGMENT.NAME_SORT),
                    true);
        }
        return new ListSource(
                SUPPLIER_NAME_FRAGMENT.straightJoin(SUPPLIER).on(SUPPLIER.ID.eq(SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID)),
                found.and(all.where())
                        .and(
                                TextFragments.isExactLookup(name)
                                        ? DSL.noCondition()
                                        : SUPPLIER.NAME_NORMALIZED.contains(name)),
                SUPPLIER.ID,
                all.key(),
                true);
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

    @Override
    public List<SupplierDetails> findByIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : findAllWhere(SUPPLIER.ID.in(ids));
    }

    @Override
    public List<SupplierDetails> findByCorporateNumbers(java.util.Collection<String> corporateNumbers) {
        return corporateNumbers.isEmpty() ? List.of() : findAllWhere(SUPPLIER.CORPORATE_NUMBER.in(corporateNumbers));
    }

    private Optional<SupplierDetails> findWhere(Condition condition) {
        return findAllWhere(condition).stream().findFirst();
    }

    private List<SupplierDetails> findAllWhere(Condition condition) {
        return dsl.selectFrom(SUPPLIER)
                .where(condition)
                .fetch(r -> new SupplierDetails(
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
        long id = dsl.insertInto(SUPPLIER)
                .set(toRecord(row))
                .set(SUPPLIER.CREATED_AT, now)
                .set(SUPPLIER.UPDATED_AT, now)
                .set(SUPPLIER.VERSION, 0)
                .returningResult(SUPPLIER.ID)
                .fetchSingle()
                .value1();
        refreshNameFragments(List.of(id));
        return id;
    }

    @Override
    public List<Long> insertAll(List<SupplierRow> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var insert = dsl.insertInto(SUPPLIER)
                .set(toRecord(rows.get(0)))
                .set(SUPPLIER.CREATED_AT, now)
                .set(SUPPLIER.UPDATED_AT, now)
                .set(SUPPLIER.VERSION, 0);
        for (SupplierRow row : rows.subList(1, rows.size())) {
            insert = insert.newRecord()
                    .set(toRecord(row))
                    .set(SUPPLIER.CREATED_AT, now)
                    .set(SUPPLIER.UPDATED_AT, now)
                    .set(SUPPLIER.VERSION, 0);
        }
        // MariaDB's INSERT … RETURNING answers in the order of the VALUES rows
        List<Long> ids = insert.returningResult(SUPPLIER.ID).fetch(r -> r.value1());
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("inserted " + rows.size() + " suppliers but got " + ids.size() + " ids");
        }
        refreshNameFragments(ids);
        return ids;
    }

    @Override
    public java.util.Map<Long, Integer> lockVersions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return dsl.select(SUPPLIER.ID, SUPPLIER.VERSION)
                .from(SUPPLIER)
                .where(SUPPLIER.ID.in(ids))
                .forUpdate()
                .fetchMap(SUPPLIER.ID, SUPPLIER.VERSION);
    }

    @Override
    public void updateAll(java.util.Map<Long, SupplierRow> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return;
        }
        dsl.batch(rows.entrySet().stream()
                        .map(e -> dsl.update(SUPPLIER)
                                .set(toRecord(e.getValue()))
                                .set(SUPPLIER.UPDATED_AT, now)
                                .set(SUPPLIER.VERSION, SUPPLIER.VERSION.plus(1))
                                .where(SUPPLIER.ID.eq(e.getKey())))
                        .toList())
                .execute();
        refreshNameFragments(rows.keySet());
        refreshContractSortKeys(rows.keySet());
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
            refreshNameFragments(List.of(id));
            refreshContractSortKeys(List.of(id));
        }
        return updated;
    }

    @Override
    public boolean delete(long id, int version) {
        // the name fragments go with the row (ON DELETE CASCADE); a supplier with contracts is never deleted
        return dsl.deleteFrom(SUPPLIER)
                        .where(SUPPLIER.ID.eq(id).and(SUPPLIER.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    @Override
    public void refreshNameFragments(Collection<Long> supplierIds) {
        NAME_FRAGMENTS.refresh(dsl, supplierIds);
    }

    @Override
    public void refreshContractSortKeys(Collection<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return;
        }
        // only the contracts whose copy differs are written; ix_contract_supplier_number finds them
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

    private static Field<Object> sortKey(SupplierSort sort) {
        return asKey(
                switch (sort) {
                    case NAME -> SUPPLIER.NAME_SORT;
                    case CORPORATE_NUMBER -> SUPPLIER.CORPORATE_NUMBER;
                    case SUPPLIER_CODE -> SUPPLIER.SUPPLIER_CODE;
                    case UPDATED_AT -> SUPPLIER.UPDATED_AT;
                });
    }

    /** A sort key of any type, as the page queries handle it. */
    @SuppressWarnings("unchecked")
    private static Field<Object> asKey(Field<?> field) {
        return (Field<Object>) field;
    }

    /**
     * Suppliers whose evaluated status is one of the chosen: a semi-join that MariaDB runs from
     * ix_supplier_compliance_status for a rare status, or as a check per row along the sort order.
     */
    private static Condition statusCondition(SupplierFilter filter) {
        if (filter.statuses().isEmpty()) {
            return DSL.noCondition();
        }
        return SUPPLIER.ID.in(DSL.select(SUPPLIER_COMPLIANCE.SUPPLIER_ID)
                .from(SUPPLIER_COMPLIANCE)
                .where(SUPPLIER_COMPLIANCE.STATUS.in(
                        filter.statuses().stream().map(Enum::name).toList())));
    }

    private static Condition quickCondition(SupplierFilter filter) {
        return switch (filter.quick() == null ? SupplierFilter.Quick.ALL : filter.quick()) {
            case ALL -> DSL.noCondition();
            case NO_CORPORATE_NUMBER -> SUPPLIER.CORPORATE_NUMBER.isNull();
            case FOREIGN -> SUPPLIER.COUNTRY.ne("JP");
            case NO_CONTRACT ->
                DSL.notExists(DSL.selectOne().from(CONTRACT).where(CONTRACT.SUPPLIER_ID.eq(SUPPLIER.ID)));
        };
    }
}
