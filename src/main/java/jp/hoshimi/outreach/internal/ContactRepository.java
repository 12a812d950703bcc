package jp.hoshimi.outreach.internal;

import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_CONTACT;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.outreach.ContactForm;
import jp.hoshimi.outreach.ImportedContact;
import jp.hoshimi.outreach.SupplierContact;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Supplier contacts (issue 19). */
@Repository
public class ContactRepository {

    private final DSLContext dsl;

    ContactRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean supplierExists(long supplierId) {
        return dsl.fetchExists(SUPPLIER, SUPPLIER.ID.eq(supplierId));
    }

    /** The primary contact first, then by name. */
    public List<SupplierContact> ofSupplier(long supplierId) {
        var c = SUPPLIER_CONTACT;
        return dsl.selectFrom(c)
                .where(c.SUPPLIER_ID.eq(supplierId))
                .orderBy(c.IS_PRIMARY.desc(), c.NAME, c.ID)
                .fetch(ContactRepository::toContact);
    }

    public Optional<SupplierContact> find(long supplierId, long id) {
        var c = SUPPLIER_CONTACT;
        return dsl.selectFrom(c)
                .where(c.ID.eq(id))
                .and(c.SUPPLIER_ID.eq(supplierId))
                .fetchOptional(ContactRepository::toContact);
    }

    public long insert(long supplierId, ContactForm form, LocalDateTime now) {
        var c = SUPPLIER_CONTACT;
        return dsl.insertInto(c)
                .set(c.SUPPLIER_ID, supplierId)
                .set(c.NAME, form.name())
                .set(c.DEPARTMENT, form.department())
                .set(c.EMAIL, form.email())
                .set(c.PHONE, form.phone())
                .set(c.IS_PRIMARY, form.primary())
                .set(c.CREATED_AT, now)
                .set(c.UPDATED_AT, now)
                .returningResult(c.ID)
                .fetchSingle(c.ID);
    }

    /** False when someone else saved it first (the version moved on). */
    public boolean update(long supplierId, long id, int version, ContactForm form, LocalDateTime now) {
        var c = SUPPLIER_CONTACT;
        return dsl.update(c)
                        .set(c.NAME, form.name())
                        .set(c.DEPARTMENT, form.department())
                        .set(c.EMAIL, form.email())
                        .set(c.PHONE, form.phone())
                        .set(c.IS_PRIMARY, form.primary())
                        .set(c.UPDATED_AT, now)
                        .set(c.VERSION, c.VERSION.plus(1))
                        .where(c.ID.eq(id))
                        .and(c.SUPPLIER_ID.eq(supplierId))
                        .and(c.VERSION.eq(version))
                        .execute()
                == 1;
    }

    /** New primary contacts of an import: one multi-row INSERT; answers their ids in the given order. */
    public List<Long> insertPrimaries(List<ImportedContact> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var c = SUPPLIER_CONTACT;
        var insert = dsl.insertInto(
                c, c.SUPPLIER_ID, c.NAME, c.DEPARTMENT, c.EMAIL, c.PHONE, c.IS_PRIMARY, c.CREATED_AT, c.UPDATED_AT);
        for (ImportedContact row : rows) {
            ContactForm f = row.after();
            insert = insert.values(row.supplierId(), f.name(), f.department(), f.email(), f.phone(), true, now, now);
        }
        return insert.returningResult(c.ID).fetch(c.ID);
    }

    /** Changed primary contacts of an import: one JDBC batch; each count is 0 where the version moved on. */
    public int[] updateAll(List<ImportedContact> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        var c = SUPPLIER_CONTACT;
        var batch = dsl.batch(dsl.update(c)
                .set(c.NAME, DSL.param("name", String.class))
                .set(c.DEPARTMENT, DSL.param("department", String.class))
                .set(c.EMAIL, DSL.param("email", String.class))
                .set(c.PHONE, DSL.param("phone", String.class))
                .set(c.UPDATED_AT, DSL.param("now", LocalDateTime.class))
                .set(c.VERSION, c.VERSION.plus(DSL.inline(1)))
                .where(c.ID.eq(DSL.param("id", Long.class)))
                .and(c.VERSION.eq(DSL.param("version", Integer.class))));
        for (ImportedContact row : rows) {
            ContactForm f = row.after();
            batch = batch.bind(f.name(), f.department(), f.email(), f.phone(), now, row.contactId(), row.version());
        }
        return batch.execute();
    }

    /** Makes every other contact of the supplier not primary (one primary per supplier). */
    public void clearPrimary(long supplierId, long except) {
        var c = SUPPLIER_CONTACT;
        dsl.update(c)
                .set(c.IS_PRIMARY, false)
                .set(c.VERSION, c.VERSION.plus(1))
                .where(c.SUPPLIER_ID.eq(supplierId))
                .and(c.ID.ne(except))
                .and(c.IS_PRIMARY.isTrue())
                .execute();
    }

    public boolean delete(long supplierId, long id, int version) {
        var c = SUPPLIER_CONTACT;
        return dsl.deleteFrom(c)
                        .where(c.ID.eq(id))
                        .and(c.SUPPLIER_ID.eq(supplierId))
                        .and(c.VERSION.eq(version))
                        .execute()
                == 1;
    }

    private static SupplierContact toContact(Record r) {
        var c = SUPPLIER_CONTACT;
        return new SupplierContact(
                r.get(c.ID),
                r.get(c.SUPPLIER_ID),
                r.get(c.NAME),
                r.get(c.DEPARTMENT),
                r.get(c.EMAIL),
                r.get(c.PHONE),
                r.get(c.IS_PRIMARY),
                r.get(c.VERSION));
    }
}
