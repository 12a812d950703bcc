package jp.hoshimi.dataimport.internal;

import static jp.hoshimi.db.Tables.IMPORT_SUPPLIER_STAGE;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_CONTACT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import jp.hoshimi.dataimport.RowOutcome;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.supplier.SupplierForm;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.springframework.stereotype.Repository;

/**
 * The staging table of a supplier import (V21). Rows are written in multi-row INSERTs; the check reads
 * them joined to the master with one plain SELECT (a consistent, non-locking read: a preview holds no
 * lock on {@code supplier} or its fragments); the apply reads them back in pages of the primary key.
 */
@Repository
public class SupplierStageRepository
        extends StageRows<SupplierStageRepository.Staged, SupplierStageRepository.Classified> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<FieldProblem>> PROBLEMS = new TypeReference<>() {};

    /** One data row as read from the file, with the problems found while streaming it. */
    public record Staged(
            int rowNo,
            String rowKey,
            String keyHash,
            String valuesHash,
            String codeHash,
            boolean keyed,
            String corporateNumber,
            SupplierForm fromFile,
            String contactDepartment,
            String contactPhone,
            List<FieldProblem> keyProblems,
            List<FieldProblem> valueProblems) {}

    /** A stored supplier as the import compares it, with its primary contact (null: none). */
    public record Stored(long id, int version, SupplierForm form, PrimaryContact primary) {}

    /** A supplier's primary contact as the import compares it and, at the apply, updates it. */
    public record PrimaryContact(long id, int version, String name, String department, String email, String phone) {}

    /** A staged row with what the file and the master say about its key (see {@link #classify}). */
    public record Candidate(
            Staged row,
            Integer firstRowOfKey,
            boolean sameValuesAsFirst,
            Integer firstRowOfCode,
            boolean firstRowOfCodeHasOtherKey,
            String firstRowOfCodeName,
            Stored byCorporateNumber,
            Stored byCode) {}

    /** The classification of one row, kept for the apply. */
    public record Classified(int rowNo, RowOutcome outcome, Long supplierId, Integer supplierVersion) {}

    /** A new or changed row for the apply, with the master row it changes (null for a new one). */
    public record ToWrite(Staged row, RowOutcome outcome, Integer classifiedVersion, Stored current) {}

    private static final StageTable TABLE = new StageTable(
            IMPORT_SUPPLIER_STAGE,
            IMPORT_SUPPLIER_STAGE.RUN_ID,
            IMPORT_SUPPLIER_STAGE.ROW_NO,
            IMPORT_SUPPLIER_STAGE.OUTCOME,
            IMPORT_SUPPLIER_STAGE.SUPPLIER_ID);

    SupplierStageRepository(DSLContext dsl) {
        super(dsl, TABLE, List.of(SUPPLIER, SUPPLIER_CONTACT));
    }

    @Override
    public void insert(long runId, List<Staged> rows) {
        var s = IMPORT_SUPPLIER_STAGE;
        TABLE.insert(
                dsl,
                List.of(
                        s.RUN_ID,
                        s.ROW_NO,
                        s.ROW_KEY,
                        s.KEY_HASH,
                        s.VALUES_HASH,
                        s.CODE_HASH,
                        s.KEYED,
                        s.RAW_CORPORATE_NUMBER,
                        s.CORPORATE_NUMBER,
                        s.SUPPLIER_CODE,
                        s.NAME,
                        s.NAME_KANA,
                        s.COUNTRY,
                        s.ADDRESS,
                        s.CONTACT_NAME,
                        s.CONTACT_EMAIL,
                        s.NOTES,
                        s.CONTACT_DEPARTMENT,
                        s.CONTACT_PHONE,
                        s.KEY_PROBLEMS_JSON,
                        s.VALUE_PROBLEMS_JSON),
                rows.stream()
                        .map(row -> {
                            SupplierForm f = row.fromFile();
                            return Arrays.<Object>asList(
                                    runId,
                                    row.rowNo(),
                                    row.rowKey(),
                                    row.keyHash(),
                                    row.valuesHash(),
                                    row.codeHash(),
                                    row.keyed(),
                                    f.corporateNumber(),
                                    row.corporateNumber(),
                                    f.supplierCode(),
                                    f.name(),
                                    f.nameKana(),
                                    f.country(),
                                    f.address(),
                                    f.contactName(),
                                    f.contactEmail(),
                                    f.notes(),
                                    row.contactDepartment(),
                                    row.contactPhone(),
                                    write(row.keyProblems()),
                                    write(row.valueProblems()));
                        })
                        .toList());
    }

    /** The classifying SELECT (see {@link #classify}); its parameters: the run, three times. */
    static final String CLASSIFY = """
            select s.*,
              dk.first_row, fk.values_hash as first_hash,
              dc.code_row, fc.key_hash as code_key, fc.name as code_name,
              mc.id as mc_id, mc.version as mc_version, mc.corporate_number as mc_corporate_number,
              mc.supplier_code as mc_supplier_code, mc.name as mc_name, mc.name_kana as mc_name_kana,
              mc.country as mc_country, mc.address as mc_address, mc.contact_name as mc_contact_name,
              mc.contact_email as mc_contact_email, mc.notes as mc_notes,
              mk.id as mk_id, mk.version as mk_version, mk.corporate_number as mk_corporate_number,
              mk.supplier_code as mk_supplier_code, mk.name as mk_name, mk.name_kana as mk_name_kana,
              mk.country as mk_country, mk.address as mk_address, mk.contact_name as mk_contact_name,
              mk.contact_email as mk_contact_email, mk.notes as mk_notes,
              pc.id as mc_pc_id, pc.version as mc_pc_version, pc.name as mc_pc_name,
              pc.department as mc_pc_department, pc.email as mc_pc_email, pc.phone as mc_pc_phone,
              pk.id as mk_pc_id, pk.version as mk_pc_version, pk.name as mk_pc_name,
              pk.department as mk_pc_department, pk.email as mk_pc_email, pk.phone as mk_pc_phone
            from import_supplier_stage s
            left join (select key_hash, min(row_no) as first_row from import_supplier_stage
                       where run_id = ? and keyed = 1 group by key_hash having count(*) > 1) dk
              on s.keyed = 1 and dk.key_hash = s.key_hash
            left join import_supplier_stage fk on fk.run_id = s.run_id and fk.row_no = dk.first_row
            left join (select code_hash, min(row_no) as code_row from import_supplier_stage
                       where run_id = ? and keyed = 1 and code_hash is not null
                       group by code_hash having count(*) > 1) dc
              on s.keyed = 1 and dc.code_hash = s.code_hash
            left join import_supplier_stage fc on fc.run_id = s.run_id and fc.row_no = dc.code_row
            left join supplier mc on mc.corporate_number = s.corporate_number
            left join supplier mk on mk.supplier_code = s.supplier_code
            left join supplier_contact pc force index (ix_supplier_contact_supplier)
              on pc.supplier_id = mc.id and pc.is_primary
            left join supplier_contact pk force index (ix_supplier_contact_supplier)
              on pk.supplier_id = mk.id and pk.is_primary
            where s.run_id = ?
            order by s.row_no
            """;

    /**
     * Every staged row of the run in row order, with: the first row of the file with the same key (and its
     * values' hash), the first row with the same supplier code (its key and name), and the stored suppliers with
     * the same 法人番号 and the same code; no locks. The first rows are found only for keys and codes that occur
     * more than once (null otherwise: a row is then its own first), by two GROUP BYs over the narrow hashes
     * whose few results are joined by hash: window functions sorted every staged row, all its columns, twice
     * into an on-disk temporary table before the first row came back (decision 0047). The contacts are joined by
     * their index: a join buffer over an almost empty contact table would sort the whole result once more.
     */
    public void classify(long runId, Consumer<Candidate> sink) {
        try (Cursor<Record> rows =
                dsl.resultQuery(CLASSIFY, runId, runId, runId).fetchSize(1000).fetchLazy()) {
            for (Record r : rows) {
                Staged row = staged(r);
                Integer firstRow = r.get("first_row", Integer.class);
                Integer codeRow = r.get("code_row", Integer.class);
                sink.accept(new Candidate(
                        row,
                        firstRow,
                        row.valuesHash().equals(r.get("first_hash", String.class)),
                        codeRow,
                        codeRow != null && !row.keyHash().equals(r.get("code_key", String.class)),
                        r.get("code_name", String.class),
                        stored(r, "mc_"),
                        stored(r, "mk_")));
            }
        }
    }

    @Override
    public void record(long runId, List<Classified> rows) {
        var s = IMPORT_SUPPLIER_STAGE;
        // row_key, the hashes and keyed are placeholders the table requires of a new row (never one here)
        TABLE.upsert(
                dsl,
                List.of(
                        s.RUN_ID,
                        s.ROW_NO,
                        s.ROW_KEY,
                        s.KEY_HASH,
                        s.VALUES_HASH,
                        s.KEYED,
                        s.OUTCOME,
                        s.SUPPLIER_ID,
                        s.SUPPLIER_VERSION),
                rows.stream()
                        .map(row -> Arrays.<Object>asList(
                                runId,
                                row.rowNo(),
                                "",
                                "",
                                "",
                                false,
                                row.outcome().name(),
                                row.supplierId(),
                                row.supplierVersion()))
                        .toList(),
                s.ROW_KEY,
                s.KEY_HASH,
                s.VALUES_HASH,
                s.KEYED);
    }

    /** The next {@code limit} new or changed rows after {@code afterRow}, with the master row as it is now. */
    public List<ToWrite> toWrite(long runId, int afterRow, int limit) {
        return toWriteQuery(runId, afterRow, limit)
                .fetch(r -> new ToWrite(
                        staged(r),
                        RowOutcome.valueOf(r.get("outcome", String.class)),
                        r.get("supplier_version", Integer.class),
                        stored(r, "m_")));
    }

    /** The page query of {@link #toWrite}. */
    ResultQuery<Record> toWriteQuery(long runId, int afterRow, int limit) {
        var s = IMPORT_SUPPLIER_STAGE;
        return dsl.select(s.asterisk())
                .select(
                        SUPPLIER.ID.as("m_id"),
                        SUPPLIER.VERSION.as("m_version"),
                        SUPPLIER.CORPORATE_NUMBER.as("m_corporate_number"),
                        SUPPLIER.SUPPLIER_CODE.as("m_supplier_code"),
                        SUPPLIER.NAME.as("m_name"),
                        SUPPLIER.NAME_KANA.as("m_name_kana"),
                        SUPPLIER.COUNTRY.as("m_country"),
                        SUPPLIER.ADDRESS.as("m_address"),
                        SUPPLIER.CONTACT_NAME.as("m_contact_name"),
                        SUPPLIER.CONTACT_EMAIL.as("m_contact_email"),
                        SUPPLIER.NOTES.as("m_notes"),
                        SUPPLIER_CONTACT.ID.as("m_pc_id"),
                        SUPPLIER_CONTACT.VERSION.as("m_pc_version"),
                        SUPPLIER_CONTACT.NAME.as("m_pc_name"),
                        SUPPLIER_CONTACT.DEPARTMENT.as("m_pc_department"),
                        SUPPLIER_CONTACT.EMAIL.as("m_pc_email"),
                        SUPPLIER_CONTACT.PHONE.as("m_pc_phone"))
                .from(s)
                .leftJoin(SUPPLIER)
                .on(SUPPLIER.ID.eq(s.SUPPLIER_ID))
                // by its index: a join buffer over an almost empty contact table made every page sort all the rows
                // after it into a temporary table (250 ms a page of 100,000 new rows, decision 0047)
                .leftJoin(SUPPLIER_CONTACT.forceIndex("ix_supplier_contact_supplier"))
                .on(SUPPLIER_CONTACT.SUPPLIER_ID.eq(SUPPLIER.ID).and(SUPPLIER_CONTACT.IS_PRIMARY.isTrue()))
                .where(s.RUN_ID.eq(runId))
                .and(s.ROW_NO.gt(afterRow))
                .and(s.OUTCOME.in(RowOutcome.NEW.name(), RowOutcome.CHANGED.name()))
                .orderBy(s.ROW_NO)
                .limit(limit);
    }

    /** Remembers the ids of the suppliers the apply created (in the apply's transaction). */
    public void recordCreated(long runId, List<Integer> rowNos, List<Long> ids) {
        List<Classified> created = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            created.add(new Classified(rowNos.get(i), RowOutcome.NEW, ids.get(i), null));
        }
        record(runId, created);
    }

    private static Staged staged(Record r) {
        return new Staged(
                r.get("row_no", Integer.class),
                r.get("row_key", String.class),
                r.get("key_hash", String.class),
                r.get("values_hash", String.class),
                r.get("code_hash", String.class),
                Boolean.TRUE.equals(r.get("keyed", Boolean.class)),
                r.get("corporate_number", String.class),
                new SupplierForm(
                        r.get("raw_corporate_number", String.class),
                        r.get("supplier_code", String.class),
                        r.get("name", String.class),
                        r.get("name_kana", String.class),
                        r.get("country", String.class),
                        r.get("address", String.class),
                        r.get("contact_name", String.class),
                        r.get("contact_email", String.class),
                        r.get("notes", String.class)),
                r.get("contact_department", String.class),
                r.get("contact_phone", String.class),
                read(r.get("key_problems_json", String.class)),
                read(r.get("value_problems_json", String.class)));
    }

    private static Stored stored(Record r, String prefix) {
        Long id = r.get(prefix + "id", Long.class);
        if (id == null) {
            return null;
        }
        return new Stored(
                id,
                r.get(prefix + "version", Integer.class),
                new SupplierForm(
                        r.get(prefix + "corporate_number", String.class),
                        r.get(prefix + "supplier_code", String.class),
                        r.get(prefix + "name", String.class),
                        r.get(prefix + "name_kana", String.class),
                        r.get(prefix + "country", String.class),
                        r.get(prefix + "address", String.class),
                        r.get(prefix + "contact_name", String.class),
                        r.get(prefix + "contact_email", String.class),
                        r.get(prefix + "notes", String.class)),
                primary(r, prefix + "pc_"));
    }

    private static PrimaryContact primary(Record r, String prefix) {
        Long id = r.get(prefix + "id", Long.class);
        if (id == null) {
            return null;
        }
        return new PrimaryContact(
                id,
                r.get(prefix + "version", Integer.class),
                r.get(prefix + "name", String.class),
                r.get(prefix + "department", String.class),
                r.get(prefix + "email", String.class),
                r.get(prefix + "phone", String.class));
    }

    private static String write(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldProblem> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
