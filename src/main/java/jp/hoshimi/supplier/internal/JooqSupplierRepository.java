package jp.hoshimi.supplier.internal;

import static jp.hoshimi.db.Tables.SUPPLIER;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierSort;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
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
        return dsl.select(
                        SUPPLIER.ID,
                        SUPPLIER.CORPORATE_NUMBER,
                        SUPPLIER.SUPPLIER_CODE,
                        SUPPLIER.NAME,
                        SUPPLIER.NAME_KANA,
                        SUPPLIER.COUNTRY,
                        SUPPLIER.UPDATED_AT)
                .from(SUPPLIER)
                .where(condition(filter))
                // the id makes the order total, so pages never overlap or skip rows
                .orderBy(sortField(order), order.ascending() ? SUPPLIER.ID.asc() : SUPPLIER.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(r -> new SupplierListItem(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    @Override
    public int count(SupplierFilter filter) {
        return dsl.fetchCount(SUPPLIER, condition(filter));
    }

    @Override
    public int insertAll(List<SupplierRow> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return 0;
        }
        var insert = dsl.insertInto(
                SUPPLIER,
                SUPPLIER.CORPORATE_NUMBER,
                SUPPLIER.SUPPLIER_CODE,
                SUPPLIER.NAME,
                SUPPLIER.NAME_NORMALIZED,
                SUPPLIER.NAME_KANA,
                SUPPLIER.NAME_SORT,
                SUPPLIER.COUNTRY,
                SUPPLIER.ADDRESS,
                SUPPLIER.CREATED_AT,
                SUPPLIER.UPDATED_AT,
                SUPPLIER.VERSION);
        for (SupplierRow row : rows) {
            insert = insert.values(
                    row.corporateNumber(),
                    row.supplierCode(),
                    row.name(),
                    row.nameNormalized(),
                    row.nameKana(),
                    row.nameSort(),
                    row.country(),
                    row.address(),
                    now,
                    now,
                    0);
        }
        return insert.execute();
    }

    private static SortField<?> sortField(SupplierSort.Order order) {
        Field<?> field = switch (order.sort()) {
            case NAME -> SUPPLIER.NAME_SORT;
            case CORPORATE_NUMBER -> SUPPLIER.CORPORATE_NUMBER;
            case SUPPLIER_CODE -> SUPPLIER.SUPPLIER_CODE;
            case UPDATED_AT -> SUPPLIER.UPDATED_AT;
        };
        return order.ascending() ? field.asc().nullsLast() : field.desc().nullsLast();
    }

    private static Condition condition(SupplierFilter filter) {
        if (filter.isEmpty()) {
            return DSL.noCondition();
        }
        String text = filter.text().strip();
        Condition byName = SUPPLIER.NAME_NORMALIZED.contains(CompanyNames.normalize(text));
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String digits = plain.replaceAll("[\\s\\-]", "");
        Condition byNumberOrCode =
                SUPPLIER.CORPORATE_NUMBER.startsWith(digits).or(SUPPLIER.SUPPLIER_CODE.startsWith(plain));
        return CompanyNames.normalize(text).isEmpty() ? byNumberOrCode : byName.or(byNumberOrCode);
    }
}
