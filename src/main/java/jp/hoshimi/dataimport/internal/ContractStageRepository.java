package jp.hoshimi.dataimport.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.IMPORT_CONTRACT_STAGE;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.dataimport.RowOutcome;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/**
 * The staging table of a contract import (V31), as {@link SupplierStageRepository} for suppliers: rows
 * written in multi-row INSERTs; the check reads them joined to suppliers, users and contracts with one
 * plain SELECT (a consistent, non-locking read: a preview holds no lock on any live table); the apply
 * reads the classified rows back in pages of the primary key.
 */
@Repository
public class ContractStageRepository
        extends StageRows<ContractStageRepository.Staged, ContractStageRepository.Classified> {

    /** The forms kept for the apply; derived getters (a chart's "complete") are written and ignored on reading. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final TypeReference<List<FieldProblem>> PROBLEMS = new TypeReference<>() {};

    private static final StageTable TABLE = new StageTable(
            IMPORT_CONTRACT_STAGE,
            IMPORT_CONTRACT_STAGE.RUN_ID,
            IMPORT_CONTRACT_STAGE.ROW_NO,
            IMPORT_CONTRACT_STAGE.OUTCOME,
            IMPORT_CONTRACT_STAGE.CONTRACT_ID);

    /** One data row as read from the file: its cells as typed values, and the problems found reading them. */
    public record Staged(
            int rowNo,
            String contractNumber,
            String valuesHash,
            String title,
            String supplierRef,
            String supplierCorporateNumber,
            String supplierCode,
            String unitRef,
            Long orgUnitId,
            String ownerRef,
            LocalDate startDate,
            LocalDate endDate,
            RequiredLevel requiredLevel,
            String levelText,
            DecisionChart answers,
            String levelReason,
            List<FieldProblem> problems) {}

    /** A supplier the row names, or the stored contract's supplier. */
    public record Named(long id, String name) {}

    /** A stored contract as the import compares it (whatever the user's scope: the caller decides). */
    public record Stored(long id, int version, ContractForm form, String supplierName, String ownerName) {}

    /**
     * A staged row with what the master and the file say about it: the supplier and owner its cells name
     * (null: not named or unknown), the contract holding its number, and the first row of the file with
     * the same number among the rows whose references all resolve (and whether its cells are the same).
     */
    public record Candidate(
            Staged row,
            Named supplier,
            Long ownerId,
            Stored byNumber,
            Integer firstRowOfNumber,
            boolean sameValuesAsFirst) {}

    /** The classification of one row, kept for the apply: the contract as it is to be stored and as it was read. */
    public record Classified(
            int rowNo,
            RowOutcome outcome,
            Long contractId,
            Integer contractVersion,
            ContractForm form,
            ContractForm before) {}

    ContractStageRepository(DSLContext dsl) {
        super(dsl, TABLE, List.of(SUPPLIER, CONTRACT, APP_USER, ORG_UNIT));
    }

    @Override
    public void insert(long runId, List<Staged> rows) {
        var s = IMPORT_CONTRACT_STAGE;
        TABLE.insert(
                dsl,
                List.of(
                        s.RUN_ID,
                        s.ROW_NO,
                        s.CONTRACT_NUMBER,
                        s.VALUES_HASH,
                        s.TITLE,
                        s.SUPPLIER_REF,
                        s.SUPPLIER_CN,
                        s.SUPPLIER_CODE,
                        s.UNIT_REF,
                        s.ORG_UNIT_ID,
                        s.OWNER_REF,
                        s.START_DATE,
                        s.END_DATE,
                        s.REQUIRED_LEVEL,
                        s.LEVEL_TEXT,
                        s.Q_CONFIDENTIAL,
                        s.Q_CRITICAL,
                        s.Q_NETWORK,
                        s.LEVEL_REASON,
                        s.PROBLEMS_JSON),
                rows.stream()
                        .map(row -> Arrays.<Object>asList(
                                runId,
                                row.rowNo(),
                                row.contractNumber(),
                                row.valuesHash(),
                                row.title(),
                                row.supplierRef(),
                                row.supplierCorporateNumber(),
                                row.supplierCode(),
                                row.unitRef(),
                                row.orgUnitId(),
                                row.ownerRef(),
                                row.startDate(),
                                row.endDate(),
                                row.requiredLevel() == null
                                        ? null
                                        : row.requiredLevel().name(),
                                row.levelText(),
                                row.answers().handlesConfidential(),
                                row.answers().businessCritical(),
                                row.answers().networkAccess(),
                                row.levelReason(),
                                row.problems().isEmpty() ? null : write(row.problems())))
                        .toList());
    }

    /**
     * Every staged row of the run in row order with its {@link Candidate} facts: the supplier by 法人番号
     * or code and the owner by user name (unique-index joins), the stored contract with the number and its
     * supplier's and owner's names, and, by window functions over the rows whose references resolve, the
     * first row of the file with the same number. One SELECT; no locks.
     */
    public void classify(long runId, Consumer<Candidate> sink) {
        String sql = """
                select t.*,
                  case when t.resolved and t.contract_number is not null
                    then min(t.row_no) over (partition by t.resolved, t.contract_number) end as first_row,
                  first_value(t.values_hash) over (partition by t.resolved, t.contract_number order by t.row_no)
                    as first_hash,
                  c.id as c_id, c.version as c_version, c.contract_number as c_contract_number, c.title as c_title,
                  c.supplier_id as c_supplier_id, c.org_unit_id as c_org_unit_id,
                  c.owner_user_id as c_owner_user_id, c.start_date as c_start_date, c.end_date as c_end_date,
                  c.handles_confidential as c_q_confidential, c.business_critical as c_q_critical,
                  c.network_access as c_q_network, c.required_level as c_required_level,
                  c.level_reason as c_level_reason, cs.name as c_supplier_name, cu.display_name as c_owner_name
                from (
                  select s.*, coalesce(sc.id, sk.id) as sup_id, coalesce(sc.name, sk.name) as sup_name,
                    u.id as owner_id,
                    (s.problems_json is null
                      and (s.supplier_ref is null or coalesce(sc.id, sk.id) is not null)
                      and (s.unit_ref is null or s.org_unit_id is not null)
                      and (s.owner_ref is null or u.id is not null)) as resolved
                  from import_contract_stage s
                  left join supplier sc on sc.corporate_number = s.supplier_cn
                  left join supplier sk on sk.supplier_code = s.supplier_code
                  left join app_user u on u.username = s.owner_ref
                  where s.run_id = ?
                ) t
                left join contract c on c.contract_number = t.contract_number
                left join supplier cs on cs.id = c.supplier_id
                left join app_user cu on cu.id = c.owner_user_id
                order by t.row_no
                """;
        try (Cursor<Record> rows = dsl.resultQuery(sql, runId).fetchSize(1000).fetchLazy()) {
            for (Record r : rows) {
                Staged row = staged(r);
                Long supplierId = r.get("sup_id", Long.class);
                sink.accept(new Candidate(
                        row,
                        supplierId == null ? null : new Named(supplierId, r.get("sup_name", String.class)),
                        r.get("owner_id", Long.class),
                        stored(r),
                        r.get("first_row", Integer.class),
                        row.valuesHash().equals(r.get("first_hash", String.class))));
            }
        }
    }

    @Override
    public void record(long runId, List<Classified> rows) {
        var s = IMPORT_CONTRACT_STAGE;
        TABLE.upsert(
                dsl,
                List.of(
                        s.RUN_ID,
                        s.ROW_NO,
                        s.VALUES_HASH,
                        s.OUTCOME,
                        s.CONTRACT_ID,
                        s.CONTRACT_VERSION,
                        s.FORM_JSON,
                        s.BEFORE_JSON),
                rows.stream()
                        .map(row -> Arrays.<Object>asList(
                                runId,
                                row.rowNo(),
                                "",
                                row.outcome().name(),
                                row.contractId(),
                                row.contractVersion(),
                                row.form() == null ? null : write(row.form()),
                                row.before() == null ? null : write(row.before())))
                        .toList(),
                s.VALUES_HASH);
    }

    /** The next {@code limit} new or changed rows after {@code afterRow}, as classified. */
    public List<Classified> toWrite(long runId, int afterRow, int limit) {
        var s = IMPORT_CONTRACT_STAGE;
        return dsl.select(
                        s.ROW_NO,
                        s.OUTCOME.convertFrom(RowOutcome::valueOf),
                        s.CONTRACT_ID,
                        s.CONTRACT_VERSION,
                        s.FORM_JSON.convertFrom(json -> read(json, ContractForm.class)),
                        s.BEFORE_JSON.convertFrom(json -> json == null ? null : read(json, ContractForm.class)))
                .from(s)
                .where(s.RUN_ID.eq(runId))
                .and(s.ROW_NO.gt(afterRow))
                .and(s.OUTCOME.in(RowOutcome.NEW.name(), RowOutcome.CHANGED.name()))
                .orderBy(s.ROW_NO)
                .limit(limit)
                .fetch(Records.mapping(Classified::new));
    }

    /** Remembers the ids of the contracts the apply created (in the apply's transaction). */
    public void recordCreated(long runId, List<Integer> rowNos, List<Long> ids) {
        List<Classified> created = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            created.add(new Classified(rowNos.get(i), RowOutcome.NEW, ids.get(i), null, null, null));
        }
        record(runId, created);
    }

    private static Staged staged(Record r) {
        String level = r.get("required_level", String.class);
        String problems = r.get("problems_json", String.class);
        return new Staged(
                r.get("row_no", Integer.class),
                r.get("contract_number", String.class),
                r.get("values_hash", String.class),
                r.get("title", String.class),
                r.get("supplier_ref", String.class),
                r.get("supplier_cn", String.class),
                r.get("supplier_code", String.class),
                r.get("unit_ref", String.class),
                r.get("org_unit_id", Long.class),
                r.get("owner_ref", String.class),
                r.get("start_date", LocalDate.class),
                r.get("end_date", LocalDate.class),
                level == null ? null : RequiredLevel.valueOf(level),
                r.get("level_text", String.class),
                new DecisionChart(
                        r.get("q_confidential", Boolean.class),
                        r.get("q_critical", Boolean.class),
                        r.get("q_network", Boolean.class)),
                r.get("level_reason", String.class),
                problems == null ? List.of() : read(problems, PROBLEMS));
    }

    private static Stored stored(Record r) {
        Long id = r.get("c_id", Long.class);
        if (id == null) {
            return null;
        }
        return new Stored(
                id,
                r.get("c_version", Integer.class),
                new ContractForm(
                        r.get("c_contract_number", String.class),
                        r.get("c_title", String.class),
                        r.get("c_supplier_id", Long.class),
                        r.get("c_org_unit_id", Long.class),
                        r.get("c_owner_user_id", Long.class),
                        r.get("c_start_date", LocalDate.class),
                        r.get("c_end_date", LocalDate.class),
                        new DecisionChart(
                                r.get("c_q_confidential", Boolean.class),
                                r.get("c_q_critical", Boolean.class),
                                r.get("c_q_network", Boolean.class)),
                        RequiredLevel.valueOf(r.get("c_required_level", String.class)),
                        r.get("c_level_reason", String.class)),
                r.get("c_supplier_name", String.class),
                r.get("c_owner_name", String.class));
    }

    private static String write(Object value) {
        return JsonText.write(JSON, value);
    }

    private static <T> T read(String json, Class<T> type) {
        return JsonText.read(JSON, json, type);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        return JsonText.read(JSON, json, type);
    }
}
