package jp.hoshimi.legalentity.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import jp.hoshimi.legalentity.UnnumberedSupplier;
import jp.hoshimi.organisation.DataScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Suppliers as the legal-entity features see them, in a user's data scope: the supplier master is shared,
 * so a scoped user's suppliers are those on a contract of their units, as the contract's supplier or
 * anywhere in its chain (docs/decisions/0041-legal-entity-matching.md).
 */
@Repository
public class SupplierMatchRepository {

    private final DSLContext dsl;

    SupplierMatchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The suppliers without 法人番号 in scope, by name (the supplier list's default order), one page. */
    public List<UnnumberedSupplier> unnumbered(DataScope scope, int offset, int limit) {
        var s = SUPPLIER;
        return dsl.select(s.ID, s.VERSION, s.SUPPLIER_CODE, s.NAME, s.NAME_KANA, s.ADDRESS)
                .from(s)
                .where(s.CORPORATE_NUMBER.isNull())
                .and(inScope(scope))
                .orderBy(s.NAME_SORT, s.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping((id, version, code, name, nameKana, address) ->
                        new UnnumberedSupplier(id, version, code, name, nameKana, address, null)));
    }

    public int countUnnumbered(DataScope scope) {
        return dsl.fetchCount(SUPPLIER, SUPPLIER.CORPORATE_NUMBER.isNull().and(inScope(scope)));
    }

    /** Those of these suppliers that are in scope. */
    public Set<Long> inScope(DataScope scope, Collection<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(dsl.select(SUPPLIER.ID)
                .from(SUPPLIER)
                .where(SUPPLIER.ID.in(supplierIds))
                .and(inScope(scope))
                .fetch(SUPPLIER.ID));
    }

    /** The corporate numbers among these that are stored in legal_entity. */
    public Set<String> knownEntities(Collection<String> corporateNumbers) {
        if (corporateNumbers.isEmpty()) {
            return Set.of();
        }
        var e = jp.hoshimi.db.Tables.LEGAL_ENTITY;
        return Set.copyOf(dsl.select(e.CORPORATE_NUMBER)
                .from(e)
                .where(e.CORPORATE_NUMBER.in(corporateNumbers))
                .fetch(e.CORPORATE_NUMBER));
    }

    private static Condition inScope(DataScope scope) {
        if (scope.groupWide()) {
            return DSL.noCondition();
        }
        if (scope.unitIds().isEmpty()) {
            return DSL.falseCondition();
        }
        var c = CONTRACT;
        var l = SUBCONTRACTING_LINK;
        var lc = CONTRACT.as("lc");
        return SUPPLIER.ID
                .in(DSL.select(c.SUPPLIER_ID).from(c).where(c.ORG_UNIT_ID.in(scope.unitIds())))
                .or(SUPPLIER.ID.in(DSL.select(l.CHILD_SUPPLIER_ID)
                        .from(l)
                        .join(lc)
                        .on(lc.ID.eq(l.CONTRACT_ID))
                        .where(lc.ORG_UNIT_ID.in(scope.unitIds()))))
                .or(SUPPLIER.ID.in(DSL.select(l.PARENT_SUPPLIER_ID)
                        .from(l)
                        .join(lc)
                        .on(lc.ID.eq(l.CONTRACT_ID))
                        .where(lc.ORG_UNIT_ID.in(scope.unitIds()))));
    }
}
