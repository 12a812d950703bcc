package jp.hoshimi.dataimport.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.IMPORT_LINK_STAGE;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static jp.hoshimi.db.Tables.SUPPLIER;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.hoshimi.dataimport.RowOutcome;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.subcontracting.LinkForm;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/**
 * The staging table of a sub-contractor link import (V32), as {@link ContractStageRepository} for contracts:
 * rows written in multi-row INSERTs; the check reads them joined to contracts, suppliers and links with one
 * plain SELECT (a consistent, non-locking read: a preview holds no lock on any live table), together with
 * the stored chains of the contracts the file names; the apply reads the classified rows back in pages.
 */
@Repository
public class LinkStageRepository extends StageRows<LinkStageRepository.Staged, LinkStageRepository.Classified> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final TypeReference<List<FieldProblem>> PROBLEMS = new TypeReference<>() {};

    private static final StageTable TABLE = new StageTable(
            IMPORT_LINK_STAGE,
            IMPORT_LINK_STAGE.RUN_ID,
            IMPORT_LINK_STAGE.ROW_NO,
            IMPORT_LINK_STAGE.OUTCOME,
            IMPORT_LINK_STAGE.LINK_ID);

    /** One data row as read from the file: its cells as typed values, and the problems found reading them. */
    public record Staged(
            int rowNo,
            String contractNumber,
            String valuesHash,
            String parentRef,
            String parentCorporateNumber,
            String parentCode,
            String childRef,
            String childCorporateNumber,
            String childCode,
            Boolean confidentialDataFlows,
            Boolean systemAccess,
            Boolean businessCritical,
            RequiredLevel requiredLevel,
            String levelText,
            String note,
            List<FieldProblem> problems) {}

    /** A supplier or contract the row names. */
    public record Named(long id, String name) {}

    /** The contract a row names (in the user's scope), with its supplier: the chain's first tier. */
    public record NamedContract(long id, String number, long supplierId, String supplierName) {}

    /** A stored link as the import compares it. */
    public record Stored(long id, int version, LinkForm form) {}

    /** A stored link of a contract the file names, for that contract's tree rules. */
    public record ChainEdge(long contractId, long contractSupplierId, long parentSupplierId, long childSupplierId) {}

    /**
     * A staged row with what the master and the file say about it: the contract, parent and child its cells
     * name (null: not named or unknown), the stored link between them, and the first row of the file with the
     * same contract, parent and child among the rows whose references all resolve (and whether its cells
     * are the same).
     */
    public record Candidate(
            Staged row,
            NamedContract contract,
            Named parent,
            Named child,
            Stored existing,
            Integer firstRowOfLink,
            boolean sameValuesAsFirst) {}

    /** The classification of one row, kept for the apply: the link as it is to be stored and as it was read. */
    public record Classified(
            int rowNo,
            RowOutcome outcome,
            Long contractId,
            Long linkId,
            Integer linkVersion,
            LinkForm form,
            LinkForm before) {}

    /**
     * The columns of the classifying SELECT: the staged rows with their facts (kind 1) and, in the same
     * columns, the stored links of the contracts they name (kind 0, only these filled in).
     */
    private static final Map<String, String> CHAIN_COLUMNS = Map.of(
            "kind", "0",
            "c_id", "e.contract_id",
            "c_supplier_id", "ec.supplier_id",
            "l_id", "e.id",
            "e_parent", "e.parent_supplier_id",
            "e_child", "e.child_supplier_id");

    private static final List<String> COLUMNS = List.of(
            "kind",
            "row_no",
            "contract_number",
            "values_hash",
            "parent_ref",
            "parent_cn",
            "parent_code",
            "child_ref",
            "child_cn",
            "child_code",
            "confidential",
            "system_access",
            "business_critical",
            "required_level",
            "level_text",
            "note",
            "problems_json",
            "c_id",
            "c_number",
            "c_supplier_id",
            "c_supplier_name",
            "p_id",
            "p_name",
            "ch_id",
            "ch_name",
            "first_row",
            "first_hash",
            "l_id",
            "l_version",
            "l_conf",
            "l_sys",
            "l_crit",
            "l_level",
            "l_note",
            "e_parent",
            "e_child");

    private static final Map<String, String> ROW_COLUMNS = rowColumns();

    LinkStageRepository(DSLContext dsl) {
        super(dsl, TABLE, List.of(SUPPLIER, CONTRACT, SUBCONTRACTING_LINK));
    }

    @Override
    public void insert(long runId, List<Staged> rows) {
        var s = IMPORT_LINK_STAGE;
        TABLE.insert(
                dsl,
                List.of(
                        s.RUN_ID,
                        s.ROW_NO,
                        s.CONTRACT_NUMBER,
                        s.VALUES_HASH,
                        s.PARENT_REF,
                        s.PARENT_CN,
                        s.PARENT_CODE,
                        s.CHILD_REF,
                        s.CHILD_CN,
                        s.CHILD_CODE,
                        s.CONFIDENTIAL,
                        s.SYSTEM_ACCESS,
                        s.BUSINESS_CRITICAL,
                        s.REQUIRED_LEVEL,
                        s.LEVEL_TEXT,
                        s.NOTE,
                        s.PROBLEMS_JSON),
                rows.stream()
                        .map(row -> Arrays.<Object>asList(
                                runId,
                                row.rowNo(),
                                row.contractNumber(),
                                row.valuesHash(),
                                row.parentRef(),
                                row.parentCorporateNumber(),
                                row.parentCode(),
                                row.childRef(),
                                row.childCorporateNumber(),
                                row.childCode(),
                                row.confidentialDataFlows(),
                                row.systemAccess(),
                                row.businessCritical(),
                                row.requiredLevel() == null
                                        ? null
                                        : row.requiredLevel().name(),
                                row.levelText(),
                                row.note(),
                                row.problems().isEmpty() ? null : JsonText.write(JSON, row.problems())))
                        .toList());
    }

    /**
     * Every staged row of the run with its {@link Candidate} facts, grouped by the contract it names (rows
     * naming none first) and in row order within a contract; before a contract's rows, its stored links in
     * the order they were added ({@code chain}). One SELECT; no locks. The contract is looked up in the
     * user's scope (one outside it is unknown, as the per-row path found it).
     */
    public void classify(long runId, DataScope scope, Consumer<ChainEdge> chain, Consumer<Candidate> rows) {
        String inScope = scope.groupWide()
                ? ""
                : scope.unitIds().isEmpty()
                        ? " and false"
                        : " and c.org_unit_id in ("
                                + scope.unitIds().stream().map(String::valueOf).collect(Collectors.joining(","))
                                + ")";
        String sql = """
                with r as (
                  select s.*, c.id as c_id, c.contract_number as c_number, c.supplier_id as c_supplier_id,
                    cs.name as c_supplier_name,
                    coalesce(pc.id, pk.id) as p_id, coalesce(pc.name, pk.name) as p_name,
                    coalesce(hc.id, hk.id) as ch_id, coalesce(hc.name, hk.name) as ch_name
                  from import_link_stage s
                  left join contract c on c.contract_number = s.contract_number %s
                  left join supplier cs on cs.id = c.supplier_id
                  left join supplier pc on pc.corporate_number = s.parent_cn
                  left join supplier pk on pk.supplier_code = s.parent_code
                  left join supplier hc on hc.corporate_number = s.child_cn
                  left join supplier hk on hk.supplier_code = s.child_code
                  where s.run_id = ?
                ), k as (
                  select r.*, case when r.parent_ref is null then r.c_supplier_id else r.p_id end as parent_id,
                    (r.problems_json is null and r.c_id is not null and r.ch_id is not null
                      and (r.parent_ref is null or r.p_id is not null)) as resolved
                  from r
                )
                select %s
                from k
                left join subcontracting_link l
                  on l.contract_id = k.c_id and l.parent_supplier_id = k.parent_id and l.child_supplier_id = k.ch_id
                union all
                select %s
                from subcontracting_link e
                join contract ec on ec.id = e.contract_id
                where e.contract_id in (select c_id from r)
                order by c_id, kind, row_no, l_id
                """.formatted(inScope, select(ROW_COLUMNS), select(CHAIN_COLUMNS));
        try (Cursor<Record> cursor = dsl.resultQuery(sql, runId).fetchSize(1000).fetchLazy()) {
            for (Record r : cursor) {
                if (r.get("kind", Integer.class) == 0) {
                    chain.accept(new ChainEdge(
                            r.get("c_id", Long.class),
                            r.get("c_supplier_id", Long.class),
                            r.get("e_parent", Long.class),
                            r.get("e_child", Long.class)));
                } else {
                    Staged row = staged(r);
                    rows.accept(new Candidate(
                            row,
                            contract(r),
                            named(r, "p_id", "p_name"),
                            named(r, "ch_id", "ch_name"),
                            stored(r),
                            r.get("first_row", Integer.class),
                            row.valuesHash().equals(r.get("first_hash", String.class))));
                }
            }
        }
    }

    @Override
    public void record(long runId, List<Classified> rows) {
        var s = IMPORT_LINK_STAGE;
        TABLE.upsert(
                dsl,
                List.of(
                        s.RUN_ID,
                        s.ROW_NO,
                        s.VALUES_HASH,
                        s.OUTCOME,
                        s.CONTRACT_ID,
                        s.LINK_ID,
                        s.LINK_VERSION,
                        s.FORM_JSON,
                        s.BEFORE_JSON),
                rows.stream()
                        .map(row -> Arrays.<Object>asList(
                                runId,
                                row.rowNo(),
                                "",
                                row.outcome().name(),
                                row.contractId(),
                                row.linkId(),
                                row.linkVersion(),
                                row.form() == null ? null : JsonText.write(JSON, row.form()),
                                row.before() == null ? null : JsonText.write(JSON, row.before())))
                        .toList(),
                s.VALUES_HASH);
    }

    /** The next {@code limit} new or changed rows after {@code afterRow}, as classified. */
    public List<Classified> toWrite(long runId, int afterRow, int limit) {
        var s = IMPORT_LINK_STAGE;
        return dsl.select(
                        s.ROW_NO,
                        s.OUTCOME.convertFrom(RowOutcome::valueOf),
                        s.CONTRACT_ID,
                        s.LINK_ID,
                        s.LINK_VERSION,
                        s.FORM_JSON.convertFrom(json -> JsonText.read(JSON, json, LinkForm.class)),
                        s.BEFORE_JSON.convertFrom(
                                json -> json == null ? null : JsonText.read(JSON, json, LinkForm.class)))
                .from(s)
                .where(s.RUN_ID.eq(runId))
                .and(s.ROW_NO.gt(afterRow))
                .and(s.OUTCOME.in(RowOutcome.NEW.name(), RowOutcome.CHANGED.name()))
                .orderBy(s.ROW_NO)
                .limit(limit)
                .fetch(Records.mapping(Classified::new));
    }

    /** Remembers the ids of the links the apply created (in the apply's transaction). */
    public void recordCreated(long runId, List<Classified> createdRows, List<Long> ids) {
        List<Classified> created = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Classified row = createdRows.get(i);
            created.add(
                    new Classified(row.rowNo(), RowOutcome.NEW, row.contractId(), ids.get(i), null, row.form(), null));
        }
        record(runId, created);
    }

    private static String select(Map<String, String> expressions) {
        return COLUMNS.stream()
                .map(c -> expressions.getOrDefault(c, "null") + " as " + c)
                .collect(Collectors.joining(", "));
    }

    private static Map<String, String> rowColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            columns.put(c, "k." + c);
        }
        columns.put("kind", "1");
        columns.put(
                "first_row",
                "case when k.resolved then min(k.row_no) over (partition by k.resolved, k.c_id, k.parent_id, k.ch_id)"
                        + " end");
        columns.put(
                "first_hash",
                "first_value(k.values_hash) over (partition by k.resolved, k.c_id, k.parent_id, k.ch_id"
                        + " order by k.row_no)");
        columns.put("l_id", "l.id");
        columns.put("l_version", "l.version");
        columns.put("l_conf", "l.confidential_data_flows");
        columns.put("l_sys", "l.system_access");
        columns.put("l_crit", "l.business_critical");
        columns.put("l_level", "l.required_level_override");
        columns.put("l_note", "l.note");
        columns.put("e_parent", "null");
        columns.put("e_child", "null");
        return columns;
    }

    private static Staged staged(Record r) {
        String level = r.get("required_level", String.class);
        String problems = r.get("problems_json", String.class);
        return new Staged(
                r.get("row_no", Integer.class),
                r.get("contract_number", String.class),
                r.get("values_hash", String.class),
                r.get("parent_ref", String.class),
                r.get("parent_cn", String.class),
                r.get("parent_code", String.class),
                r.get("child_ref", String.class),
                r.get("child_cn", String.class),
                r.get("child_code", String.class),
                r.get("confidential", Boolean.class),
                r.get("system_access", Boolean.class),
                r.get("business_critical", Boolean.class),
                level == null ? null : RequiredLevel.valueOf(level),
                r.get("level_text", String.class),
                r.get("note", String.class),
                problems == null ? List.of() : JsonText.read(JSON, problems, PROBLEMS));
    }

    private static NamedContract contract(Record r) {
        Long id = r.get("c_id", Long.class);
        return id == null
                ? null
                : new NamedContract(
                        id,
                        r.get("c_number", String.class),
                        r.get("c_supplier_id", Long.class),
                        r.get("c_supplier_name", String.class));
    }

    private static Named named(Record r, String idColumn, String nameColumn) {
        Long id = r.get(idColumn, Long.class);
        return id == null ? null : new Named(id, r.get(nameColumn, String.class));
    }

    private static Stored stored(Record r) {
        Long id = r.get("l_id", Long.class);
        if (id == null) {
            return null;
        }
        String level = r.get("l_level", String.class);
        return new Stored(
                id,
                r.get("l_version", Integer.class),
                new LinkForm(
                        null,
                        null,
                        r.get("l_conf", Boolean.class),
                        r.get("l_sys", Boolean.class),
                        r.get("l_crit", Boolean.class),
                        level == null ? null : RequiredLevel.valueOf(level),
                        r.get("l_note", String.class)));
    }
}
