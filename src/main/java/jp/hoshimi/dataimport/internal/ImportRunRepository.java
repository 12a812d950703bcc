package jp.hoshimi.dataimport.internal;

import static jp.hoshimi.db.Tables.IMPORT_MAPPING;
import static jp.hoshimi.db.Tables.IMPORT_ROW;
import static jp.hoshimi.db.Tables.IMPORT_RUN;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.hoshimi.dataimport.ColumnMapping;
import jp.hoshimi.dataimport.FieldChange;
import jp.hoshimi.dataimport.ImportCounts;
import jp.hoshimi.dataimport.ImportField;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportRowResult;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.dataimport.RowField;
import jp.hoshimi.dataimport.RowOutcome;
import jp.hoshimi.db.tables.records.ImportRunRecord;
import jp.hoshimi.shared.FieldProblem;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class ImportRunRepository {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** A row may be reported again (an apply after its preview): the newest outcome wins. */
    private static final MultiRowInsert ROW_RESULTS = new MultiRowInsert(
            IMPORT_ROW,
            List.of(
                    IMPORT_ROW.RUN_ID,
                    IMPORT_ROW.ROW_NO,
                    IMPORT_ROW.OUTCOME,
                    IMPORT_ROW.ENTITY_KEY,
                    IMPORT_ROW.ENTITY_ID,
                    IMPORT_ROW.DETAIL_JSON),
            List.of(IMPORT_ROW.OUTCOME, IMPORT_ROW.ENTITY_KEY, IMPORT_ROW.ENTITY_ID, IMPORT_ROW.DETAIL_JSON));

    private final DSLContext dsl;

    ImportRunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(
            ImportKind kind,
            String fileName,
            String sha256,
            long size,
            String startedBy,
            boolean viaApi,
            String worker,
            LocalDateTime at) {
        return dsl.insertInto(IMPORT_RUN)
                .set(IMPORT_RUN.KIND, kind.name())
                .set(IMPORT_RUN.STATUS, ImportStatus.QUEUED)
                .set(IMPORT_RUN.FILE_NAME, fileName)
                .set(IMPORT_RUN.FILE_SHA256, sha256)
                .set(IMPORT_RUN.FILE_SIZE, size)
                .set(IMPORT_RUN.STARTED_BY, startedBy)
                .set(IMPORT_RUN.VIA_API, viaApi)
                .set(IMPORT_RUN.WORKER, worker)
                .set(IMPORT_RUN.CREATED_AT, at)
                .returning(IMPORT_RUN.ID)
                .fetchOne(IMPORT_RUN.ID);
    }

    public void setStatus(long id, ImportStatus status) {
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.STATUS, status)
                .set(IMPORT_RUN.VERSION, IMPORT_RUN.VERSION.plus(1))
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
    }

    /** Moves a run from one status to another; false when it is no longer in {@code from}. */
    public boolean transition(long id, ImportStatus from, ImportStatus to) {
        return dsl.update(IMPORT_RUN)
                        .set(IMPORT_RUN.STATUS, to)
                        .set(IMPORT_RUN.VERSION, IMPORT_RUN.VERSION.plus(1))
                        .where(IMPORT_RUN.ID.eq(id).and(IMPORT_RUN.STATUS.eq(from)))
                        .execute()
                == 1;
    }

    public void recordRead(long id, String format, String details, int spoolRows) {
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.FILE_FORMAT, format)
                .set(IMPORT_RUN.FILE_DETAILS, truncate(details, 500))
                .set(IMPORT_RUN.SPOOL_ROWS, spoolRows)
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
    }

    public void recordMapping(long id, ColumnMapping mapping) {
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.HEADER_ROW, mapping.headerRow())
                .set(IMPORT_RUN.HEADER_SIGNATURE, mapping.signature())
                .set(IMPORT_RUN.MAPPING_JSON, write(MappingJson.of(mapping)))
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
    }

    public int spoolRows(long id) {
        Integer rows = dsl.select(IMPORT_RUN.SPOOL_ROWS)
                .from(IMPORT_RUN)
                .where(IMPORT_RUN.ID.eq(id))
                .fetchOne(IMPORT_RUN.SPOOL_ROWS);
        return rows == null ? 0 : rows;
    }

    public void recordCounts(long id, ImportCounts counts) {
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.ROWS_TOTAL, counts.total())
                .set(IMPORT_RUN.ROWS_NEW, counts.added())
                .set(IMPORT_RUN.ROWS_CHANGED, counts.changed())
                .set(IMPORT_RUN.ROWS_UNCHANGED, counts.unchanged())
                .set(IMPORT_RUN.ROWS_ERROR, counts.error())
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
    }

    /** A successful step: PREVIEWED (stamps previewed_at) or APPLIED (stamps applied_at); clears any error. */
    public void finish(long id, ImportStatus status, LocalDateTime at) {
        var update = dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.STATUS, status)
                .set(IMPORT_RUN.ERROR_CODE, (String) null)
                .set(IMPORT_RUN.ERROR_ARGS_JSON, (String) null)
                .set(IMPORT_RUN.VERSION, IMPORT_RUN.VERSION.plus(1));
        (status == ImportStatus.APPLIED
                        ? update.set(IMPORT_RUN.APPLIED_AT, at)
                        : update.set(IMPORT_RUN.PREVIEWED_AT, at))
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
    }

    public void fail(long id, ImportStatus status, String errorCode, List<Object> args) {
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.STATUS, status)
                .set(IMPORT_RUN.ERROR_CODE, truncate(errorCode, 100))
                .set(IMPORT_RUN.ERROR_ARGS_JSON, write(args == null ? List.of() : args))
                .set(IMPORT_RUN.VERSION, IMPORT_RUN.VERSION.plus(1))
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
    }

    /** Runs a crash or restart left active on this worker: they are marked failed (nothing was committed). */
    public int failInterrupted(String worker, String errorCode) {
        return dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.STATUS, ImportStatus.FAILED)
                .set(IMPORT_RUN.ERROR_CODE, errorCode)
                .set(IMPORT_RUN.VERSION, IMPORT_RUN.VERSION.plus(1))
                .where(IMPORT_RUN.WORKER.eq(worker))
                .and(IMPORT_RUN.STATUS.in(ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.APPLYING))
                .execute();
    }

    /** The worker's active runs are alive: their heartbeat moves on (the sign other nodes read). */
    public void beat(String worker, LocalDateTime now) {
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.HEARTBEAT_AT, now)
                .where(IMPORT_RUN.WORKER.eq(worker))
                .and(IMPORT_RUN.STATUS.in(ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.APPLYING))
                .execute();
    }

    /**
     * Active runs whose node stopped beating before {@code staleBefore} (it crashed or was killed): they
     * are marked failed; nothing of them was committed, and their files were on that node.
     */
    public int failAbandoned(LocalDateTime staleBefore, String errorCode) {
        return dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.STATUS, ImportStatus.FAILED)
                .set(IMPORT_RUN.ERROR_CODE, errorCode)
                .set(IMPORT_RUN.VERSION, IMPORT_RUN.VERSION.plus(1))
                .where(IMPORT_RUN.STATUS.in(ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.APPLYING))
                .and(DSL.coalesce(IMPORT_RUN.HEARTBEAT_AT, IMPORT_RUN.CREATED_AT)
                        .lt(staleBefore))
                .execute();
    }

    public Optional<ImportRun> find(long id) {
        return dsl.selectFrom(IMPORT_RUN).where(IMPORT_RUN.ID.eq(id)).fetchOptional(this::toRun);
    }

    public List<ImportRun> list(String startedBy, int offset, int limit) {
        return dsl.selectFrom(IMPORT_RUN)
                .where(byUser(startedBy))
                .orderBy(IMPORT_RUN.CREATED_AT.desc(), IMPORT_RUN.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(this::toRun);
    }

    public int count(String startedBy) {
        return dsl.fetchCount(IMPORT_RUN, byUser(startedBy));
    }

    private static Condition byUser(String startedBy) {
        return startedBy == null ? DSL.noCondition() : IMPORT_RUN.STARTED_BY.eq(startedBy);
    }

    public void deleteRows(long runId) {
        dsl.deleteFrom(IMPORT_ROW).where(IMPORT_ROW.RUN_ID.eq(runId)).execute();
    }

    public void insertRows(long runId, List<ImportRowResult> rows) {
        ROW_RESULTS.execute(
                dsl,
                rows.stream()
                        .map(row -> Arrays.<Object>asList(
                                runId,
                                row.rowNumber(),
                                row.outcome().name(),
                                truncate(row.entityKey(), 300),
                                row.entityId(),
                                row.changes().isEmpty()
                                                && row.problems().isEmpty()
                                                && row.keyFields().isEmpty()
                                        ? null
                                        : write(new RowDetail(row.changes(), row.problems(), row.keyFields()))))
                        .toList());
    }

    public List<ImportRowResult> rows(long runId, RowOutcome outcome, int offset, int limit) {
        return dsl.selectFrom(IMPORT_ROW)
                .where(rowFilter(runId, outcome))
                .orderBy(IMPORT_ROW.ROW_NO)
                .limit(limit)
                .offset(offset)
                .fetch(r -> {
                    RowDetail detail = r.getDetailJson() == null
                            ? new RowDetail(List.of(), List.of(), List.of())
                            : read(r.getDetailJson(), RowDetail.class);
                    return new ImportRowResult(
                            r.getRowNo(),
                            RowOutcome.valueOf(r.getOutcome()),
                            r.getEntityKey(),
                            r.getEntityId(),
                            detail.changes(),
                            detail.problems(),
                            detail.keyFields());
                });
    }

    public int countRows(long runId, RowOutcome outcome) {
        return dsl.fetchCount(IMPORT_ROW, rowFilter(runId, outcome));
    }

    private static Condition rowFilter(long runId, RowOutcome outcome) {
        Condition condition = IMPORT_ROW.RUN_ID.eq(runId);
        return outcome == null ? condition : condition.and(IMPORT_ROW.OUTCOME.eq(outcome.name()));
    }

    public Optional<ColumnMapping> savedMapping(ImportKind kind, String signature) {
        return dsl.select(IMPORT_MAPPING.MAPPING_JSON)
                .from(IMPORT_MAPPING)
                .where(IMPORT_MAPPING.KIND.eq(kind.name()).and(IMPORT_MAPPING.HEADER_SIGNATURE.eq(signature)))
                .fetchOptional(r -> read(r.get(IMPORT_MAPPING.MAPPING_JSON), MappingJson.class)
                        .toMapping());
    }

    public Optional<String> savedMappingName(ImportKind kind, String signature) {
        return dsl.select(IMPORT_MAPPING.NAME)
                .from(IMPORT_MAPPING)
                .where(IMPORT_MAPPING.KIND.eq(kind.name()).and(IMPORT_MAPPING.HEADER_SIGNATURE.eq(signature)))
                .fetchOptional(IMPORT_MAPPING.NAME);
    }

    public void saveMapping(ImportKind kind, String name, ColumnMapping mapping, String by, LocalDateTime at) {
        String json = write(MappingJson.of(mapping));
        dsl.insertInto(IMPORT_MAPPING)
                .set(IMPORT_MAPPING.KIND, kind.name())
                .set(IMPORT_MAPPING.HEADER_SIGNATURE, mapping.signature())
                .set(IMPORT_MAPPING.NAME, truncate(name, 200))
                .set(IMPORT_MAPPING.MAPPING_JSON, json)
                .set(IMPORT_MAPPING.SAVED_BY, by)
                .set(IMPORT_MAPPING.SAVED_AT, at)
                .onDuplicateKeyUpdate()
                .set(IMPORT_MAPPING.NAME, truncate(name, 200))
                .set(IMPORT_MAPPING.MAPPING_JSON, json)
                .set(IMPORT_MAPPING.SAVED_BY, by)
                .set(IMPORT_MAPPING.SAVED_AT, at)
                .execute();
    }

    private ImportRun toRun(ImportRunRecord r) {
        return new ImportRun(
                r.getId(),
                ImportKind.valueOf(r.getKind()),
                r.getStatus(),
                r.getFileName(),
                r.getFileSha256(),
                r.getFileSize(),
                r.getFileFormat(),
                r.getFileDetails(),
                r.getMappingJson() == null
                        ? null
                        : read(r.getMappingJson(), MappingJson.class).toMapping(),
                r.getStartedBy(),
                Boolean.TRUE.equals(r.getViaApi()),
                r.getCreatedAt(),
                r.getPreviewedAt(),
                r.getAppliedAt(),
                new ImportCounts(
                        r.getRowsTotal(), r.getRowsNew(), r.getRowsChanged(), r.getRowsUnchanged(), r.getRowsError()),
                r.getErrorCode(),
                r.getErrorArgsJson() == null
                        ? List.of()
                        : read(r.getErrorArgsJson(), new TypeReference<List<Object>>() {}),
                r.getVersion());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
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

    /** A row's details as stored; rows written before key fields existed read with none. */
    record RowDetail(List<FieldChange> changes, List<FieldProblem> problems, List<RowField> keyFields) {}

    record MappingJson(int headerRow, List<String> headers, Map<String, Integer> columns) {

        static MappingJson of(ColumnMapping mapping) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            mapping.columns().forEach((field, column) -> columns.put(field.name(), column));
            return new MappingJson(mapping.headerRow(), mapping.headers(), columns);
        }

        ColumnMapping toMapping() {
            Map<ImportField, Integer> fields = new EnumMap<>(ImportField.class);
            columns.forEach((name, column) -> fields.put(ImportField.valueOf(name), column));
            return new ColumnMapping(headerRow, headers, fields);
        }
    }
}
