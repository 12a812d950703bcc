package jp.hoshimi.subcontracting.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.subcontracting.SubcontractorUse;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class LinkRepository {

    private final DSLContext dsl;

    LinkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The links of one contract (its required level is filled in by the service). */
    public List<ChainLink> ofContract(long contractId) {
        return dsl.select(
                        SUBCONTRACTING_LINK.ID,
                        SUBCONTRACTING_LINK.PARENT_SUPPLIER_ID,
                        SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID,
                        SUPPLIER.NAME,
                        SUPPLIER.CORPORATE_NUMBER,
                        SUBCONTRACTING_LINK.CONFIDENTIAL_DATA_FLOWS,
                        SUBCONTRACTING_LINK.SYSTEM_ACCESS,
                        SUBCONTRACTING_LINK.BUSINESS_CRITICAL,
                        SUBCONTRACTING_LINK.REQUIRED_LEVEL_OVERRIDE,
                        SUBCONTRACTING_LINK.NOTE,
                        SUBCONTRACTING_LINK.VERSION)
                .from(SUBCONTRACTING_LINK)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID))
                .where(SUBCONTRACTING_LINK.CONTRACT_ID.eq(contractId))
                .orderBy(SUBCONTRACTING_LINK.ID)
                .fetch(r -> new ChainLink(
                        r.get(SUBCONTRACTING_LINK.ID),
                        contractId,
                        r.get(SUBCONTRACTING_LINK.PARENT_SUPPLIER_ID),
                        r.get(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID),
                        r.get(SUPPLIER.NAME),
                        r.get(SUPPLIER.CORPORATE_NUMBER),
                        r.get(SUBCONTRACTING_LINK.CONFIDENTIAL_DATA_FLOWS),
                        r.get(SUBCONTRACTING_LINK.SYSTEM_ACCESS),
                        r.get(SUBCONTRACTING_LINK.BUSINESS_CRITICAL),
                        r.get(SUBCONTRACTING_LINK.REQUIRED_LEVEL_OVERRIDE),
                        null, // the service fills in the required level and what raised it
                        List.of(),
                        r.get(SUBCONTRACTING_LINK.NOTE),
                        r.get(SUBCONTRACTING_LINK.VERSION)));
    }

    public List<SubcontractorUse> usesOf(DataScope scope, long supplierId) {
        var parent = SUPPLIER.as("parent");
        return dsl.select(
                        CONTRACT.ID,
                        CONTRACT.CONTRACT_NUMBER,
                        CONTRACT.TITLE,
                        parent.NAME,
                        SUBCONTRACTING_LINK.CONFIDENTIAL_DATA_FLOWS,
                        SUBCONTRACTING_LINK.SYSTEM_ACCESS,
                        SUBCONTRACTING_LINK.BUSINESS_CRITICAL)
                .from(SUBCONTRACTING_LINK)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(SUBCONTRACTING_LINK.CONTRACT_ID))
                .join(parent)
                .on(parent.ID.eq(SUBCONTRACTING_LINK.PARENT_SUPPLIER_ID))
                .where(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID.eq(supplierId))
                .and(scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds()))
                .orderBy(CONTRACT.CONTRACT_NUMBER)
                .limit(1000)
                .fetch(Records.mapping(SubcontractorUse::new));
    }

    public long insert(long contractId, LinkForm form, LocalDateTime now) {
        return dsl.insertInto(SUBCONTRACTING_LINK)
                .set(SUBCONTRACTING_LINK.CONTRACT_ID, contractId)
                .set(SUBCONTRACTING_LINK.PARENT_SUPPLIER_ID, form.parentSupplierId())
                .set(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID, form.childSupplierId())
                .set(SUBCONTRACTING_LINK.CONFIDENTIAL_DATA_FLOWS, form.confidentialDataFlows())
                .set(SUBCONTRACTING_LINK.SYSTEM_ACCESS, form.systemAccess())
                .set(SUBCONTRACTING_LINK.BUSINESS_CRITICAL, form.businessCritical())
                .set(SUBCONTRACTING_LINK.REQUIRED_LEVEL_OVERRIDE, override(form))
                .set(SUBCONTRACTING_LINK.NOTE, form.note())
                .set(SUBCONTRACTING_LINK.CREATED_AT, now)
                .set(SUBCONTRACTING_LINK.UPDATED_AT, now)
                .returningResult(SUBCONTRACTING_LINK.ID)
                .fetchSingle(SUBCONTRACTING_LINK.ID);
    }

    public boolean updateFlows(long id, int version, LinkForm form, LocalDateTime now) {
        return flowsOf(dsl.update(SUBCONTRACTING_LINK), form, now)
                        .set(SUBCONTRACTING_LINK.VERSION, SUBCONTRACTING_LINK.VERSION.plus(1))
                        .where(SUBCONTRACTING_LINK.ID.eq(id).and(SUBCONTRACTING_LINK.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    /** The numbers of those of these contracts that are in the scope. */
    public java.util.Map<Long, String> contractNumbersInScope(DataScope scope, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return dsl.select(CONTRACT.ID, CONTRACT.CONTRACT_NUMBER)
                .from(CONTRACT)
                .where(CONTRACT.ID.in(ids))
                .and(scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds()))
                .fetchMap(CONTRACT.ID, CONTRACT.CONTRACT_NUMBER);
    }

    /** Inserts many links with one multi-row INSERT; their ids in the order given. */
    public List<Long> insertAll(List<SubcontractingService.ImportedLink> newLinks, LocalDateTime now) {
        if (newLinks.isEmpty()) {
            return List.of();
        }
        var insert = dsl.insertInto(
                SUBCONTRACTING_LINK,
                SUBCONTRACTING_LINK.CONTRACT_ID,
                SUBCONTRACTING_LINK.PARENT_SUPPLIER_ID,
                SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID,
                SUBCONTRACTING_LINK.CONFIDENTIAL_DATA_FLOWS,
                SUBCONTRACTING_LINK.SYSTEM_ACCESS,
                SUBCONTRACTING_LINK.BUSINESS_CRITICAL,
                SUBCONTRACTING_LINK.REQUIRED_LEVEL_OVERRIDE,
                SUBCONTRACTING_LINK.NOTE,
                SUBCONTRACTING_LINK.CREATED_AT,
                SUBCONTRACTING_LINK.UPDATED_AT);
        for (SubcontractingService.ImportedLink link : newLinks) {
            LinkForm form = link.form();
            insert = insert.values(
                    link.contractId(),
                    form.parentSupplierId(),
                    form.childSupplierId(),
                    form.confidentialDataFlows(),
                    form.systemAccess(),
                    form.businessCritical(),
                    override(form),
                    form.note(),
                    now,
                    now);
        }
        // MariaDB's INSERT … RETURNING answers in the order of the VALUES rows
        List<Long> ids = insert.returningResult(SUBCONTRACTING_LINK.ID).fetch(SUBCONTRACTING_LINK.ID);
        if (ids.size() != newLinks.size()) {
            throw new IllegalStateException("inserted " + newLinks.size() + " links but got " + ids.size() + " ids");
        }
        return ids;
    }

    /** The stored versions of these links, their rows locked until the transaction ends. */
    public java.util.Map<Long, Integer> lockVersions(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return dsl.select(SUBCONTRACTING_LINK.ID, SUBCONTRACTING_LINK.VERSION)
                .from(SUBCONTRACTING_LINK)
                .where(SUBCONTRACTING_LINK.ID.in(ids))
                .forUpdate()
                .fetchMap(SUBCONTRACTING_LINK.ID, SUBCONTRACTING_LINK.VERSION);
    }

    /** Updates the flows of many links (versions checked by the caller under {@link #lockVersions}) in one batch. */
    public void updateAll(java.util.Map<Long, LinkForm> forms, LocalDateTime now) {
        if (forms.isEmpty()) {
            return;
        }
        dsl.batch(forms.entrySet().stream()
                        .map(e -> flowsOf(dsl.update(SUBCONTRACTING_LINK), e.getValue(), now)
                                .set(SUBCONTRACTING_LINK.VERSION, SUBCONTRACTING_LINK.VERSION.plus(1))
                                .where(SUBCONTRACTING_LINK.ID.eq(e.getKey())))
                        .toList())
                .execute();
    }

    public boolean delete(long id, int version) {
        return dsl.deleteFrom(SUBCONTRACTING_LINK)
                        .where(SUBCONTRACTING_LINK.ID.eq(id).and(SUBCONTRACTING_LINK.VERSION.eq(version)))
                        .execute()
                == 1;
    }

    /** What an edit of a link may change: its answers, level and note. */
    private static org.jooq.UpdateSetMoreStep<jp.hoshimi.db.tables.records.SubcontractingLinkRecord> flowsOf(
            org.jooq.UpdateSetFirstStep<jp.hoshimi.db.tables.records.SubcontractingLinkRecord> update,
            LinkForm form,
            LocalDateTime now) {
        return update.set(SUBCONTRACTING_LINK.CONFIDENTIAL_DATA_FLOWS, form.confidentialDataFlows())
                .set(SUBCONTRACTING_LINK.SYSTEM_ACCESS, form.systemAccess())
                .set(SUBCONTRACTING_LINK.BUSINESS_CRITICAL, form.businessCritical())
                .set(SUBCONTRACTING_LINK.REQUIRED_LEVEL_OVERRIDE, override(form))
                .set(SUBCONTRACTING_LINK.NOTE, form.note())
                .set(SUBCONTRACTING_LINK.UPDATED_AT, now);
    }

    private static RequiredLevel override(LinkForm form) {
        return form.requiredLevelOverride();
    }
}
