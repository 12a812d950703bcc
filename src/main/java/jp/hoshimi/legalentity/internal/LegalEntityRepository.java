package jp.hoshimi.legalentity.internal;

import static jp.hoshimi.db.Tables.LEGAL_ENTITY;
import static jp.hoshimi.db.Tables.LEGAL_ENTITY_CHANGE;
import static jp.hoshimi.db.Tables.LEGAL_ENTITY_NAME_FRAGMENT;
import static jp.hoshimi.db.Tables.LEGAL_ENTITY_RUN;
import static jp.hoshimi.db.Tables.LEGAL_ENTITY_SOURCE;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import jp.hoshimi.db.tables.records.LegalEntityRunRecord;
import jp.hoshimi.legalentity.CandidateScore;
import jp.hoshimi.legalentity.LegalEntity;
import jp.hoshimi.legalentity.LegalEntityChange;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.Outcome;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.LegalEntityRun.Trigger;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.legalentity.source.NtaFileRejectedException;
import jp.hoshimi.legalentity.source.NtaRow;
import jp.hoshimi.shared.sql.ClusterLock;
import jp.hoshimi.shared.sql.PipedRows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/** The NTA data: runs, staging with {@code LOAD DATA LOCAL INFILE} (batched inserts where refused), the set-based apply, reads. */
@Repository
public class LegalEntityRepository {

    private static final Logger log = LoggerFactory.getLogger(LegalEntityRepository.class);
    private static final int BATCH = 2_000;
    /** The {@code app_lease} row that applies of NTA files take in turn. */
    static final String APPLY_LOCK = "legal-entity-apply";

    /** The staged rows that become a corporation's state: per number its last row marked latest. */
    private static final String LATEST = " FROM legal_entity_staging s JOIN (SELECT corporate_number,"
            + " MAX(sequence_number) AS seq FROM legal_entity_staging WHERE run_id = ? AND latest = 1"
            + " GROUP BY corporate_number) m ON m.corporate_number = s.corporate_number AND m.seq = s.sequence_number"
            + " AND s.run_id = ? ";

    private static final String STORED = " LEFT JOIN legal_entity e ON e.corporate_number = s.corporate_number ";

    /** A stored state the staged row replaces: different, and not older (a late older file never undoes a newer one). */
    private static final String REPLACES = " e.corporate_number IS NOT NULL AND e.content_hash <> s.content_hash"
            + " AND s.update_date >= e.update_date ";

    private static final String HISTORY_COLUMNS = "corporate_number, sequence_number, process, correct, latest,"
            + " update_date, change_date, name, furigana, kind, prefecture_name, city_name, street_number,"
            + " address_outside, close_date, close_cause, successor_corporate_number, row_hash";

    private static final String HISTORY_SELECT = " SELECT ?, " + prefixed(HISTORY_COLUMNS);

    private static final String STATE_COLUMNS = "process, correct, update_date, change_date, name, name_normalized,"
            + " furigana, kind, prefecture_name, city_name, street_number, prefecture_code, city_code, post_code,"
            + " address_outside, close_date, close_cause, successor_corporate_number, change_cause, assignment_date,"
            + " en_name, hidden, content_hash";

    private final DSLContext dsl;
    private final AtomicBoolean localInfileRefusalLogged = new AtomicBoolean();

    LegalEntityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- runs ------------------------------------------------------------------------------------

    public long startRun(
            SourceType source,
            String fileName,
            FileKind kind,
            NtaEdition edition,
            String by,
            LocalDateTime at,
            Long bytes,
            Trigger trigger) {
        var r = LEGAL_ENTITY_RUN;
        return dsl.insertInto(r)
                .set(r.RUN_TRIGGER, trigger.name())
                .set(r.SOURCE_TYPE, source.name())
                .set(r.FILE_NAME, fileName.length() > 500 ? fileName.substring(0, 500) : fileName)
                .set(r.FILE_KIND, kind.name())
                .set(r.EDITION, edition.name())
                .set(r.STARTED_BY, by)
                .set(r.STARTED_AT, at)
                .set(r.OUTCOME, Outcome.RUNNING.name())
                .set(r.BYTES, bytes)
                .returningResult(r.ID)
                .fetchOne(r.ID);
    }

    public void succeedRun(long runId, long rowsRead, Counts counts, LocalDateTime at) {
        var r = LEGAL_ENTITY_RUN;
        dsl.update(r)
                .set(r.OUTCOME, Outcome.SUCCEEDED.name())
                .set(r.FINISHED_AT, at)
                .set(r.ROWS_READ, rowsRead)
                .set(r.ADDED, counts.added())
                .set(r.CHANGED, counts.changed())
                .set(r.UNCHANGED, counts.unchanged())
                .set(r.HISTORY_ROWS, counts.history())
                .where(r.ID.eq(runId))
                .execute();
    }

    /** A fetch that found nothing new: the file or mirror unchanged, or no change on the API's days. */
    public void finishUnchanged(long runId, LocalDateTime at) {
        var r = LEGAL_ENTITY_RUN;
        dsl.update(r)
                .set(r.OUTCOME, Outcome.UNCHANGED.name())
                .set(r.FINISHED_AT, at)
                .set(r.ROWS_READ, 0L)
                .where(r.ID.eq(runId))
                .execute();
    }

    public void recordBytes(long runId, long bytes) {
        dsl.update(LEGAL_ENTITY_RUN)
                .set(LEGAL_ENTITY_RUN.BYTES, bytes)
                .where(LEGAL_ENTITY_RUN.ID.eq(runId))
                .execute();
    }

    /** Runs a stopped node left RUNNING: their transaction never committed, so nothing of them is stored. */
    public int failAbandoned(LocalDateTime startedBefore, LocalDateTime at) {
        var r = LEGAL_ENTITY_RUN;
        return dsl.update(r)
                .set(r.OUTCOME, Outcome.FAILED.name())
                .set(r.FINISHED_AT, at)
                .set(r.ERROR_CODE, "INTERRUPTED")
                .where(r.OUTCOME.eq(Outcome.RUNNING.name()))
                .and(r.STARTED_AT.lt(startedBefore))
                .execute();
    }

    public void failRun(long runId, String errorCode, String errorArgs, LocalDateTime at) {
        var r = LEGAL_ENTITY_RUN;
        dsl.update(r)
                .set(r.OUTCOME, Outcome.FAILED.name())
                .set(r.FINISHED_AT, at)
                .set(r.ERROR_CODE, errorCode)
                .set(
                        r.ERROR_ARGS,
                        errorArgs == null || errorArgs.length() <= 1000 ? errorArgs : errorArgs.substring(0, 1000))
                .where(r.ID.eq(runId))
                .execute();
    }

    public List<LegalEntityRun> runs(int offset, int limit) {
        return dsl.selectFrom(LEGAL_ENTITY_RUN)
                .orderBy(LEGAL_ENTITY_RUN.STARTED_AT.desc(), LEGAL_ENTITY_RUN.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(LegalEntityRepository::toRun);
    }

    public int countRuns() {
        return dsl.fetchCount(LEGAL_ENTITY_RUN);
    }

    public Optional<LegalEntityRun> run(long id) {
        return dsl.selectFrom(LEGAL_ENTITY_RUN)
                .where(LEGAL_ENTITY_RUN.ID.eq(id))
                .fetchOptional(LegalEntityRepository::toRun);
    }

    /** The last successful run (of a kind, or any when null). */
    public Optional<LegalEntityRun> lastSuccess(FileKind kind) {
        var r = LEGAL_ENTITY_RUN;
        return dsl.selectFrom(r)
                .where(r.OUTCOME.eq(Outcome.SUCCEEDED.name()))
                .and(kind == null ? DSL.noCondition() : r.FILE_KIND.eq(kind.name()))
                .orderBy(r.FINISHED_AT.desc())
                .limit(1)
                .fetchOptional(LegalEntityRepository::toRun);
    }

    /** The last run that left the data current: loaded, or the source had nothing new. */
    public Optional<LegalEntityRun> lastCurrent() {
        var r = LEGAL_ENTITY_RUN;
        return dsl.selectFrom(r)
                .where(r.OUTCOME.in(Outcome.SUCCEEDED.name(), Outcome.UNCHANGED.name()))
                .orderBy(r.FINISHED_AT.desc())
                .limit(1)
                .fetchOptional(LegalEntityRepository::toRun);
    }

    private static LegalEntityRun toRun(LegalEntityRunRecord r) {
        return new LegalEntityRun(
                r.getId(),
                SourceType.valueOf(r.getSourceType()),
                r.getFileName(),
                FileKind.valueOf(r.getFileKind()),
                NtaEdition.valueOf(r.getEdition()),
                r.getStartedBy(),
                r.getStartedAt(),
                r.getFinishedAt(),
                Outcome.valueOf(r.getOutcome()),
                r.getRowsRead(),
                r.getAdded(),
                r.getChanged(),
                r.getUnchanged(),
                r.getHistoryRows(),
                r.getErrorCode(),
                r.getErrorArgs(),
                r.getBytes(),
                r.getRunTrigger() == null ? Trigger.UPLOAD : Trigger.valueOf(r.getRunTrigger()));
    }

    // --- the configured source -------------------------------------------------------------------

    /** The stored source, with its application id and how far its last applied fetch got. */
    public record StoredSource(
            SourceType type,
            String location,
            NtaEdition edition,
            String applicationId,
            String etag,
            String lastModified,
            java.time.LocalDate fetchedThrough,
            String updatedBy,
            LocalDateTime updatedAt,
            int version) {}

    public StoredSource source() {
        var s = LEGAL_ENTITY_SOURCE;
        return dsl.selectFrom(s)
                .where(s.ID.eq(1))
                .fetchOptional(r -> new StoredSource(
                        SourceType.valueOf(r.getSourceType()),
                        r.getLocation(),
                        NtaEdition.valueOf(r.getEdition()),
                        r.getApplicationId(),
                        r.getEtag(),
                        r.getLastModified(),
                        r.getFetchedThrough(),
                        r.getUpdatedBy(),
                        r.getUpdatedAt(),
                        r.getVersion()))
                .orElse(new StoredSource(
                        SourceType.NONE, null, NtaEdition.UNICODE, null, null, null, null, null, null, 0));
    }

    /**
     * Stores new settings if nobody saved since {@code version}; a new place starts from scratch (no
     * validators, no last day). A null application id keeps the stored one.
     *
     * @return false when the row was saved by someone else meanwhile
     */
    public boolean saveSource(
            SourceType type,
            String location,
            NtaEdition edition,
            String applicationId,
            String by,
            LocalDateTime at,
            int version) {
        var s = LEGAL_ENTITY_SOURCE;
        return dsl.update(s)
                        .set(s.SOURCE_TYPE, type.name())
                        .set(s.LOCATION, location)
                        .set(s.EDITION, edition.name())
                        .set(s.APPLICATION_ID, applicationId == null ? s.APPLICATION_ID : DSL.val(applicationId))
                        .set(
                                s.ETAG,
                                DSL.when(s.SOURCE_TYPE.eq(type.name()).and(s.LOCATION.eq(location)), s.ETAG)
                                        .otherwise(DSL.inline((String) null)))
                        .set(
                                s.LAST_MODIFIED,
                                DSL.when(s.SOURCE_TYPE.eq(type.name()).and(s.LOCATION.eq(location)), s.LAST_MODIFIED)
                                        .otherwise(DSL.inline((String) null)))
                        .set(s.UPDATED_BY, by)
                        .set(s.UPDATED_AT, at)
                        .set(s.VERSION, s.VERSION.plus(1))
                        .where(s.ID.eq(1))
                        .and(s.VERSION.eq(version))
                        .execute()
                == 1;
    }

    /** How far an applied fetch got; written in the transaction that applied it. */
    public void saveCursor(String etag, String lastModified, java.time.LocalDate fetchedThrough) {
        var s = LEGAL_ENTITY_SOURCE;
        dsl.update(s)
                .set(s.ETAG, etag)
                .set(s.LAST_MODIFIED, lastModified)
                .set(s.FETCHED_THROUGH, fetchedThrough)
                .where(s.ID.eq(1))
                .execute();
    }

    /** The newest update date stored: where a first Web-API fetch starts. */
    public Optional<java.time.LocalDate> newestUpdate() {
        return Optional.ofNullable(dsl.select(DSL.max(LEGAL_ENTITY.UPDATE_DATE))
                .from(LEGAL_ENTITY)
                .fetchOne(0, java.time.LocalDate.class));
    }

    // --- staging ---------------------------------------------------------------------------------

    /** A run's rows on their way into {@code legal_entity_staging}: written to a file, loaded in one statement. */
    public final class Staging implements AutoCloseable {
        private final long runId;
        private final StagingTsv file;

        Staging(long runId, Path directory) {
            this.runId = runId;
            this.file = new StagingTsv(directory);
        }

        public void add(NtaRow row) {
            file.write(row);
        }

        /** Loads everything written; returns the number of rows. */
        public long load() {
            file.finish();
            Long loaded = dsl.connectionResult(this::loadLocal);
            if (loaded == null) {
                loaded = insertInBatches();
            }
            if (loaded != file.rows()) {
                throw new IllegalStateException("staging holds " + loaded + " rows of run " + runId + " where "
                        + file.rows() + " were written");
            }
            return loaded;
        }

        private Long loadLocal(Connection connection) throws SQLException {
            String path = file.path()
                    .toAbsolutePath()
                    .toString()
                    .replace("\\", "\\\\")
                    .replace("'", "''");
            String sql = "LOAD DATA LOCAL INFILE '" + path + "' INTO TABLE legal_entity_staging CHARACTER SET utf8mb4 ("
                    + StagingTsv.COLUMNS + ") SET run_id = " + runId;
            try (Statement statement = connection.createStatement()) {
                long rows;
                try {
                    rows = statement.executeLargeUpdate(sql);
                } catch (SQLException e) {
                    if (!isLocalInfileRefused(e)) {
                        throw e;
                    }
                    logLocalInfileRefused(e);
                    return null;
                }
                // LOCAL turns bad values (and duplicate sequence numbers) into warnings: none may pass unnoticed
                SQLWarning warning = statement.getWarnings();
                if (warning != null) {
                    throw new IllegalStateException(
                            "loading the staged NTA file of run " + runId + " warned: " + warning.getMessage());
                }
                return rows;
            }
        }

        private long insertInBatches() {
            String marks = String.join(", ", java.util.Collections.nCopies(StagingTsv.FIELDS + 1, "?"));
            String sql = "INSERT INTO legal_entity_staging (run_id, " + StagingTsv.COLUMNS + ") VALUES (" + marks + ")";
            List<Object[]> rows = new ArrayList<>(BATCH);
            long[] inserted = {0};
            StagingTsv.read(file.path(), fields -> {
                Object[] row = new Object[fields.length + 1];
                row[0] = runId;
                System.arraycopy(fields, 0, row, 1, fields.length);
                rows.add(row);
                if (rows.size() == BATCH) {
                    inserted[0] += insert(sql, rows);
                }
            });
            return inserted[0] + insert(sql, rows);
        }

        private int insert(String sql, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return 0;
            }
            var batch = dsl.batch(sql);
            for (Object[] row : rows) {
                batch = batch.bind(row);
            }
            batch.execute();
            int count = rows.size();
            rows.clear();
            return count;
        }

        @Override
        public void close() {
            file.close();
        }
    }

    public Staging staging(long runId, Path directory) {
        return new Staging(runId, directory);
    }

    private static boolean isLocalInfileRefused(SQLException e) {
        return e.getErrorCode() == 1148
                || e.getErrorCode() == 4166
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("local infile");
    }

    public void clearStaging(long runId) {
        dsl.execute("DELETE FROM legal_entity_staging WHERE run_id = ?", runId);
    }

    // --- a very first full file straight into legal_entity (docs/decisions/0046) --------------------

    /** A staged line's columns as the first load reads them into {@code legal_entity}: the row's position, latest flag and row hash are not kept. */
    private static final String FIRST_LOAD_COLUMNS = StagingTsv.COLUMNS
            .replace("sequence_number", "@sequence_number")
            .replace(" latest,", " @latest,")
            .replace("row_hash", "@row_hash");

    /** The fields of a staged line ({@link StagingTsv.Format#values}) in {@link #STATE_COLUMNS} order. */
    private static final int[] STATE_FIELDS = {
        2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25
    };

    private static final java.util.regex.Pattern DUPLICATE_NUMBER =
            java.util.regex.Pattern.compile("Duplicate entry '(\\d{13})'");

    /**
     * A very first full file, nothing stored: its current rows go straight into {@code legal_entity} — one
     * {@code LOAD DATA LOCAL INFILE} on the transaction's connection whose rows are made while the server reads
     * them ({@code file} parses, checks, hashes and formats on a thread of its own, {@link PipedRows}) or, where
     * LOCAL INFILE is refused, batched inserts on this thread — with the values the
     * staged apply would write. No staging table, no compare, no history (the first full file is the baseline).
     * Call inside the applying transaction, with the apply lock held: a file that fails part-way throws its
     * failure after rows reached the server, and the rollback leaves nothing of them.
     *
     * @param file hands on every current row ({@code latest}) of the file, and throws on a bad one
     * @return the corporations stored
     * @throws NtaFileRejectedException when the file is refused, or names a corporation twice
     * @throws IllegalStateException when a corporation is stored (not a first file), or the server warned about
     *     a row or stored another number of rows than were made
     */
    public long loadFirst(long runId, PipedRows.Producer<NtaRow> file) {
        if (!holdsNoEntity()) {
            throw new IllegalStateException("corporations are stored: run " + runId + " is no first file");
        }
        try {
            return dsl.connectionResult(connection -> {
                Long local = loadFirstLocal(connection, runId, file);
                return local != null ? local : insertFirstInBatches(connection, runId, file);
            });
        } catch (RuntimeException e) {
            // the file's own reason, however the callback's exception was wrapped on the way out
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof NtaFileRejectedException rejected) {
                    throw rejected;
                }
            }
            throw e;
        }
    }

    /** The rows loaded, or null when LOCAL INFILE is refused (then no row has been parsed yet). */
    private Long loadFirstLocal(Connection connection, long runId, PipedRows.Producer<NtaRow> file)
            throws SQLException {
        // the parsing thread also hashes and formats (a normalised name, two SHA-256 a row): measured at
        // 1,000,000 rows, it waited 33 of its 52 s for the driver's thread, which spent 22 s formatting
        StagingTsv.Format format = new StagingTsv.Format();
        StringBuilder line = new StringBuilder(512);
        PipedRows<String> rows = new PipedRows<>(
                "nta-first-load-" + runId,
                lines -> file.produce(row -> {
                    line.setLength(0);
                    format.appendLine(row, line);
                    lines.accept(line.toString());
                }),
                (text, into) -> into.append(text));
        // the file name is not read: the driver sends the stream it was handed
        String sql = "LOAD DATA LOCAL INFILE 'nta-first-load.tsv' INTO TABLE legal_entity CHARACTER SET utf8mb4 ("
                + FIRST_LOAD_COLUMNS + ") SET last_run_id = " + runId;
        PipedRows.Loaded loaded = rows.load(connection, sql, e -> {
            boolean refused = isLocalInfileRefused(e);
            if (refused) {
                logLocalInfileRefused(e);
            }
            return refused;
        });
        if (loaded == null) {
            return null;
        }
        // the rows are parsed, checked, hashed and formatted by the producer; handed on by the driver's thread
        log.info("First NTA file of run {}: {}", runId, loaded.timings());
        if (loaded.warning() != null) {
            String message = loaded.warning().getMessage();
            throw refusedDuplicate(message)
                    .orElseThrow(() -> new IllegalStateException(
                            "loading the first NTA file of run " + runId + " warned: " + message));
        }
        if (loaded.countDiffers()) {
            throw new IllegalStateException("the first NTA file of run " + runId + " stored " + loaded.count()
                    + " corporations where " + loaded.made() + " rows were made");
        }
        return loaded.count();
    }

    /** Where LOCAL INFILE is refused: the same rows as batched inserts, parsed on this thread. */
    private long insertFirstInBatches(Connection connection, long runId, PipedRows.Producer<NtaRow> file)
            throws SQLException {
        StagingTsv.Format format = new StagingTsv.Format();
        String sql = "INSERT INTO legal_entity (corporate_number, " + STATE_COLUMNS + ", last_run_id) VALUES ("
                + marks(STATE_FIELDS.length + 2) + ")";
        try (java.sql.PreparedStatement insert = connection.prepareStatement(sql)) {
            long[] rows = {0, 0}; // all, and those waiting in the batch
            file.produce(row -> {
                String[] v = format.values(row);
                try {
                    insert.setString(1, v[1]);
                    for (int i = 0; i < STATE_FIELDS.length; i++) {
                        insert.setString(i + 2, v[STATE_FIELDS[i]]);
                    }
                    insert.setLong(STATE_FIELDS.length + 2, runId);
                    insert.addBatch();
                    rows[0]++;
                    if (++rows[1] == BATCH) {
                        insert.executeBatch();
                        rows[1] = 0;
                    }
                } catch (SQLException e) {
                    throw refusedDuplicate(String.valueOf(e.getMessage()))
                            .orElseThrow(() -> new org.jooq.exception.DataAccessException(
                                    "inserting the first NTA file of run " + runId + " failed", e));
                }
            });
            if (rows[1] > 0) {
                try {
                    insert.executeBatch();
                } catch (SQLException e) {
                    throw refusedDuplicate(String.valueOf(e.getMessage())).orElseThrow(() -> e);
                }
            }
            return rows[0];
        }
    }

    /** A duplicate key in {@code legal_entity}: the file names a corporation twice as its current state. */
    private static Optional<NtaFileRejectedException> refusedDuplicate(String message) {
        java.util.regex.Matcher m = DUPLICATE_NUMBER.matcher(message);
        return m.find()
                ? Optional.of(
                        new NtaFileRejectedException(NtaFileRejectedException.Reason.DUPLICATE_NUMBER, m.group(1)))
                : Optional.empty();
    }

    private void logLocalInfileRefused(SQLException e) {
        if (localInfileRefusalLogged.compareAndSet(false, true)) {
            log.warn(
                    "The database refuses LOAD DATA LOCAL INFILE ({}); NTA files are staged with batched"
                            + " inserts instead, several times slower for a full file.",
                    e.getMessage());
        }
    }

    // --- the set-based apply ---------------------------------------------------------------------

    /** What an apply did: corporations new and changed, staged states already current, history rows recorded. */
    public record Counts(long added, long changed, long unchanged, long history) {}

    /**
     * Applies a staged run in four statements: counts, history (a difference file's every row, a full file's
     * changed states; a row already recorded is skipped, so a file applied twice is recorded once), the
     * changed states, the new corporations. Call inside one transaction. When nothing is stored yet (the very
     * first file) there is nothing to compare: every staged state is inserted, counted by the insert itself.
     */
    public Counts apply(long runId, FileKind kind) {
        if (holdsNoEntity()) {
            long history = kind == FileKind.DIFF ? insertEveryStagedRowIntoHistory(runId) : 0;
            return new Counts(insertNewStates(runId), 0, 0, history);
        }
        long states = count("SELECT COUNT(*)" + LATEST, runId);
        long added = count("SELECT COUNT(*)" + LATEST + STORED + "WHERE e.corporate_number IS NULL", runId);
        long changed = count("SELECT COUNT(*)" + LATEST + STORED + "WHERE" + REPLACES, runId);
        long history = kind == FileKind.DIFF
                ? insertEveryStagedRowIntoHistory(runId)
                : dsl.execute(
                        "INSERT IGNORE INTO legal_entity_change (run_id, " + HISTORY_COLUMNS + ")" + HISTORY_SELECT
                                + LATEST + STORED + "WHERE" + REPLACES,
                        runId,
                        runId,
                        runId);
        dsl.execute(
                "UPDATE legal_entity e JOIN (SELECT s.*" + LATEST + ") s ON s.corporate_number = e.corporate_number"
                        + " SET " + assignments() + ", e.last_run_id = ? WHERE e.content_hash <> s.content_hash"
                        + " AND s.update_date >= e.update_date",
                runId,
                runId,
                runId);
        insertNewStates(runId);
        return new Counts(added, changed, states - added - changed, history);
    }

    /** A difference file's history: every row it brought (one already recorded is skipped). */
    private long insertEveryStagedRowIntoHistory(long runId) {
        return dsl.execute(
                "INSERT IGNORE INTO legal_entity_change (run_id, " + HISTORY_COLUMNS + ")" + HISTORY_SELECT
                        + " FROM legal_entity_staging s WHERE s.run_id = ?",
                runId,
                runId);
    }

    /** The staged states of corporations not stored yet; returns how many. */
    private long insertNewStates(long runId) {
        return dsl.execute(
                "INSERT IGNORE INTO legal_entity (corporate_number, " + STATE_COLUMNS + ", last_run_id) SELECT"
                        + " s.corporate_number, " + prefixed(STATE_COLUMNS) + ", ?" + LATEST,
                runId,
                runId,
                runId);
    }

    private long count(String sql, long runId) {
        Number value = (Number) dsl.fetchValue(sql, runId, runId);
        return value == null ? 0 : value.longValue();
    }

    private static String prefixed(String columns) {
        return java.util.Arrays.stream(columns.split(",\\s*"))
                .map(c -> "s." + c)
                .collect(Collectors.joining(", "));
    }

    private static String assignments() {
        return java.util.Arrays.stream(STATE_COLUMNS.split(",\\s*"))
                .map(c -> "e." + c + " = s." + c)
                .collect(Collectors.joining(", "));
    }

    // --- reads -----------------------------------------------------------------------------------

    public Optional<LegalEntity> entity(String corporateNumber) {
        return entities(List.of(corporateNumber)).values().stream().findFirst();
    }

    /** The stored corporations among these numbers, with their successors' names. */
    public Map<String, LegalEntity> entities(Collection<String> corporateNumbers) {
        if (corporateNumbers.isEmpty()) {
            return Map.of();
        }
        var e = LEGAL_ENTITY;
        var successor = LEGAL_ENTITY.as("successor");
        return dsl.select(e.fields())
                .select(successor.NAME)
                .from(e)
                .leftJoin(successor)
                .on(successor.CORPORATE_NUMBER.eq(e.SUCCESSOR_CORPORATE_NUMBER))
                .where(e.CORPORATE_NUMBER.in(corporateNumbers))
                .fetchMap(r -> r.get(e.CORPORATE_NUMBER), r -> toEntity(r, r.get(successor.NAME)));
    }

    static LegalEntity toEntity(Record r, String successorName) {
        var e = LEGAL_ENTITY;
        String address = java.util.stream.Stream.of(
                        r.get(e.PREFECTURE_NAME), r.get(e.CITY_NAME), r.get(e.STREET_NUMBER))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.joining());
        return new LegalEntity(
                r.get(e.CORPORATE_NUMBER),
                r.get(e.NAME),
                r.get(e.FURIGANA),
                r.get(e.KIND),
                r.get(e.PREFECTURE_NAME),
                r.get(e.PREFECTURE_CODE),
                domesticOrAbroad(address, r.get(e.ADDRESS_OUTSIDE)),
                r.get(e.PROCESS),
                Boolean.TRUE.equals(r.get(e.CORRECT)),
                r.get(e.CHANGE_DATE),
                r.get(e.UPDATE_DATE),
                r.get(e.CLOSE_DATE),
                r.get(e.CLOSE_CAUSE),
                r.get(e.SUCCESSOR_CORPORATE_NUMBER),
                successorName);
    }

    /** A registered address: the domestic one, or the one abroad when there is none (a foreign company's). */
    private static String domesticOrAbroad(String domestic, String abroad) {
        return domestic.isEmpty() ? abroad : domestic;
    }

    /** A corporation's applied rows, newest first. */
    public List<LegalEntityChange> changesOf(String corporateNumber, int limit) {
        var c = LEGAL_ENTITY_CHANGE;
        return dsl.selectFrom(c)
                .where(c.CORPORATE_NUMBER.eq(corporateNumber))
                .orderBy(c.UPDATE_DATE.desc(), c.RUN_ID.desc(), c.SEQUENCE_NUMBER.desc())
                .limit(limit)
                .fetch(r -> new LegalEntityChange(
                        r.getRunId(),
                        r.getProcess(),
                        Boolean.TRUE.equals(r.getCorrect()),
                        Boolean.TRUE.equals(r.getLatest()),
                        r.getChangeDate(),
                        r.getUpdateDate(),
                        r.getName(),
                        domesticOrAbroad(
                                java.util.stream.Stream.of(r.getPrefectureName(), r.getCityName(), r.getStreetNumber())
                                        .filter(java.util.Objects::nonNull)
                                        .collect(Collectors.joining()),
                                r.getAddressOutside()),
                        r.getCloseDate(),
                        r.getCloseCause(),
                        r.getSuccessorCorporateNumber()));
    }

    /**
     * Serialises applies across app and database nodes: a written lock row, held until the applying
     * transaction ends (docs/decisions/0042).
     */
    public void lockForApply() {
        ClusterLock.take(dsl, APPLY_LOCK);
    }

    /**
     * The suppliers a run may have changed the standing of: after a difference file, those whose number it
     * names; after a full file, every supplier with a number (one that is missing from it is now suspect).
     */
    public java.util.Set<Long> suppliersTouchedBy(long runId, FileKind kind) {
        String sql = kind == FileKind.FULL
                ? "SELECT id FROM supplier WHERE corporate_number IS NOT NULL"
                : "SELECT id FROM supplier WHERE corporate_number IN"
                        + " (SELECT corporate_number FROM legal_entity_staging WHERE run_id = " + runId + ")";
        return new java.util.HashSet<>(dsl.fetch(sql).getValues(0, Long.class));
    }

    /** At most this many corporations come from "contains" per search (see {@link #candidates}). */
    public static final int CONTAINED_CAP = 1_000;

    /**
     * Corporations whose normalised name equals, or whose reading equals, or whose normalised name contains
     * the given one, scored (see {@code CandidateScores}) and ordered best first, one page of them. Every
     * match is read through an index: the equalities through {@code ix_legal_entity_name} and
     * {@code ix_legal_entity_furigana}, "contains" through a prefix range of {@code legal_entity_name_fragment}
     * (V38). "Contains" brings at most {@value #CONTAINED_CAP} corporations (a name inside more companies'
     * names than that is no help in telling them apart); the equalities are never cut.
     */
    public List<jp.hoshimi.legalentity.LegalEntityCandidate> candidates(
            String normalizedName, String reading, String address, int offset, int limit) {
        var e = LEGAL_ENTITY;
        var successor = LEGAL_ENTITY.as("successor");
        var f = LEGAL_ENTITY_NAME_FRAGMENT;
        var x = LEGAL_ENTITY.as("x");
        org.jooq.Field<String> number = DSL.field(DSL.name("corporate_number"), String.class);
        org.jooq.Field<Integer> kind = DSL.field(DSL.name("match_kind"), Integer.class);
        org.jooq.Select<org.jooq.Record2<String, Integer>> found =
                dsl.select(e.CORPORATE_NUMBER, DSL.inline(0)).from(e).where(e.NAME_NORMALIZED.eq(normalizedName));
        if (reading != null) {
            found = found.unionAll(
                    dsl.select(e.CORPORATE_NUMBER, DSL.inline(1)).from(e).where(e.FURIGANA.eq(reading)));
        }
        if (normalizedName.codePointCount(0, normalizedName.length()) >= 2) {
            var contained = jp.hoshimi.shared.TextFragments.isExactLookup(normalizedName)
                    ? dsl.selectDistinct(f.CORPORATE_NUMBER, DSL.inline(2))
                            .from(f)
                            .where(f.FRAGMENT.startsWith(jp.hoshimi.shared.TextFragments.lookupPrefix(normalizedName)))
                    : dsl.selectDistinct(f.CORPORATE_NUMBER, DSL.inline(2))
                            .from(f)
                            .join(x)
                            .on(x.CORPORATE_NUMBER.eq(f.CORPORATE_NUMBER))
                            .where(f.FRAGMENT.startsWith(jp.hoshimi.shared.TextFragments.lookupPrefix(normalizedName)))
                            .and(x.NAME_NORMALIZED.contains(normalizedName));
            var capped = contained.limit(CONTAINED_CAP).asTable("contained", "corporate_number", "match_kind");
            found = found.unionAll(dsl.select(capped.field(0, String.class), capped.field(1, Integer.class))
                    .from(capped));
        }
        var matches = dsl.select(number, DSL.min(kind).as(kind))
                .from(found.asTable("found", "corporate_number", "match_kind"))
                .groupBy(number)
                .asTable("m");
        org.jooq.Field<Integer> matchKind = matches.field(kind);
        org.jooq.Condition closed = e.PROCESS
                .in(
                        jp.hoshimi.legalentity.source.NtaCodes.PROCESS_CLOSED,
                        jp.hoshimi.legalentity.source.NtaCodes.PROCESS_ABSORBED)
                .or(e.CLOSE_CAUSE.eq(jp.hoshimi.legalentity.source.NtaCodes.CLOSE_CAUSE_MERGED))
                .or(e.CLOSE_DATE.isNotNull());
        org.jooq.Condition samePrefecture = address == null || address.isBlank()
                ? DSL.falseCondition()
                : e.PREFECTURE_NAME
                        .isNotNull()
                        .and(e.PREFECTURE_NAME.ne(""))
                        .and(DSL.left(DSL.val(address), DSL.charLength(e.PREFECTURE_NAME))
                                .eq(e.PREFECTURE_NAME));
        org.jooq.Field<Integer> score = DSL.greatest(
                DSL.inline(0),
                DSL.when(matchKind.eq(0), DSL.inline(CandidateScore.EXACT))
                        .when(matchKind.eq(1), DSL.inline(CandidateScore.FURIGANA))
                        .otherwise(DSL.inline(CandidateScore.CONTAINED))
                        .plus(DSL.when(samePrefecture, DSL.inline(CandidateScore.SAME_PREFECTURE))
                                .otherwise(0))
                        .minus(DSL.when(closed, DSL.inline(CandidateScore.CLOSED))
                                .otherwise(0)));
        org.jooq.Field<Boolean> prefectureFlag = DSL.field(samePrefecture);
        return dsl.select(e.fields())
                .select(successor.NAME, matchKind, score.as("score"), prefectureFlag.as("same_prefecture"))
                .from(matches)
                .join(e)
                .on(e.CORPORATE_NUMBER.eq(matches.field(number)))
                .leftJoin(successor)
                .on(successor.CORPORATE_NUMBER.eq(e.SUCCESSOR_CORPORATE_NUMBER))
                .orderBy(DSL.field(DSL.name("score")).desc(), e.CORPORATE_NUMBER)
                .offset(Math.max(0, offset))
                .limit(limit)
                .fetch(r -> new jp.hoshimi.legalentity.LegalEntityCandidate(
                        toEntity(r, r.get(successor.NAME)),
                        Math.min(100, r.get("score", Integer.class)),
                        jp.hoshimi.legalentity.LegalEntityCandidate.Match.values()[r.get(matchKind)],
                        Boolean.TRUE.equals(r.get("same_prefecture", Boolean.class))));
    }

    /** The staged state gives the corporation another normalised name than the stored one. */
    private static final String RENAMES = " NOT (e.name_normalized <=> s.name_normalized) ";

    /**
     * Keeps the name fragments in step with a staged run, first step; called just before {@link #apply}, in the
     * applying transaction, then {@link #addNameFragments}. Only the corporations whose normalised name the run
     * changes are touched: the fragments of a stored name the run replaces are deleted by primary key (computed
     * from the stored name, so the fragment table is not scanned). A move, a closure or a row that changes
     * nothing touches no fragment, so a difference file costs what it renames, not what is stored
     * (docs/decisions/0041).
     */
    public void dropReplacedNameFragments(long runId) {
        // STRAIGHT_JOIN: the old fragments first, each deleted by primary key; left to itself the optimizer
        // scans every fragment and probes the old ones (EXPLAIN at 200,000 corporations: 1.9 s against 0.8 s)
        dsl.execute(
                "DELETE f FROM (SELECT " + fragment("e") + " AS fragment, e.corporate_number" + LATEST
                        + " JOIN legal_entity e ON e.corporate_number = s.corporate_number"
                        + " JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(e.name_normalized)"
                        + " WHERE" + REPLACES + "AND" + RENAMES + ") old"
                        + " STRAIGHT_JOIN legal_entity_name_fragment f"
                        + " ON f.fragment = old.fragment AND f.corporate_number = old.corporate_number",
                runId,
                runId);
    }

    /**
     * The second step (see {@link #dropReplacedNameFragments}), also before the apply: a new corporation's or a
     * renamed one's fragments, from its staged name, inserted in key order.
     */
    public void addNameFragments(long runId) {
        dsl.execute(
                "INSERT IGNORE INTO legal_entity_name_fragment (fragment, corporate_number)"
                        + " SELECT " + fragment("s") + " AS fragment, s.corporate_number"
                        + LATEST + STORED + " JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(s.name_normalized)"
                        + " WHERE e.corporate_number IS NULL OR (" + REPLACES + "AND" + RENAMES + ")"
                        + " ORDER BY fragment, s.corporate_number",
                runId,
                runId);
    }

    // --- the name index built after a very first file (docs/decisions/0046) -----------------------

    /** True when no corporation is stored: the next file is the very first. */
    public boolean holdsNoEntity() {
        return dsl.fetchOne("SELECT 1 FROM legal_entity LIMIT 1") == null;
    }

    /**
     * How far the name fragments of a very first file are built: pending until every corporation up to the
     * highest number has its fragments; {@code builtThrough} is the last number done.
     */
    public record NameIndexState(boolean pending, String builtThrough, long built, long total) {

        static final NameIndexState COMPLETE = new NameIndexState(false, null, 0, 0);
    }

    public NameIndexState nameIndex() {
        return nameIndex("");
    }

    private NameIndexState nameIndex(String lock) {
        Record r = dsl.fetchOne(
                "SELECT pending, built_through, built, total FROM legal_entity_name_index WHERE id = 1" + lock);
        return r == null
                ? NameIndexState.COMPLETE
                : new NameIndexState(
                        Boolean.TRUE.equals(r.get(0, Boolean.class)),
                        r.get(1, String.class),
                        r.get(2, Long.class),
                        r.get(3, Long.class));
    }

    /**
     * In the transaction that applies a very first file without fragments: every stored corporation's
     * fragments are still to build (any fragment left without its corporation goes first).
     */
    public void markNameIndexPending(long runId, long corporations, LocalDateTime at) {
        dsl.execute("DELETE FROM legal_entity_name_fragment");
        dsl.execute(
                "INSERT INTO legal_entity_name_index (id, pending, built_through, built, total, run_id, updated_at)"
                        + " VALUES (1, TRUE, NULL, 0, ?, ?, ?) ON DUPLICATE KEY UPDATE pending = TRUE,"
                        + " built_through = NULL, built = 0, total = VALUES(total), run_id = VALUES(run_id),"
                        + " updated_at = VALUES(updated_at)",
                corporations,
                runId,
                at);
    }

    /**
     * Builds the fragments of the next {@code chunk} corporations by number, after the last one built, and
     * records how far it got; the last chunk ends the build. Call in a transaction holding the apply lock
     * ({@link #lockForApply}), so no file renames a corporation between reading its name here and the commit.
     * A fragment already written (a file applied meanwhile wrote its new and renamed corporations' own) is left
     * to {@code INSERT IGNORE}. @return the state after the chunk
     */
    public NameIndexState buildNameFragments(int chunk, LocalDateTime at) {
        NameIndexState state = nameIndex(" FOR UPDATE");
        if (!state.pending()) {
            return state;
        }
        String after = state.builtThrough() == null ? "" : state.builtThrough();
        String upTo = dsl.fetchValue(
                                "SELECT corporate_number FROM legal_entity WHERE corporate_number > ? ORDER BY corporate_number"
                                        + " LIMIT 1 OFFSET " + (chunk - 1),
                                after)
                        instanceof String last
                ? last
                : null;
        String range = upTo == null ? "e.corporate_number > ?" : "e.corporate_number > ? AND e.corporate_number <= ?";
        Object[] bounds = upTo == null ? new Object[] {after} : new Object[] {after, upTo};
        long corporations = upTo == null
                ? ((Number) dsl.fetchValue("SELECT COUNT(*) FROM legal_entity e WHERE " + range, bounds)).longValue()
                : chunk;
        dsl.execute(
                "INSERT IGNORE INTO legal_entity_name_fragment (fragment, corporate_number) SELECT " + fragment("e")
                        + " AS fragment, e.corporate_number FROM legal_entity e"
                        + " JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(e.name_normalized) WHERE " + range
                        + " ORDER BY fragment, e.corporate_number",
                bounds);
        long built = state.built() + corporations;
        boolean pending = upTo != null;
        long total = pending ? Math.max(state.total(), built) : built;
        dsl.execute(
                "UPDATE legal_entity_name_index SET pending = ?, built_through = ?, built = ?, total = ?,"
                        + " updated_at = ? WHERE id = 1",
                pending,
                pending ? upTo : null,
                built,
                total,
                at);
        return new NameIndexState(pending, pending ? upTo : null, built, total);
    }

    /**
     * The fragment of a normalised name at position {@code q.seq}, typed as the fragment column is: cut to 8
     * characters and binary. Sorting the 300-character expression instead made the sort of a first load's
     * fragments spill with 1 KB keys (300,000 corporations: 63.7 s with DISTINCT, 13.9 s like this; duplicates
     * are left to INSERT IGNORE and the primary key).
     */
    private static String fragment(String table) {
        return "CAST(SUBSTRING(" + table + ".name_normalized, q.seq, 8) AS CHAR(8) CHARACTER SET utf8mb4)"
                + " COLLATE utf8mb4_bin";
    }

    /**
     * A watched supplier whose company a staged run renames (process 11) or moves (12 at home, 13 abroad), with
     * the name or address before and after and its contract owners.
     */
    public record ChangedSupplier(
            long supplierId,
            String supplierName,
            String corporateNumber,
            String process,
            String before,
            String after,
            java.time.LocalDate changeDate,
            java.util.Set<Long> owners) {

        public boolean renamed() {
            return jp.hoshimi.legalentity.source.NtaCodes.PROCESS_RENAMED.equals(process);
        }
    }

    /** A registered address as one text: the domestic one, or the one abroad when there is none. */
    private static String address(String table) {
        return "COALESCE(NULLIF(CONCAT_WS('', " + table + ".prefecture_name, " + table + ".city_name, " + table
                + ".street_number), ''), " + table + ".address_outside, '')";
    }

    /**
     * Before a staged run is applied: the suppliers whose company it renames or moves — the state it will store
     * for the number is a name change (process 11) to a name other than the stored one, or an address change
     * (12, 13) to an address other than the stored one, not older than the stored state — with the owners of
     * the contracts the supplier is on (as the contract's supplier or in its chain). A correction that restores
     * the stored name or address, or a file applied twice, changes nothing: nothing then. Nor does a correction
     * (the correct flag) of an address the stored state already has from a change of the same kind, unless the
     * run also brings that change itself: the move was told when it came, the correction is no new move.
     */
    public List<ChangedSupplier> changedSuppliers(long runId) {
        String before = address("e");
        String after = address("s");
        var rows = dsl.fetch(
                "SELECT sup.id, sup.name, s.corporate_number, s.process,"
                        + " CASE WHEN s.process = ? THEN e.name ELSE " + before + " END,"
                        + " CASE WHEN s.process = ? THEN s.name ELSE " + after + " END, s.change_date" + LATEST
                        + " JOIN legal_entity e ON e.corporate_number = s.corporate_number"
                        + " JOIN supplier sup ON sup.corporate_number = s.corporate_number"
                        + " WHERE s.update_date >= e.update_date AND ((s.process = ? AND s.name <> e.name)"
                        + " OR (s.process IN (?, ?) AND " + after + " <> " + before
                        + " AND NOT (s.correct = 1 AND e.process = s.process AND NOT EXISTS (SELECT 1"
                        + " FROM legal_entity_staging o WHERE o.run_id = s.run_id"
                        + " AND o.corporate_number = s.corporate_number AND o.process = s.process"
                        + " AND o.correct = 0))))"
                        + " ORDER BY sup.id",
                jp.hoshimi.legalentity.source.NtaCodes.PROCESS_RENAMED,
                jp.hoshimi.legalentity.source.NtaCodes.PROCESS_RENAMED,
                runId,
                runId,
                jp.hoshimi.legalentity.source.NtaCodes.PROCESS_RENAMED,
                jp.hoshimi.legalentity.source.NtaCodes.PROCESS_MOVED,
                jp.hoshimi.legalentity.source.NtaCodes.PROCESS_MOVED_ABROAD);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> suppliers = rows.getValues(0, Long.class);
        Map<Long, java.util.Set<Long>> owners = new java.util.HashMap<>();
        dsl.fetch(
                        "SELECT supplier_id, owner_user_id FROM contract WHERE owner_user_id IS NOT NULL AND supplier_id IN ("
                                + marks(suppliers.size()) + ") UNION SELECT l.child_supplier_id, c.owner_user_id"
                                + " FROM subcontracting_link l JOIN contract c ON c.id = l.contract_id"
                                + " WHERE c.owner_user_id IS NOT NULL AND l.child_supplier_id IN ("
                                + marks(suppliers.size()) + ")",
                        java.util.stream.Stream.concat(suppliers.stream(), suppliers.stream())
                                .toArray())
                .forEach(r -> owners.computeIfAbsent(r.get(0, Long.class), k -> new java.util.LinkedHashSet<>())
                        .add(r.get(1, Long.class)));
        return rows.map(r -> new ChangedSupplier(
                r.get(0, Long.class),
                r.get(1, String.class),
                r.get(2, String.class),
                r.get(3, String.class),
                r.get(4, String.class),
                r.get(5, String.class),
                r.get(6, java.time.LocalDate.class),
                owners.getOrDefault(r.get(0, Long.class), java.util.Set.of())));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
