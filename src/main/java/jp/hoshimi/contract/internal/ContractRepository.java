package jp.hoshimi.contract.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class ContractRepository {

    /** The id, title and unit of the contract holding a number (for a clear duplicate message). */
    public record NumberHolder(Long id, String title, long orgUnitId) {}

    private static final Field<Boolean> ANY_YES = DSL.field(CONTRACT.HANDLES_CONFIDENTIAL
            .isTrue()
            .or(CONTRACT.BUSINESS_CRITICAL.isTrue())
            .or(CONTRACT.NETWORK_ACCESS.isTrue()));

    private final DSLContext dsl;

    ContractRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ContractListItem> list(ContractCriteria criteria, ContractSort.Order order, int offset, int limit) {
        ContractFilter filter = criteria.filter();
        // Deferred join: find the page's ids first (an index walk where the sort allows it), then join
        // the names for those rows only. See docs/benchmarks.md.
        boolean withSupplier = hasText(filter);
        Table<?> page = pageIds(contracts(withSupplier), condition(criteria), order, offset, limit);
        Field<Long> pageId = page.field(CONTRACT.ID);
        Field<Object> pageKey = page.field("k", Object.class);
        Field<Integer> pageNulls = page.field("nl", Integer.class);
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
                        CONTRACT.END_DATE)
                .from(page)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(pageId))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(CONTRACT.OWNER_USER_ID))
                .orderBy(
                        pageNulls.asc(),
                        order.ascending() ? pageKey.asc() : pageKey.desc(),
                        order.ascending() ? pageId.asc() : pageId.desc())
                .fetch(r -> new ContractListItem(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        RequiredLevel.valueOf(r.value8()),
                        Boolean.TRUE.equals(r.value9()),
                        r.value10()));
    }

    /** Counts the matching contracts up to {@code cap} (at most cap + 1 rows); beyond it, says "at least cap". */
    public ResultCount count(ContractCriteria criteria, int cap) {
        return ResultCount.ofCapped(
                dsl.fetchCount(dsl.selectOne()
                        .from(contracts(hasText(criteria.filter())))
                        .where(condition(criteria))
                        .limit(cap + 1)),
                cap);
    }

    private static boolean hasText(ContractFilter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    /**
     * The contract table, joined to its supplier only where the supplier's name is filtered on (the sort
     * by supplier uses the copy of its name_sort on the contract).
     * A LEFT JOIN although every contract has a supplier (NOT NULL foreign key): it keeps the contract
     * table first in the plan, so ORDER BY … LIMIT can walk a contract index. (MariaDB would drop an
     * unused LEFT JOIN, but only after it has chosen not to walk the index.)
     */
    private static Table<?> contracts(boolean withSupplier) {
        return withSupplier ? CONTRACT.leftJoin(SUPPLIER).on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID)) : CONTRACT;
    }

    /**
     * The ids of one page with their sort key (k) and a NULL flag (nl), ordered by (key, id). MariaDB sorts
     * NULL first ascending and last descending, and cannot walk an index for jOOQ's NULLS LAST emulation;
     * so an ascending sort on a nullable key takes the non-null rows in index order, then the NULL ones.
     */
    private Table<?> pageIds(Table<?> from, Condition where, ContractSort.Order order, int offset, int limit) {
        Field<Object> key = sortKey(order.sort());
        if (!order.ascending() || !key.getDataType().nullable()) {
            return dsl.select(CONTRACT.ID, key.as("k"), DSL.inline(0).as("nl"))
                    .from(from)
                    .where(where)
                    .orderBy(
                            order.ascending() ? key.asc() : key.desc(),
                            order.ascending() ? CONTRACT.ID.asc() : CONTRACT.ID.desc())
                    .limit(limit)
                    .offset(offset)
                    .asTable("page");
        }
        int window = offset + limit;
        Table<?> both = dsl.select(CONTRACT.ID, key.as("k"), DSL.inline(0).as("nl"))
                .from(from)
                .where(where.and(key.isNotNull()))
                .orderBy(key.asc(), CONTRACT.ID.asc())
                .limit(window)
                .unionAll(dsl.select(CONTRACT.ID, key.as("k"), DSL.inline(1).as("nl"))
                        .from(from)
                        .where(where.and(key.isNull()))
                        .orderBy(CONTRACT.ID.asc())
                        .limit(window))
                .asTable("both");
        return dsl.select(both.field(CONTRACT.ID), both.field("k"), both.field("nl"))
                .from(both)
                .orderBy(
                        both.field("nl").asc(),
                        both.field("k").asc(),
                        both.field(CONTRACT.ID).asc())
                .limit(limit)
                .offset(offset)
                .asTable("page");
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
                .fetchOptional(r -> new NumberHolder(r.value1(), r.value2(), r.value3()));
    }

    private Optional<ContractDetails> findWhere(Condition condition) {
        return dsl.select(
                        CONTRACT.asterisk(),
                        SUPPLIER.NAME,
                        SUPPLIER.CORPORATE_NUMBER,
                        ORG_UNIT.NAME,
                        APP_USER.DISPLAY_NAME)
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
                r.get(CONTRACT.SUGGESTED_LEVEL) == null ? null : RequiredLevel.valueOf(r.get(CONTRACT.SUGGESTED_LEVEL)),
                RequiredLevel.valueOf(r.get(CONTRACT.REQUIRED_LEVEL)),
                r.get(CONTRACT.LEVEL_REASON),
                r.get(CONTRACT.UPDATED_AT),
                r.get(CONTRACT.VERSION));
    }

    /** Inserts the contract with its supplier's sort key. */
    public long insert(ContractForm form, RequiredLevel suggested, LocalDateTime now) {
        return dsl.insertInto(CONTRACT)
                .set(toRecord(form, suggested))
                .set(CONTRACT.SUPPLIER_NAME_SORT, supplierNameSort(form.supplierId()))
                .set(CONTRACT.CREATED_AT, now)
                .set(CONTRACT.UPDATED_AT, now)
                .set(CONTRACT.VERSION, 0)
                .returningResult(CONTRACT.ID)
                .fetchSingle()
                .value1();
    }

    /**
     * Updates only if the stored version is still {@code version}; false when it is not. Takes the
     * (possibly other) supplier's sort key.
     */
    public boolean update(long id, int version, ContractForm form, RequiredLevel suggested, LocalDateTime now) {
        return dsl.update(CONTRACT)
                        .set(toRecord(form, suggested))
                        .set(CONTRACT.SUPPLIER_NAME_SORT, supplierNameSort(form.supplierId()))
                        .set(CONTRACT.UPDATED_AT, now)
                        .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                        .where(CONTRACT.ID.eq(id).and(CONTRACT.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    public boolean delete(long id, int version) {
        return dsl.deleteFrom(CONTRACT)
                        .where(CONTRACT.ID.eq(id).and(CONTRACT.VERSION.eq(version)))
                        .execute()
                == 1;
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
        record.setSuggestedLevel(suggested == null ? null : suggested.name());
        record.setRequiredLevel(form.requiredLevel().name());
        record.setLevelReason(form.levelReason());
        return record;
    }

    private static Condition inScope(DataScope scope) {
        return scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds());
    }

    private static Condition condition(ContractCriteria criteria) {
        ContractFilter filter = criteria.filter();
        Condition condition = DSL.noCondition();
        if (criteria.unitIds() != null) {
            condition = condition.and(CONTRACT.ORG_UNIT_ID.in(criteria.unitIds()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            String normalized = CompanyNames.normalize(text);
            Condition byText = CONTRACT.CONTRACT_NUMBER.startsWith(text).or(CONTRACT.TITLE.contains(text));
            if (!normalized.isEmpty()) {
                byText = byText.or(SUPPLIER.NAME_NORMALIZED.contains(normalized));
            }
            condition = condition.and(byText);
        }
        if (filter.requiredLevel() != null) {
            condition = condition.and(
                    CONTRACT.REQUIRED_LEVEL.eq(filter.requiredLevel().name()));
        }
        if (filter.ownerUserId() != null) {
            condition = condition.and(CONTRACT.OWNER_USER_ID.eq(filter.ownerUserId()));
        }
        if (filter.supplierId() != null) {
            condition = condition.and(CONTRACT.SUPPLIER_ID.eq(filter.supplierId()));
        }
        return condition;
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> sortKey(ContractSort sort) {
        Field<?> field = switch (sort) {
            case CONTRACT_NUMBER -> CONTRACT.CONTRACT_NUMBER;
            case TITLE -> CONTRACT.TITLE;
            case SUPPLIER -> CONTRACT.SUPPLIER_NAME_SORT;
            case REQUIRED_LEVEL -> CONTRACT.REQUIRED_LEVEL;
            case END_DATE -> CONTRACT.END_DATE;
        };
        return (Field<Object>) field;
    }
}
