package jp.hoshimi.contract.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static jp.hoshimi.db.Tables.CONTRACT_TITLE_FRAGMENT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_NAME_FRAGMENT;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractSort;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.db.tables.records.ContractRecord;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.TextFragments;
import jp.hoshimi.shared.sql.FragmentIndex;
import jp.hoshimi.shared.sql.ListQueries;
import jp.hoshimi.shared.sql.ListSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

@Repository
public class ContractRepository {

    /** The id, title and unit of the contract holding a number (for a clear duplicate message). */
    public record NumberHolder(Long id, String title, long orgUnitId) {}

    private static final Field<Boolean> ANY_YES = DSL.field(CONTRACT.HANDLES_CONFIDENTIAL
            .isTrue()
            .or(CONTRACT.BUSINESS_CRITICAL.isTrue())
            .or(CONTRACT.NETWORK_ACCESS.isTrue()));

    /** The fragments of the title, with the contract's unit, level and number (the default sort key). */
    private static final FragmentIndex TITLE_FRAGMENTS = new FragmentIndex(
            CONTRACT_TITLE_FRAGMENT,
            CONTRACT_TITLE_FRAGMENT.FRAGMENT,
            CONTRACT_TITLE_FRAGMENT.CONTRACT_ID,
            List.of(
                    CONTRACT_TITLE_FRAGMENT.ORG_UNIT_ID,
                    CONTRACT_TITLE_FRAGMENT.REQUIRED_LEVEL,
                    CONTRACT_TITLE_FRAGMENT.CONTRACT_NUMBER),
            CONTRACT,
            CONTRACT.ID,
            CONTRACT.TITLE,
            List.of(CONTRACT.ORG_UNIT_ID, CONTRACT.REQUIRED_LEVEL, CONTRACT.CONTRACT_NUMBER));

    /** The supplier name fragments, searched here; the supplier repository keeps them. */
    private static final FragmentIndex SUPPLIER_NAME_FRAGMENTS = FragmentIndex.searchOnly(
            SUPPLIER_NAME_FRAGMENT, SUPPLIER_NAME_FRAGMENT.FRAGMENT, SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID);

    /**
     * Up to this many candidates, a page reads and sorts them all when it must read a contract row for
     * each (5–10 µs a row here); above it, a page walks the sort order. See docs/benchmarks.md.
     */
    static final int FEW_CANDIDATES = 2_000;

    /** The same when the fragments alone answer (about 1 µs a candidate: an index range and a sort). */
    static final int MANY_CANDIDATES = 20_000;

    /**
     * With filters on unit or level, the range may hold many more entries than pass them; reading up to
     * this many entries (2-5 ms here) is fine when at most FEW_CANDIDATES pass.
     */
    static final int SCANNED_CANDIDATES = 4_000;

    /** The same for candidate suppliers, each a supplier look-up before its contracts. */
    static final int FEW_SUPPLIERS = 2_000;

    /** Scoped pages in number order (byNumberWithinUnits): a merge of this many rows costs about 2 ms here. */
    static final int CHEAP_MERGE_ROWS = 2_000;

    /** … the walk's entries looked at to decide (index only, about 4 ms here) … */
    static final int WALK_PROBE_ROWS = 12_000;

    /** … and the largest merge worth it (about 20 ms here). */
    static final int MAX_MERGE_ROWS = 25_000;

    /** A status or expiry filtered page deeper than this reads and sorts the matches (see commonEnough). */
    static final int MAX_WALK_WINDOW = 1_000;

    private final DSLContext dsl;

    /**
     * Status and expiry filters: from this many matching evaluations (10,000 of 200,000 contracts), a
     * shallow page walks the sort order instead of reading and sorting the matches.
     */
    private final int commonEvaluations;

    ContractRepository(DSLContext dsl, @Value("${hoshimi.list.common-evaluations:10000}") int commonEvaluations) {
        this.dsl = dsl;
        this.commonEvaluations = commonEvaluations;
    }

    public List<ContractListItem> list(ContractCriteria criteria, ContractSort.Order order, int offset, int limit) {
        return listQuery(criteria, order, offset, limit).fetch(ContractRepository::toListItem);
    }

    /**
     * The first {@code limit} matching contracts in order, handed to {@code sink} as they arrive: the
     * driver fetches them in chunks, so an export of 200,000 rows never holds them all.
     */
    public void stream(
            ContractCriteria criteria, ContractSort.Order order, int limit, Consumer<ContractListItem> sink) {
        ListQueries.stream(listQuery(criteria, order, 0, limit), ContractRepository::toListItem, sink);
    }

    private ResultQuery<? extends Record> listQuery(
            ContractCriteria criteria, ContractSort.Order order, int offset, int limit) {
        // Deferred join: find the page's ids first (an index walk where the sort allows it), then join
        // the names for those rows only. See docs/benchmarks.md.
        List<ListSource> sources = sources(criteria, order, true, offset + limit);
        // without a text filter, several sources are one per unit (byNumberWithinUnits): disjoint
        Table<?> page = hasText(criteria.filter())
                ? ListQueries.pageIds(dsl, sources, order.ascending(), offset, limit)
                : ListQueries.pageIdsOfDisjoint(dsl, sources, order.ascending(), offset, limit);
        Field<Long> pageId = page.field(ListQueries.ID, Long.class);
        Field<Object> pageKey = page.field(ListQueries.KEY, Object.class);
        Field<Integer> pageNulls = page.field(ListQueries.NULL_FLAG, Integer.class);
        return dsl.select(
                        CONTRACT.ID,
                        CONTRACT.CONTRACT_NUMBER,
                        CONTRACT.TITLE,
                        CONTRACT.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        ORG_UNIT.NAME,
                        APP_USER.DISPLAY_NAME,
                        CONTRACT.REQUIRED_LEVEL,
                        ANY_YES,
                        CONTRACT.END_DATE,
                        CONTRACT_COMPLIANCE.STATUS,
                        CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL,
                        // issue 20: contract-term coverage of the page's rows
                        CoverageColumns.NOT_COVERED,
                        CoverageColumns.COVERED_UNTIL)
                .from(page)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(pageId))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(CONTRACT.OWNER_USER_ID))
                .leftJoin(CONTRACT_COMPLIANCE)
                .on(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(CONTRACT.ID))
                .orderBy(
                        pageNulls.asc(),
                        order.ascending() ? pageKey.asc() : pageKey.desc(),
                        order.ascending() ? pageId.asc() : pageId.desc());
    }

    private static ContractListItem toListItem(Record r) {
        return new ContractListItem(
                r.get(CONTRACT.ID),
                r.get(CONTRACT.CONTRACT_NUMBER),
                r.get(CONTRACT.TITLE),
                r.get(CONTRACT.SUPPLIER_ID),
                r.get(SUPPLIER.NAME),
                r.get(ORG_UNIT.NAME),
                r.get(APP_USER.DISPLAY_NAME),
                r.get(CONTRACT.REQUIRED_LEVEL),
                Boolean.TRUE.equals(r.get(ANY_YES)),
                r.get(CONTRACT.END_DATE),
                r.get(CONTRACT_COMPLIANCE.STATUS),
                r.get(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL),
                Boolean.TRUE.equals(r.get(CoverageColumns.NOT_COVERED)),
                r.get(CoverageColumns.COVERED_UNTIL));
    }

    /** Counts the matching contracts up to {@code cap}; beyond it, says "at least cap". */
    public ResultCount count(ContractCriteria criteria, int cap) {
        return ListQueries.countUpTo(dsl, sources(criteria, ContractSort.Order.defaultOrder(), false, 0), cap);
    }

    /**
     * Where the rows of a filtered list come from. A text matches the start of the contract number, the
     * title anywhere or the supplier's normalised name anywhere: three sources, each served by its own
     * index (the number index, the title fragments, the supplier name fragments and then the contracts'
     * supplier index), where one WHERE with OR between them would read every contract.
     *
     * <p>A page of a term with too many candidates walks the sort order instead and checks each row,
     * which meets a page of matches long before it could have read and sorted every candidate. Counts
     * always start from the fragments: they stop at the cap.
     */
    private List<ListSource> sources(ContractCriteria criteria, ContractSort.Order order, boolean forPage, int window) {
        ContractFilter filter = criteria.filter();
        Condition otherFilters = DSL.noCondition();
        if (filter.requiredLevel() != null) {
            otherFilters = otherFilters.and(CONTRACT.REQUIRED_LEVEL.eq(filter.requiredLevel()));
        }
        if (filter.ownerUserId() != null) {
            otherFilters = otherFilters.and(CONTRACT.OWNER_USER_ID.eq(filter.ownerUserId()));
        }
        if (filter.supplierId() != null) {
            otherFilters = otherFilters.and(CONTRACT.SUPPLIER_ID.eq(filter.supplierId()));
        }
        if (criteria.endedBefore() != null) {
            otherFilters = otherFilters.and(CONTRACT.END_DATE.lt(criteria.endedBefore()));
        }
        if (filter.coverageShort()) {
            // issue 20: checked per row, like "not evaluated"
            otherFilters = otherFilters.and(CoverageColumns.endsBeforeContract(criteria.runningOn()));
        }
        Condition scope = criteria.unitIds() == null ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(criteria.unitIds());
        Condition evaluation = evaluationCondition(criteria);
        if (filter.notEvaluated()) {
            // normally none: checked per row (an eq_ref look-up) wherever the rows come from
            otherFilters = otherFilters.andNotExists(
                    DSL.selectOne().from(CONTRACT_COMPLIANCE).where(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(CONTRACT.ID)));
        }
        if (forPage && !hasText(filter) && evaluation != null && commonEnough(evaluation, window)) {
            // many matches: walk the sort order and check each contract's evaluation (eq_ref)
            return List.of(new ListSource(
                    CONTRACT.straightJoin(CONTRACT_COMPLIANCE).on(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(CONTRACT.ID)),
                    otherFilters.and(scope).and(evaluation),
                    CONTRACT.ID,
                    sortKey(order.sort())));
        }
        if (evaluation != null) {
            otherFilters = otherFilters.and(CONTRACT.ID.in(DSL.select(CONTRACT_COMPLIANCE.CONTRACT_ID)
                    .from(CONTRACT_COMPLIANCE)
                    .where(evaluation)));
        }
        Condition where = otherFilters.and(scope);
        ListSource all = new ListSource(CONTRACT, where, CONTRACT.ID, sortKey(order.sort()));
        if (!hasText(filter)) {
            if (forPage
                    && order.sort() == ContractSort.CONTRACT_NUMBER
                    && criteria.unitIds() != null
                    && !criteria.unitIds().isEmpty()
                    && otherFilters.equals(DSL.noCondition())) {
                return byNumberWithinUnits(criteria.unitIds(), all, order.ascending(), window);
            }
            return List.of(all);
        }
        String text = filter.text().strip();
        List<ListSource> sources = new ArrayList<>();
        sources.add(all.and(CONTRACT.CONTRACT_NUMBER.startsWith(text)));
        List<Condition> rowChecks = new ArrayList<>();
        boolean byNumber = order.sort() == ContractSort.CONTRACT_NUMBER;
        titleSource(text, criteria, all, forPage, byNumber)
                .ifPresentOrElse(sources::add, () -> rowChecks.add(CONTRACT.TITLE.contains(text)));
        String name = CompanyNames.normalize(text);
        boolean supplierRowChecks = false;
        if (!name.isEmpty()) {
            Optional<ListSource> bySupplier = supplierSource(name, all, forPage);
            bySupplier.ifPresent(sources::add);
            if (bySupplier.isEmpty()) {
                rowChecks.add(SUPPLIER.NAME_NORMALIZED.contains(name));
                supplierRowChecks = true;
            }
        }
        if (!rowChecks.isEmpty()) {
            sources.add(
                    new ListSource(contracts(supplierRowChecks), where.and(DSL.or(rowChecks)), CONTRACT.ID, all.key()));
        }
        return sources;
    }

    /**
     * A scoped page in contract-number order. Walking the number index (one source) is quick when the
     * user's units come early in that order, slow when another company's numbers come first (a
     * procurement user of 星見自動車 in descending order passes every HSK-… number). Merging each unit's
     * range of ix_contract_unit (org_unit_id, contract_number) reads units × window rows, whatever the
     * order: cheap for the first pages, not for deep ones. So: merge when that is cheap; otherwise look at
     * the first {@value #WALK_PROBE_ROWS} entries of the walk (index only) and walk if the page lies among
     * them; merge if not, unless merging would read more than {@value #MAX_MERGE_ROWS} rows.
     */
    private List<ListSource> byNumberWithinUnits(Set<Long> units, ListSource all, boolean ascending, int window) {
        List<ListSource> perUnit = units.stream()
                .map(unit -> new ListSource(CONTRACT, CONTRACT.ORG_UNIT_ID.eq(unit), CONTRACT.ID, all.key()))
                .toList();
        long merged = units.size() * (long) window;
        if (merged <= CHEAP_MERGE_ROWS) {
            return perUnit;
        }
        Table<?> walk = dsl.select(CONTRACT.ORG_UNIT_ID)
                .from(CONTRACT)
                .orderBy(
                        ascending ? CONTRACT.CONTRACT_NUMBER.asc() : CONTRACT.CONTRACT_NUMBER.desc(),
                        ascending ? CONTRACT.ID.asc() : CONTRACT.ID.desc())
                .limit(WALK_PROBE_ROWS)
                .asTable("walk");
        boolean walkMeetsPage =
                dsl.fetchCount(walk, walk.field(CONTRACT.ORG_UNIT_ID).in(units)) >= window;
        return walkMeetsPage || merged > MAX_MERGE_ROWS ? List.of(all) : perUnit;
    }

    /**
     * Contracts whose title contains the text, from the title fragments. The fragments carry the
     * contract's unit, level and number: filters on unit and level apply within the index range, and a
     * search in the list's default order (by number) reads no contract row at all. Any other sort or
     * filter, or a term longer than a fragment, reads the contract row of each candidate: then a page with
     * more than {@value #FEW_CANDIDATES} candidates walks the sort order instead (empty result).
     */
    private Optional<ListSource> titleSource(
            String text, ContractCriteria criteria, ListSource all, boolean forPage, boolean byNumber) {
        ContractFilter filter = criteria.filter();
        Condition found = TITLE_FRAGMENTS.containing(text);
        Condition facets = DSL.noCondition();
        if (criteria.unitIds() != null) {
            facets = facets.and(CONTRACT_TITLE_FRAGMENT.ORG_UNIT_ID.in(criteria.unitIds()));
        }
        if (filter.requiredLevel() != null) {
            facets = facets.and(CONTRACT_TITLE_FRAGMENT.REQUIRED_LEVEL.eq(filter.requiredLevel()));
        }
        boolean fragmentsSuffice = TextFragments.isExactLookup(text)
                && filter.ownerUserId() == null
                && filter.supplierId() == null
                && !filter.filtersOnCompliance()
                && (!forPage || byNumber);
        // reading candidates costs an index entry each (fragments alone), or a contract row each (4-10 µs)
        int range = fragmentsSuffice ? MANY_CANDIDATES : SCANNED_CANDIDATES;
        int rows = fragmentsSuffice ? MANY_CANDIDATES : FEW_CANDIDATES;
        if (forPage && !TITLE_FRAGMENTS.probe(dsl, text, facets, range).atMost(range, rows)) {
            return Optional.empty();
        }
        if (fragmentsSuffice) {
            return Optional.of(new ListSource(
                    CONTRACT_TITLE_FRAGMENT,
                    found.and(facets),
                    CONTRACT_TITLE_FRAGMENT.CONTRACT_ID,
                    asKey(CONTRACT_TITLE_FRAGMENT.CONTRACT_NUMBER),
                    true));
        }
        return Optional.of(new ListSource(
                CONTRACT_TITLE_FRAGMENT.straightJoin(CONTRACT).on(CONTRACT.ID.eq(CONTRACT_TITLE_FRAGMENT.CONTRACT_ID)),
                found.and(facets)
                        .and(all.where())
                        .and(TextFragments.isExactLookup(text) ? DSL.noCondition() : CONTRACT.TITLE.contains(text)),
                CONTRACT.ID,
                all.key(),
                true));
    }

    /**
     * Contracts whose supplier's normalised name contains {@code name}: suppliers from their name
     * fragments (checked with the LIKE for a term longer than a fragment), then their contracts through
     * ix_contract_supplier_number, which also holds the unit and the default sort key. Empty for a page
     * with more than {@value #FEW_SUPPLIERS} candidate suppliers: the caller checks each row instead.
     */
    private Optional<ListSource> supplierSource(String name, ListSource all, boolean forPage) {
        if (forPage
                && !SUPPLIER_NAME_FRAGMENTS
                        .probe(dsl, name, DSL.noCondition(), FEW_SUPPLIERS)
                        .atMost(FEW_SUPPLIERS, FEW_SUPPLIERS)) {
            return Optional.empty();
        }
        Table<?> from = SUPPLIER_NAME_FRAGMENT;
        Condition where = SUPPLIER_NAME_FRAGMENTS.containing(name);
        if (!TextFragments.isExactLookup(name)) {
            from = from.straightJoin(SUPPLIER).on(SUPPLIER.ID.eq(SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID));
            where = where.and(SUPPLIER.NAME_NORMALIZED.contains(name));
        }
        return Optional.of(new ListSource(
                from.straightJoin(CONTRACT).on(CONTRACT.SUPPLIER_ID.eq(SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID)),
                where.and(all.where()),
                CONTRACT.ID,
                all.key(),
                true));
    }

    /**
     * What a contract's evaluation must satisfy (chosen statuses, earliest registration ending in the
     * window, within the user's units through the copy of the unit on contract_compliance, V12), or null
     * without such a filter. Contracts without an evaluation never match.
     *
     * <p>As a semi-join, MariaDB reads the matching evaluations from an index (ix_contract_compliance_status,
     * or ix_contract_compliance_until for a window), then looks up and sorts the contracts: quick for
     * a few thousand, slow for 100,000 "OK" ones, where walking the sort order meets a page of matches
     * within a few hundred rows ({@link #commonEnough}).
     */
    private static Condition evaluationCondition(ContractCriteria criteria) {
        ContractFilter filter = criteria.filter();
        if (!filter.filtersOnEvaluation()) {
            return null;
        }
        Condition evaluated =
                criteria.unitIds() == null ? DSL.noCondition() : CONTRACT_COMPLIANCE.ORG_UNIT_ID.in(criteria.unitIds());
        if (!filter.statuses().isEmpty()) {
            evaluated = evaluated.and(CONTRACT_COMPLIANCE.STATUS.in(filter.statuses()));
        }
        if (filter.expiry() != null) {
            evaluated = evaluated.and(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL.isNotNull());
            if (criteria.expiresFrom() != null) {
                evaluated = evaluated.and(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL.ge(criteria.expiresFrom()));
            }
            if (criteria.expiresTo() != null) {
                evaluated = evaluated.and(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL.le(criteria.expiresTo()));
            }
        }
        return evaluated;
    }

    /**
     * Whether at least {@code commonEvaluations} evaluations match (counted from an index, stopping there:
     * a few milliseconds) and the page is shallow: then one contract in twenty or more matches and a walk
     * of the sort order reads about twenty rows per row shown.
     */
    private boolean commonEnough(Condition evaluation, int window) {
        if (window > MAX_WALK_WINDOW) {
            return false;
        }
        Table<?> probe = DSL.selectOne()
                .from(CONTRACT_COMPLIANCE)
                .where(evaluation)
                .limit(commonEvaluations)
                .asTable("probe");
        return dsl.fetchCount(probe) >= commonEvaluations;
    }

    private static boolean hasText(ContractFilter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    /**
     * The contract table, joined to its supplier only where the supplier's name is checked row by row.
     * A LEFT JOIN although every contract has a supplier (NOT NULL foreign key): it keeps the contract
     * table first in the plan, so ORDER BY … LIMIT can walk a contract index. (MariaDB would drop an
     * unused LEFT JOIN, but only after it has chosen not to walk the index.)
     */
    private static Table<?> contracts(boolean withSupplier) {
        return withSupplier ? CONTRACT.leftJoin(SUPPLIER).on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID)) : CONTRACT;
    }

    public Optional<ContractDetails> find(DataScope scope, long id) {
        return findWhere(inScope(scope).and(CONTRACT.ID.eq(id)));
    }

    public Optional<ContractDetails> findByNumber(DataScope scope, String number) {
        return findWhere(inScope(scope).and(CONTRACT.CONTRACT_NUMBER.eq(number)));
    }

    /** Unscoped: uniqueness holds across the whole group. */
    public Optional<NumberHolder> findIdAndTitleByNumber(String number) {
        return dsl.select(CONTRACT.ID, CONTRACT.TITLE, CONTRACT.ORG_UNIT_ID)
                .from(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.eq(number))
                .fetchOptional(Records.mapping(NumberHolder::new));
    }

    private Optional<ContractDetails> findWhere(Condition condition) {
        return dsl.select(CONTRACT.fields())
                .select(SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER, ORG_UNIT.NAME, APP_USER.DISPLAY_NAME)
                .from(CONTRACT)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(CONTRACT.OWNER_USER_ID))
                .where(condition)
                .fetchOptional(ContractRepository::toDetails);
    }

    private static ContractDetails toDetails(Record r) {
        return new ContractDetails(
                r.get(CONTRACT.ID),
                r.get(CONTRACT.CONTRACT_NUMBER),
                r.get(CONTRACT.TITLE),
                r.get(CONTRACT.SUPPLIER_ID),
                r.get(SUPPLIER.NAME),
                r.get(SUPPLIER.CORPORATE_NUMBER),
                r.get(CONTRACT.ORG_UNIT_ID),
                r.get(ORG_UNIT.NAME),
                r.get(CONTRACT.OWNER_USER_ID),
                r.get(APP_USER.DISPLAY_NAME),
                r.get(CONTRACT.START_DATE),
                r.get(CONTRACT.END_DATE),
                new DecisionChart(
                        r.get(CONTRACT.HANDLES_CONFIDENTIAL),
                        r.get(CONTRACT.BUSINESS_CRITICAL),
                        r.get(CONTRACT.NETWORK_ACCESS)),
                r.get(CONTRACT.SUGGESTED_LEVEL),
                r.get(CONTRACT.REQUIRED_LEVEL),
                r.get(CONTRACT.LEVEL_REASON),
                r.get(CONTRACT.UPDATED_AT),
                r.get(CONTRACT.VERSION),
                null);
    }

    /** Inserts the contract with its supplier's sort key and its title fragments. */
    public long insert(ContractForm form, RequiredLevel suggested, LocalDateTime now) {
        long id = dsl.insertInto(CONTRACT)
                .set(toRecord(form, suggested))
                .set(CONTRACT.SUPPLIER_NAME_SORT, supplierNameSort(form.supplierId()))
                .set(CONTRACT.CREATED_AT, now)
                .set(CONTRACT.UPDATED_AT, now)
                .set(CONTRACT.VERSION, 0)
                .returningResult(CONTRACT.ID)
                .fetchSingle(CONTRACT.ID);
        refreshTitleFragments(List.of(id));
        return id;
    }

    /**
     * Updates only if the stored version is still {@code version}; false when it is not. Takes the
     * (possibly other) supplier's sort key and refreshes the title fragments, which carry unit, level and
     * number.
     */
    public boolean update(long id, int version, ContractForm form, RequiredLevel suggested, LocalDateTime now) {
        boolean updated = dsl.update(CONTRACT)
                        .set(toRecord(form, suggested))
                        .set(CONTRACT.SUPPLIER_NAME_SORT, supplierNameSort(form.supplierId()))
                        .set(CONTRACT.UPDATED_AT, now)
                        .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                        .where(CONTRACT.ID.eq(id).and(CONTRACT.VERSION.eq(version)))
                        .execute()
                == 1;
        if (updated) {
            refreshTitleFragments(List.of(id));
        }
        return updated;
    }

    /**
     * Inserts many contracts in one multi-row INSERT … RETURNING (ids in the order of {@code forms}), each
     * with its supplier's sort key read in the statement, then their title fragments set-based: the bulk
     * form of {@link #insert}.
     */
    public List<Long> insertAll(List<ContractForm> forms, List<RequiredLevel> suggested, LocalDateTime now) {
        if (forms.isEmpty()) {
            return List.of();
        }
        var insert = dsl.insertInto(CONTRACT)
                .set(toRecord(forms.get(0), suggested.get(0)))
                .set(CONTRACT.SUPPLIER_NAME_SORT, supplierNameSort(forms.get(0).supplierId()))
                .set(CONTRACT.CREATED_AT, now)
                .set(CONTRACT.UPDATED_AT, now)
                .set(CONTRACT.VERSION, 0);
        for (int i = 1; i < forms.size(); i++) {
            insert = insert.newRecord()
                    .set(toRecord(forms.get(i), suggested.get(i)))
                    .set(
                            CONTRACT.SUPPLIER_NAME_SORT,
                            supplierNameSort(forms.get(i).supplierId()))
                    .set(CONTRACT.CREATED_AT, now)
                    .set(CONTRACT.UPDATED_AT, now)
                    .set(CONTRACT.VERSION, 0);
        }
        // MariaDB's INSERT … RETURNING answers in the order of the VALUES rows
        List<Long> ids = insert.returningResult(CONTRACT.ID).fetch(CONTRACT.ID);
        if (ids.size() != forms.size()) {
            throw new IllegalStateException("inserted " + forms.size() + " contracts but got " + ids.size() + " ids");
        }
        refreshTitleFragments(ids);
        return ids;
    }

    /** The stored versions of these contracts, their rows locked until the transaction ends. */
    public java.util.Map<Long, Integer> lockVersions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return dsl.select(CONTRACT.ID, CONTRACT.VERSION)
                .from(CONTRACT)
                .where(CONTRACT.ID.in(ids))
                .forUpdate()
                .fetchMap(CONTRACT.ID, CONTRACT.VERSION);
    }

    /**
     * Updates many contracts (whose versions the caller checked under {@link #lockVersions}) in one JDBC
     * batch, each with its supplier's sort key, then their title fragments set-based: the bulk form of
     * {@link #update}.
     */
    public void updateAll(
            java.util.Map<Long, ContractForm> forms,
            java.util.function.Function<ContractForm, RequiredLevel> suggestion,
            LocalDateTime now) {
        if (forms.isEmpty()) {
            return;
        }
        dsl.batch(forms.entrySet().stream()
                        .map(e -> dsl.update(CONTRACT)
                                .set(toRecord(e.getValue(), suggestion.apply(e.getValue())))
                                .set(
                                        CONTRACT.SUPPLIER_NAME_SORT,
                                        supplierNameSort(e.getValue().supplierId()))
                                .set(CONTRACT.UPDATED_AT, now)
                                .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                                .where(CONTRACT.ID.eq(e.getKey())))
                        .toList())
                .execute();
        refreshTitleFragments(forms.keySet());
    }

    /**
     * Sets an approved lower level (issue 20) if the contract's chart still suggests {@code suggested};
     * false when it does not. Bumps the version: an editor open since then is told to reload.
     */
    public boolean applyLevel(long id, RequiredLevel suggested, RequiredLevel level, String reason, LocalDateTime now) {
        boolean updated = dsl.update(CONTRACT)
                        .set(CONTRACT.REQUIRED_LEVEL, level)
                        .set(CONTRACT.LEVEL_REASON, reason)
                        .set(CONTRACT.UPDATED_AT, now)
                        .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                        .where(CONTRACT.ID.eq(id).and(CONTRACT.SUGGESTED_LEVEL.eq(suggested)))
                        .execute()
                == 1;
        if (updated) {
            refreshTitleFragments(List.of(id));
        }
        return updated;
    }

    /** Deletes only if the stored version is still {@code version}; the title fragments go with the row. */
    public boolean delete(long id, int version) {
        return dsl.deleteFrom(CONTRACT)
                        .where(CONTRACT.ID.eq(id).and(CONTRACT.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    /**
     * Recomputes the title fragments of these contracts (with their unit, level and number) from the stored rows: one
     * DELETE and one INSERT … SELECT, whatever the number of contracts. Every write above calls it; a new
     * way of writing contracts (a bulk import, a set-based move between units) must call it for the rows
     * it wrote, in the same transaction.
     */
    public void refreshTitleFragments(Collection<Long> contractIds) {
        TITLE_FRAGMENTS.refresh(dsl, contractIds);
    }

    /** The supplier's name_sort, read in the statement that writes the contract (a locking read). */
    private static Select<Record1<String>> supplierNameSort(Long supplierId) {
        return DSL.select(SUPPLIER.NAME_SORT).from(SUPPLIER).where(SUPPLIER.ID.eq(supplierId));
    }

    private ContractRecord toRecord(ContractForm form, RequiredLevel suggested) {
        ContractRecord record = dsl.newRecord(CONTRACT);
        record.setContractNumber(form.contractNumber());
        record.setTitle(form.title());
        record.setSupplierId(form.supplierId());
        record.setOrgUnitId(form.orgUnitId());
        record.setOwnerUserId(form.ownerUserId());
        record.setStartDate(form.startDate());
        record.setEndDate(form.endDate());
        record.setHandlesConfidential(form.decisionChart().handlesConfidential());
        record.setBusinessCritical(form.decisionChart().businessCritical());
        record.setNetworkAccess(form.decisionChart().networkAccess());
        record.setSuggestedLevel(suggested);
        record.setRequiredLevel(form.requiredLevel());
        record.setLevelReason(form.levelReason());
        return record;
    }

    private static Condition inScope(DataScope scope) {
        return scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds());
    }

    private static Field<Object> sortKey(ContractSort sort) {
        return asKey(
                switch (sort) {
                    case CONTRACT_NUMBER -> CONTRACT.CONTRACT_NUMBER;
                    case TITLE -> CONTRACT.TITLE;
                    case SUPPLIER -> CONTRACT.SUPPLIER_NAME_SORT;
                    case REQUIRED_LEVEL -> CONTRACT.REQUIRED_LEVEL;
                    case END_DATE -> CONTRACT.END_DATE;
                });
    }

    /** A sort key of any type, as the page queries handle it. */
    @SuppressWarnings("unchecked")
    private static Field<Object> asKey(Field<?> field) {
        return (Field<Object>) field;
    }
}
