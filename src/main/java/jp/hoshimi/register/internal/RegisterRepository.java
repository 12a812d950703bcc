package jp.hoshimi.register.internal;

import static jp.hoshimi.db.Tables.APP_LEASE;
import static jp.hoshimi.db.Tables.REGISTER_CHANGE;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.REGISTER_STAGING;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import jp.hoshimi.db.tables.records.RegisterChangeRecord;
import jp.hoshimi.db.tables.records.RegisterEntryRecord;
import jp.hoshimi.db.tables.records.RegisterSyncRunRecord;
import jp.hoshimi.register.RegisterChange;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RunOutcome;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.FeedEntry;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.Text;
import jp.hoshimi.shared.sql.PipedRows;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * The register tables. The sync's comparison and apply are a handful of set-based statements over
 * {@code register_staging} (the parsed feed) and {@code register_entry}; no statement per entry.
 */
@Repository
public class RegisterRepository {

    private static final int STAGING_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(RegisterRepository.class);

    private final AtomicBoolean localInfileRefusalLogged = new AtomicBoolean();

    private final DSLContext dsl;

    RegisterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- lease -----------------------------------------------------------------------------------

    /** What taking a lease found: whether we hold it now, and whose expired lease we took over (or null). */
    public record LeaseTaken(boolean held, String expiredHolder) {}

    /**
     * Takes the named lease until {@code until} when it is free or expired. Call inside a transaction: the
     * row is locked, so two nodes never both take it, and the caller can clean up after an expired holder
     * before anyone else can.
     */
    public LeaseTaken takeLease(String name, String holder, LocalDateTime now, LocalDateTime until) {
        var lease = dsl.select(APP_LEASE.HOLDER, APP_LEASE.EXPIRES_AT)
                .from(APP_LEASE)
                .where(APP_LEASE.NAME.eq(name))
                .forUpdate()
                .fetchOne();
        if (lease == null) {
            return new LeaseTaken(false, null);
        }
        String current = lease.get(APP_LEASE.HOLDER);
        LocalDateTime expiresAt = lease.get(APP_LEASE.EXPIRES_AT);
        boolean expired = expiresAt != null && expiresAt.isBefore(now);
        if (current != null && !expired && !current.equals(holder)) {
            return new LeaseTaken(false, null);
        }
        dsl.update(APP_LEASE)
                .set(APP_LEASE.HOLDER, holder)
                .set(APP_LEASE.EXPIRES_AT, until)
                .where(APP_LEASE.NAME.eq(name))
                .execute();
        return new LeaseTaken(true, current != null && expired && !current.equals(holder) ? current : null);
    }

    /**
     * Extends a lease we still hold; false when someone else has taken it. A lease that expired but that
     * nobody took is still ours (the row lock in a transaction makes this the fence before an apply).
     */
    public boolean renewLease(String name, String holder, LocalDateTime until) {
        return dsl.update(APP_LEASE)
                        .set(APP_LEASE.EXPIRES_AT, until)
                        .where(APP_LEASE.NAME.eq(name))
                        .and(APP_LEASE.HOLDER.eq(holder))
                        .execute()
                == 1;
    }

    /** The holder's runs are alive: their heartbeat moves on (the sign another node reads). */
    public void beat(String holder, LocalDateTime now) {
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.HEARTBEAT_AT, now)
                .where(REGISTER_SYNC_RUN.HOLDER.eq(holder))
                .and(REGISTER_SYNC_RUN.OUTCOME.eq(SyncRun.Outcome.RUNNING.name()))
                .execute();
    }

    /**
     * Marks INTERRUPTED the runs left RUNNING by a node that stopped: those of a holder whose lease expired,
     * and any whose heartbeat is older than {@code staleBefore}. Returns how many.
     */
    public int interruptAbandoned(String expiredHolder, LocalDateTime staleBefore, LocalDateTime now, String code) {
        Condition abandoned = DSL.coalesce(REGISTER_SYNC_RUN.HEARTBEAT_AT, REGISTER_SYNC_RUN.STARTED_AT)
                .lt(staleBefore);
        if (expiredHolder != null) {
            abandoned = abandoned.or(REGISTER_SYNC_RUN.HOLDER.eq(expiredHolder));
        }
        return dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.OUTCOME, SyncRun.Outcome.INTERRUPTED.name())
                .set(REGISTER_SYNC_RUN.ERROR_CODE, code)
                .set(REGISTER_SYNC_RUN.ERROR_DETAIL, DSL.coalesce(REGISTER_SYNC_RUN.HOLDER, DSL.inline("?")))
                .set(REGISTER_SYNC_RUN.FINISHED_AT, now)
                .where(REGISTER_SYNC_RUN.OUTCOME.eq(SyncRun.Outcome.RUNNING.name()))
                .and(abandoned)
                .execute();
    }

    public void releaseLease(String name, String holder) {
        dsl.update(APP_LEASE)
                .set(APP_LEASE.HOLDER, (String) null)
                .set(APP_LEASE.EXPIRES_AT, (LocalDateTime) null)
                .where(APP_LEASE.NAME.eq(name).and(APP_LEASE.HOLDER.eq(holder)))
                .execute();
    }

    // --- runs ------------------------------------------------------------------------------------

    public long startRun(
            RegisterKind kind, String sourceId, SyncRun.Trigger trigger, String by, String holder, LocalDateTime at) {
        return dsl.insertInto(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.HOLDER, holder)
                .set(REGISTER_SYNC_RUN.HEARTBEAT_AT, at)
                .set(REGISTER_SYNC_RUN.KIND, kind.name())
                .set(REGISTER_SYNC_RUN.SOURCE_ID, truncate(sourceId, 500))
                .set(REGISTER_SYNC_RUN.TRIGGER_TYPE, trigger.name())
                .set(REGISTER_SYNC_RUN.STARTED_BY, by)
                .set(REGISTER_SYNC_RUN.STARTED_AT, at)
                .set(REGISTER_SYNC_RUN.OUTCOME, SyncRun.Outcome.RUNNING.name())
                .returning(REGISTER_SYNC_RUN.ID)
                .fetchOne(REGISTER_SYNC_RUN.ID);
    }

    public void recordFetch(long runId, String etag, String lastModified, String sha256, Long bytes, int attempts) {
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.ETAG, truncate(etag, 300))
                .set(REGISTER_SYNC_RUN.LAST_MODIFIED, truncate(lastModified, 100))
                .set(REGISTER_SYNC_RUN.CONTENT_SHA256, sha256)
                .set(REGISTER_SYNC_RUN.BYTES, bytes)
                .set(REGISTER_SYNC_RUN.ATTEMPTS, attempts)
                .where(REGISTER_SYNC_RUN.ID.eq(runId))
                .execute();
    }

    /** How many requests a failed fetch made (its detail says "after N attempts"). */
    public void recordAttempts(long runId, int attempts) {
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.ATTEMPTS, attempts)
                .where(REGISTER_SYNC_RUN.ID.eq(runId))
                .execute();
    }

    /** Ends a run as {@code outcome} says. */
    public void finishRun(long runId, RunOutcome outcome, LocalDateTime at) {
        RunOutcome.Counts counts = outcome.counts();
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.OUTCOME, outcome.outcome().name())
                .set(REGISTER_SYNC_RUN.ENTRIES_TOTAL, counts.total())
                .set(REGISTER_SYNC_RUN.ADDED, counts.added())
                .set(REGISTER_SYNC_RUN.CHANGED, counts.changed())
                .set(REGISTER_SYNC_RUN.REMOVED, counts.removed())
                .set(REGISTER_SYNC_RUN.UNCHANGED, counts.unchanged())
                .set(REGISTER_SYNC_RUN.ERROR_CODE, truncate(outcome.errorCode(), 100))
                .set(REGISTER_SYNC_RUN.ERROR_DETAIL, truncate(outcome.errorDetail(), 1000))
                .set(REGISTER_SYNC_RUN.FINISHED_AT, at)
                .where(REGISTER_SYNC_RUN.ID.eq(runId))
                .execute();
    }

    /**
     * Keeps why a run failed as a text a screen can show in its reader's language; a text too long for the
     * column (a header of thousands of names) is left out, and the English detail stands.
     */
    public void recordFailureText(long runId, Text why) {
        String json = why.toJson();
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.ERROR_TEXT, json.length() <= 2000 ? json : null)
                .where(REGISTER_SYNC_RUN.ID.eq(runId))
                .execute();
    }

    public Optional<SyncRun> run(long id) {
        return dsl.selectFrom(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.ID.eq(id))
                .fetchOptional(this::toRun);
    }

    public List<SyncRun> runs(RegisterKind kind, int offset, int limit) {
        return dsl.selectFrom(REGISTER_SYNC_RUN)
                .where(kind == null ? DSL.noCondition() : REGISTER_SYNC_RUN.KIND.eq(kind.name()))
                .orderBy(REGISTER_SYNC_RUN.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(this::toRun);
    }

    public int countRuns(RegisterKind kind) {
        return dsl.fetchCount(
                REGISTER_SYNC_RUN, kind == null ? DSL.noCondition() : REGISTER_SYNC_RUN.KIND.eq(kind.name()));
    }

    /** The newest run that left the register current (applied, or nothing to apply). */
    public Optional<SyncRun> lastSuccessful(RegisterKind kind) {
        return dsl.selectFrom(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.KIND.eq(kind.name()))
                .and(REGISTER_SYNC_RUN.OUTCOME.in(
                        SyncRun.Outcome.SUCCEEDED.name(), SyncRun.Outcome.NOT_MODIFIED.name()))
                .orderBy(REGISTER_SYNC_RUN.FINISHED_AT.desc(), REGISTER_SYNC_RUN.ID.desc())
                .limit(1)
                .fetchOptional(this::toRun);
    }

    /** The newest run that fetched content (for conditional GET and the identical-body check). */
    public Optional<SyncRun> lastWithContent(RegisterKind kind, String sourceId) {
        return dsl.selectFrom(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.KIND.eq(kind.name()))
                .and(REGISTER_SYNC_RUN.SOURCE_ID.eq(sourceId))
                .and(REGISTER_SYNC_RUN.OUTCOME.in(
                        SyncRun.Outcome.SUCCEEDED.name(), SyncRun.Outcome.NOT_MODIFIED.name()))
                .and(REGISTER_SYNC_RUN.CONTENT_SHA256.isNotNull())
                .orderBy(REGISTER_SYNC_RUN.ID.desc())
                .limit(1)
                .fetchOptional(this::toRun);
    }

    // --- staging and the set-based apply ---------------------------------------------------------

    /**
     * The parsed feed's differences on their way into {@code register_staging}. Holds the content hash of
     * every active entry of the kind ({@link StoredHashes}); {@link #add} compares each parsed entry with
     * it and writes a NEW or CHANGED one to a tab-separated file, {@link #load} adds the stored entries the
     * feed did not name as REMOVED and loads the file with {@code LOAD DATA LOCAL INFILE} (one statement).
     * Where the server or the driver refuses LOCAL INFILE, the same rows go in as batched inserts.
     * {@link #close} deletes the file.
     */
    public final class Staging implements AutoCloseable {
        private final long runId;
        private final StoredHashes stored;
        private final StagingFile file;
        private int total;
        private int added;
        private int changed;

        Staging(long runId, RegisterKind kind, Path directory) {
            this.runId = runId;
            this.stored = storedHashes(kind);
            this.file = StagingFile.create(directory);
        }

        public void add(FeedEntry entry, String contentHash) {
            total++;
            switch (stored.compare(entry.corporateNumber(), contentHash)) {
                case NEW -> {
                    added++;
                    file.write(entry, contentHash, ChangeType.NEW.name());
                }
                case CHANGED -> {
                    changed++;
                    file.write(entry, contentHash, ChangeType.CHANGED.name());
                }
                case SAME -> {
                    // nothing to write: the stored entry stays as it is
                }
            }
        }

        /** Stages the removals and loads everything; returns what applying it will do. */
        public Difference load() {
            int[] removed = {0};
            stored.forEachUnseen(number -> {
                removed[0]++;
                file.writeRemoval(number, ChangeType.REMOVED.name());
            });
            file.finish();
            Integer loaded = dsl.connectionResult(this::loadLocal);
            if (loaded == null) {
                loaded = insertInBatches();
            }
            if (loaded != file.rows()) {
                throw new IllegalStateException("staging holds " + loaded + " rows of run " + runId + " where "
                        + file.rows() + " were written");
            }
            return new Difference(total, added, changed, removed[0], stored.size());
        }

        /** The rows loaded, or null when LOCAL INFILE is refused. */
        private Integer loadLocal(Connection connection) throws SQLException {
            String path = file.path()
                    .toAbsolutePath()
                    .toString()
                    .replace("\\", "\\\\")
                    .replace("'", "''");
            // the file is in LOAD DATA's default format (StagingFile): tabs, newlines, backslash escapes
            String sql = "LOAD DATA LOCAL INFILE '" + path + "' INTO TABLE register_staging CHARACTER SET utf8mb4 ("
                    + StagingFile.COLUMNS + ") SET sync_run_id = " + runId;
            try (Statement statement = connection.createStatement()) {
                int rows;
                try {
                    rows = statement.executeUpdate(sql);
                } catch (SQLException e) {
                    if (!isLocalInfileRefused(e)) {
                        throw e;
                    }
                    logRefusedOnce(e);
                    return null;
                }
                // LOCAL turns bad values into warnings instead of errors: none may pass unnoticed
                SQLWarning warning = statement.getWarnings();
                if (warning != null) {
                    throw new IllegalStateException(
                            "loading the staged feed of run " + runId + " warned: " + warning.getMessage());
                }
                return rows;
            }
        }

        private int insertInBatches() {
            String sql = "INSERT INTO register_staging (sync_run_id, " + StagingFile.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            List<Object[]> rows = new ArrayList<>(STAGING_BATCH);
            int[] inserted = {0};
            StagingFile.read(file.path(), fields -> {
                Object[] row = new Object[fields.length + 1];
                row[0] = runId;
                System.arraycopy(fields, 0, row, 1, fields.length);
                row[4] = fields[3] == null ? null : LocalDate.parse(fields[3]);
                row[5] = fields[4] == null ? null : LocalDate.parse(fields[4]);
                rows.add(row);
                if (rows.size() == STAGING_BATCH) {
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

    /**
     * Logged once a process: LOCAL INFILE is tried again on every sync, so allowing it later needs no restart.
     */
    private void logRefusedOnce(SQLException e) {
        if (localInfileRefusalLogged.compareAndSet(false, true)) {
            log.warn(
                    "The database refuses LOAD DATA LOCAL INFILE ({}); register syncs write their rows with batched"
                            + " inserts instead, several times slower for a large first load. Allowed by the server's"
                            + " local_infile and the driver's allowLocalInfile (both on by default).",
                    e.getMessage());
        }
    }

    /** Compares a run's parsed feed with the stored entries of {@code kind}, its file in {@code directory}. */
    public Staging staging(long runId, RegisterKind kind, Path directory) {
        return new Staging(runId, kind, directory);
    }

    /**
     * The active entries' content hashes. Plain JDBC with the number as a BIGINT and the hash as its 32
     * bytes: 200,000 rows through jOOQ records and hex strings took seconds on a busy machine.
     */
    private StoredHashes storedHashes(RegisterKind kind) {
        return dsl.connectionResult(connection -> {
            StoredHashes stored = new StoredHashes();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CAST(corporate_number AS UNSIGNED), UNHEX(content_hash) FROM register_entry"
                            + " WHERE kind = ? AND removed_at IS NULL")) {
                select.setString(1, kind.name());
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getLong(1), rows.getBytes(2));
                    }
                }
            }
            return stored.sort();
        });
    }

    // --- a kind's first load ----------------------------------------------------------------------

    /** A feed as a first load reads it: every entry, checked; throws on a bad one. */
    @FunctionalInterface
    public interface Feed {
        void each(Consumer<FeedEntry> entries);
    }

    /** Whether any entry of the kind is stored, removed ones included: if not, the next sync is its first load. */
    public boolean holdsAny(RegisterKind kind) {
        return dsl.fetchExists(dsl.selectOne().from(REGISTER_ENTRY).where(REGISTER_ENTRY.KIND.eq(kind.name())));
    }

    /**
     * A kind's very first load (docs/decisions/0044-register-first-load.md): there is nothing to compare with,
     * so the feed goes straight into {@code register_entry} — one {@code LOAD DATA LOCAL INFILE} whose rows are
     * made while the server reads them ({@code feed} parses on a thread of its own, this thread hashes and
     * formats, {@link PipedRows}), or batched inserts where LOCAL INFILE is refused — with the same columns the
     * staged apply writes ({@code first_seen_run_id} this run), and the run is marked as the initial load. No
     * staging, no change rows. Call inside one transaction, with the lease held: a feed that fails part-way
     * throws its failure after the rows it made reached the server, and the rollback leaves nothing of them.
     *
     * @param contentHash an entry's content hash, called on this thread only
     *
     * @return how many entries were loaded
     * @throws IllegalStateException when an entry of the kind is stored (not a first load), or the server
     *     warned about a row or loaded another number of rows than were made
     */
    public int loadFirst(
            long runId,
            RegisterKind kind,
            String sourceId,
            LocalDateTime now,
            Feed feed,
            Function<FeedEntry, String> contentHash) {
        if (holdsAny(kind)) {
            throw new IllegalStateException(
                    "the " + kind + " register holds entries: run " + runId + " is no first load");
        }
        int loaded = dsl.connectionResult(connection -> {
            Integer local = loadFirstLocal(connection, runId, kind, sourceId, now, feed, contentHash);
            return local != null
                    ? local
                    : insertFirstInBatches(connection, runId, kind, sourceId, now, feed, contentHash);
        });
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.INITIAL_LOAD, true)
                .where(REGISTER_SYNC_RUN.ID.eq(runId))
                .execute();
        return loaded;
    }

    /** The rows loaded, or null when LOCAL INFILE is refused (then no entry has been parsed yet). */
    private Integer loadFirstLocal(
            Connection connection,
            long runId,
            RegisterKind kind,
            String sourceId,
            LocalDateTime now,
            Feed feed,
            Function<FeedEntry, String> contentHash)
            throws SQLException {
        PipedRows<FeedEntry> rows = new PipedRows<>(
                "register-first-load-" + runId,
                feed::each,
                (entry, line) -> StagingFile.appendEntry(line, entry, contentHash.apply(entry))
                        .append('\n'));
        // the free-text source id goes in as a bound value, not into the statement's text
        try (PreparedStatement variables =
                connection.prepareStatement("SET @register_source_id = ?, @register_loaded_at = ?")) {
            variables.setString(1, truncate(sourceId, 500));
            variables.setObject(2, now);
            variables.execute();
        }
        // the file name is not read: the driver sends the stream it was handed
        String sql = "LOAD DATA LOCAL INFILE 'first-load.tsv' INTO TABLE register_entry CHARACTER SET utf8mb4 ("
                + StagingFile.ENTRY_COLUMNS + ") SET kind = '" + kind.name() + "',"
                + " source_id = @register_source_id, first_seen = @register_loaded_at,"
                + " last_seen = @register_loaded_at, removed_at = NULL, first_seen_run_id = " + runId;
        PipedRows.Loaded loaded = rows.load(connection, sql, e -> {
            boolean refused = isLocalInfileRefused(e);
            if (refused) {
                logRefusedOnce(e);
            }
            return refused;
        });
        if (loaded == null) {
            return null;
        }
        // the entries are parsed by the producer, hashed and formatted on the driver's thread
        log.info("First load of run {}: {}", runId, loaded.timings());
        // LOCAL turns bad values and duplicate keys into warnings instead of errors: none may pass unnoticed
        if (loaded.warning() != null) {
            throw new IllegalStateException("loading the first feed of run " + runId + " warned: "
                    + loaded.warning().getMessage());
        }
        if (loaded.countDiffers()) {
            throw new IllegalStateException("the first load of run " + runId + " stored " + loaded.count()
                    + " entries where " + loaded.made() + " were read");
        }
        return (int) loaded.count();
    }

    /** Where LOCAL INFILE is refused: the same rows as batched inserts, parsed on this thread. */
    private int insertFirstInBatches(
            Connection connection,
            long runId,
            RegisterKind kind,
            String sourceId,
            LocalDateTime now,
            Feed feed,
            Function<FeedEntry, String> contentHash)
            throws SQLException {
        String sql = "INSERT INTO register_entry (kind, " + StagingFile.ENTRY_COLUMNS
                + ", source_id, first_seen, last_seen, first_seen_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int[] rows = {0, 0}; // all, and those waiting in the batch
            feed.each(entry -> {
                try {
                    insert.setString(1, kind.name());
                    insert.setString(2, entry.corporateNumber());
                    insert.setString(3, truncate(entry.name(), 300));
                    insert.setString(4, entry.level());
                    insert.setObject(5, entry.registeredOn());
                    insert.setObject(6, entry.validUntil());
                    insert.setString(7, entry.status());
                    insert.setString(8, truncate(entry.scope(), 1000));
                    insert.setString(9, truncate(entry.assessmentBody(), 300));
                    insert.setString(10, contentHash.apply(entry));
                    insert.setString(11, truncate(sourceId, 500));
                    insert.setObject(12, now);
                    insert.setObject(13, now);
                    insert.setLong(14, runId);
                    insert.addBatch();
                    rows[0]++;
                    if (++rows[1] == STAGING_BATCH) {
                        insert.executeBatch();
                        rows[1] = 0;
                    }
                } catch (SQLException e) {
                    throw new DataAccessException("inserting the first feed of run " + runId + " failed", e);
                }
            });
            if (rows[1] > 0) {
                insert.executeBatch();
            }
            return rows[0];
        }
    }

    /** MariaDB's "not allowed with this version" (local_infile off) and "local infile disabled" (client). */
    private static boolean isLocalInfileRefused(SQLException e) {
        return e.getErrorCode() == 1148
                || e.getErrorCode() == 4166
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("local infile");
    }

    public void clearStaging(long runId) {
        dsl.deleteFrom(REGISTER_STAGING)
                .where(REGISTER_STAGING.SYNC_RUN_ID.eq(runId))
                .execute();
    }

    /** The active entries of a kind. */
    public int countActive(RegisterKind kind) {
        return dsl.fetchCount(
                REGISTER_ENTRY, REGISTER_ENTRY.KIND.eq(kind.name()).and(REGISTER_ENTRY.REMOVED_AT.isNull()));
    }

    /** What a staged row is: a new entry (also one that comes back after a removal), a changed one, a removal. */
    enum ChangeType {
        NEW,
        CHANGED,
        REMOVED
    }

    /** What applying the staged feed would do, counted before anything is written. */
    public record Difference(int total, int added, int changed, int removed, int activeBefore) {
        public int unchanged() {
            return total - added - changed;
        }

        /** The figures a run records. */
        public RunOutcome.Counts counts() {
            return new RunOutcome.Counts(total, added, changed, removed, unchanged());
        }
    }

    /** The difference of a run staged earlier (one waiting for confirmation); {@code total}: its feed's entries. */
    public Difference stagedDifference(long runId, RegisterKind kind, int total) {
        int added = 0;
        int changed = 0;
        int removed = 0;
        Field<Integer> rows = DSL.count();
        for (var row : dsl.select(REGISTER_STAGING.CHANGE_TYPE, rows)
                .from(REGISTER_STAGING)
                .where(REGISTER_STAGING.SYNC_RUN_ID.eq(runId))
                .groupBy(REGISTER_STAGING.CHANGE_TYPE)
                .fetch()) {
            int count = row.get(rows);
            switch (ChangeType.valueOf(row.get(REGISTER_STAGING.CHANGE_TYPE))) {
                case NEW -> added = count;
                case CHANGED -> changed = count;
                case REMOVED -> removed = count;
            }
        }
        return new Difference(total, added, changed, removed, countActive(kind));
    }

    /** Whether a run of the kind after {@code runId} has applied a feed (so that run's comparison is out of date). */
    public boolean appliedSince(long runId, RegisterKind kind) {
        return dsl.fetchExists(dsl.selectOne()
                .from(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.KIND.eq(kind.name()))
                .and(REGISTER_SYNC_RUN.ID.gt(runId))
                .and(REGISTER_SYNC_RUN.OUTCOME.eq(SyncRun.Outcome.SUCCEEDED.name())));
    }

    /**
     * Applies the staged differences: one {@code register_change} row per difference, then the entries
     * themselves. Only the staged rows are read (a few thousand on an ordinary day); statements with
     * nothing to do are skipped. Call inside one transaction, with the lease held since the comparison.
     * A kind's very first load (no entry of the kind stored yet, removed ones included) writes no NEW
     * change rows: the run is marked as the initial load, and each entry remembers the run that first saw
     * it ({@code first_seen_run_id}), where its history starts.
     *
     * @return whether this was the kind's initial load
     */
    public boolean apply(long runId, RegisterKind kind, String sourceId, LocalDateTime now, Difference difference) {
        String k = kind.name();
        // the kind's very first load is one event on the run, not a change per entry (issue 17)
        boolean initialLoad = difference.added() > 0
                && !dsl.fetchExists(dsl.selectOne().from(REGISTER_ENTRY).where(REGISTER_ENTRY.KIND.eq(k)));
        if (initialLoad) {
            dsl.update(REGISTER_SYNC_RUN)
                    .set(REGISTER_SYNC_RUN.INITIAL_LOAD, true)
                    .where(REGISTER_SYNC_RUN.ID.eq(runId))
                    .execute();
        } else if (difference.added() > 0) {
            dsl.execute(
                    "INSERT INTO register_change (sync_run_id, kind, corporate_number, name, change_type, new_level,"
                            + " new_valid_until, new_status, changed_at)"
                            + " SELECT ?, ?, s.corporate_number, s.name, 'NEW', s.level, s.valid_until, s.status, ?"
                            + " FROM register_staging s WHERE s.sync_run_id = ? AND s.change_type = 'NEW'",
                    runId,
                    k,
                    now,
                    runId);
        }
        if (difference.changed() > 0) {
            change(runId, k, now, "LEVEL", "e.level <> s.level");
            change(runId, k, now, "VALIDITY", "NOT (e.valid_until <=> s.valid_until)");
            change(runId, k, now, "STATUS", "e.status <> s.status");
        }
        if (difference.removed() > 0) {
            dsl.execute(
                    "INSERT INTO register_change (sync_run_id, kind, corporate_number, name, change_type, old_level,"
                            + " old_valid_until, old_status, changed_at)"
                            + " SELECT ?, ?, e.corporate_number, e.name, 'REMOVED', e.level, e.valid_until, e.status, ?"
                            + " FROM register_staging s JOIN register_entry e"
                            + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                            + " WHERE s.sync_run_id = ? AND s.change_type = 'REMOVED' AND e.removed_at IS NULL",
                    runId,
                    k,
                    now,
                    k,
                    runId);
        }
        if (difference.added() + difference.changed() > 0) {
            // first_seen is assigned before removed_at so that it sees the old removed_at
            dsl.execute(
                    "INSERT INTO register_entry (kind, corporate_number, name, level, registered_on, valid_until,"
                            + " status, scope, assessment_body, content_hash, source_id, first_seen, last_seen,"
                            + " removed_at, first_seen_run_id)"
                            + " SELECT ?, s.corporate_number, s.name, s.level, s.registered_on, s.valid_until, s.status,"
                            + " s.scope, s.assessment_body, s.content_hash, ?, ?, ?, NULL, ?"
                            + " FROM register_staging s WHERE s.sync_run_id = ? AND s.change_type IN ('NEW', 'CHANGED')"
                            + " ON DUPLICATE KEY UPDATE"
                            + " first_seen = IF(register_entry.removed_at IS NULL, register_entry.first_seen,"
                            + " VALUES(first_seen)),"
                            + " name = VALUES(name), level = VALUES(level), registered_on = VALUES(registered_on),"
                            + " valid_until = VALUES(valid_until), status = VALUES(status), scope = VALUES(scope),"
                            + " assessment_body = VALUES(assessment_body), content_hash = VALUES(content_hash),"
                            + " source_id = VALUES(source_id), last_seen = VALUES(last_seen), removed_at = NULL,"
                            + " first_seen_run_id = COALESCE(register_entry.first_seen_run_id, VALUES(first_seen_run_id))",
                    k,
                    sourceId,
                    now,
                    now,
                    runId,
                    runId);
        }
        if (difference.removed() > 0) {
            dsl.execute(
                    "UPDATE register_entry e JOIN register_staging s"
                            + " ON s.sync_run_id = ? AND s.change_type = 'REMOVED' AND s.corporate_number = e.corporate_number"
                            + " SET e.removed_at = ?"
                            + " WHERE e.kind = ? AND e.removed_at IS NULL",
                    runId,
                    now,
                    k);
        }
        return initialLoad;
    }

    private void change(long runId, String kind, LocalDateTime now, String type, String differs) {
        dsl.execute(
                "INSERT INTO register_change (sync_run_id, kind, corporate_number, name, change_type, old_level,"
                        + " new_level, old_valid_until, new_valid_until, old_status, new_status, changed_at)"
                        + " SELECT ?, ?, s.corporate_number, s.name, '" + type + "', e.level, s.level, e.valid_until,"
                        + " s.valid_until, e.status, s.status, ?"
                        + " FROM register_staging s JOIN register_entry e"
                        + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                        + " WHERE s.sync_run_id = ? AND s.change_type = 'CHANGED' AND e.removed_at IS NULL AND "
                        + differs,
                runId,
                kind,
                now,
                kind,
                runId);
    }

    /** Forgets everything of one kind (tests, and an administrator starting a register afresh). */
    public void clearAllOf(RegisterKind kind) {
        dsl.deleteFrom(REGISTER_CHANGE)
                .where(REGISTER_CHANGE.KIND.eq(kind.name()))
                .execute();
        dsl.deleteFrom(REGISTER_ENTRY)
                .where(REGISTER_ENTRY.KIND.eq(kind.name()))
                .execute();
        dsl.execute(
                "DELETE FROM register_staging WHERE sync_run_id IN (SELECT id FROM register_sync_run WHERE kind = ?)",
                kind.name());
        dsl.deleteFrom(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.KIND.eq(kind.name()))
                .execute();
    }

    // --- reading ---------------------------------------------------------------------------------

    public List<RegisterEntry> entries(RegisterKind kind, String text, boolean includeRemoved, int offset, int limit) {
        return dsl.selectFrom(REGISTER_ENTRY)
                .where(entryFilter(kind, text, includeRemoved))
                .orderBy(REGISTER_ENTRY.CORPORATE_NUMBER, REGISTER_ENTRY.KIND)
                .limit(limit)
                .offset(offset)
                .fetch(this::toEntry);
    }

    public int countEntries(RegisterKind kind, String text, boolean includeRemoved) {
        return dsl.fetchCount(REGISTER_ENTRY, entryFilter(kind, text, includeRemoved));
    }

    private static Condition entryFilter(RegisterKind kind, String text, boolean includeRemoved) {
        Condition condition = kind == null ? DSL.noCondition() : REGISTER_ENTRY.KIND.eq(kind.name());
        if (!includeRemoved) {
            condition = condition.and(REGISTER_ENTRY.REMOVED_AT.isNull());
        }
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            condition = condition.and(
                    t.matches("\\d{1,13}")
                            ? REGISTER_ENTRY.CORPORATE_NUMBER.startsWith(t)
                            : REGISTER_ENTRY.NAME.contains(t));
        }
        return condition;
    }

    public List<RegisterEntry> entriesOf(String corporateNumber) {
        return dsl.selectFrom(REGISTER_ENTRY)
                .where(REGISTER_ENTRY.CORPORATE_NUMBER.eq(corporateNumber))
                .orderBy(REGISTER_ENTRY.KIND)
                .fetch(this::toEntry);
    }

    /**
     * A company's changes, newest first, down to where each of its entries' history starts: for an entry
     * that came with its kind's initial load, that load (no change row was written for it).
     */
    public List<RegisterChange> changesOf(String corporateNumber, int limit) {
        List<RegisterChange> changes = new ArrayList<>(dsl.selectFrom(REGISTER_CHANGE)
                .where(REGISTER_CHANGE.CORPORATE_NUMBER.eq(corporateNumber))
                .orderBy(REGISTER_CHANGE.ID.desc())
                .limit(limit)
                .fetch(this::toChange));
        changes.addAll(dsl.select(
                        REGISTER_SYNC_RUN.ID,
                        REGISTER_ENTRY.KIND,
                        REGISTER_ENTRY.NAME,
                        REGISTER_SYNC_RUN.FINISHED_AT,
                        REGISTER_SYNC_RUN.STARTED_AT)
                .from(REGISTER_ENTRY)
                .join(REGISTER_SYNC_RUN)
                .on(REGISTER_SYNC_RUN.ID.eq(REGISTER_ENTRY.FIRST_SEEN_RUN_ID))
                .where(REGISTER_ENTRY.CORPORATE_NUMBER.eq(corporateNumber))
                .and(REGISTER_SYNC_RUN.INITIAL_LOAD.isTrue())
                .fetch(Records.mapping((runId, kind, name, finishedAt, startedAt) -> new RegisterChange(
                        0,
                        runId,
                        RegisterKind.valueOf(kind),
                        corporateNumber,
                        name,
                        RegisterChange.Type.INITIAL_LOAD,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        finishedAt == null ? startedAt : finishedAt))));
        // stable: of one moment, the change rows (newest first) stay before the load they follow
        changes.sort(java.util.Comparator.comparing(RegisterChange::changedAt).reversed());
        return changes;
    }

    public List<RegisterChange> changesOfRun(long runId, int offset, int limit) {
        return dsl.selectFrom(REGISTER_CHANGE)
                .where(REGISTER_CHANGE.SYNC_RUN_ID.eq(runId))
                .orderBy(REGISTER_CHANGE.ID)
                .limit(limit)
                .offset(offset)
                .fetch(this::toChange);
    }

    /** The newest changes first, over all runs. */
    public List<RegisterChange> recentChanges(int offset, int limit) {
        return dsl.selectFrom(REGISTER_CHANGE)
                .orderBy(REGISTER_CHANGE.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(this::toChange);
    }

    public int countChanges() {
        return dsl.fetchCount(REGISTER_CHANGE);
    }

    private RegisterEntry toEntry(RegisterEntryRecord r) {
        return new RegisterEntry(
                r.getId(),
                RegisterKind.valueOf(r.getKind()),
                r.getCorporateNumber(),
                r.getName(),
                r.getLevel().name(), // the API shows the level as the register's text
                r.getRegisteredOn(),
                r.getValidUntil(),
                r.getStatus(),
                r.getScope(),
                r.getAssessmentBody(),
                r.getSourceId(),
                r.getFirstSeen(),
                r.getLastSeen(),
                r.getRemovedAt());
    }

    private RegisterChange toChange(RegisterChangeRecord r) {
        return new RegisterChange(
                r.getId(),
                r.getSyncRunId(),
                RegisterKind.valueOf(r.getKind()),
                r.getCorporateNumber(),
                r.getName(),
                RegisterChange.Type.valueOf(r.getChangeType()),
                r.getOldLevel(),
                r.getNewLevel(),
                r.getOldValidUntil(),
                r.getNewValidUntil(),
                r.getOldStatus(),
                r.getNewStatus(),
                r.getChangedAt());
    }

    private SyncRun toRun(RegisterSyncRunRecord r) {
        return new SyncRun(
                r.getId(),
                RegisterKind.valueOf(r.getKind()),
                r.getSourceId(),
                SyncRun.Trigger.valueOf(r.getTriggerType()),
                r.getStartedBy(),
                r.getStartedAt(),
                r.getFinishedAt(),
                SyncRun.Outcome.valueOf(r.getOutcome()),
                r.getEntriesTotal(),
                r.getAdded(),
                r.getChanged(),
                r.getRemoved(),
                r.getUnchanged(),
                r.getErrorCode(),
                r.getErrorDetail(),
                r.getEtag(),
                r.getLastModified(),
                r.getContentSha256(),
                r.getBytes(),
                r.getAttempts(),
                r.getEvaluatedAt(),
                Boolean.TRUE.equals(r.getInitialLoad()),
                Text.fromJson(r.getErrorText()));
    }

    /** The re-evaluation that follows a run has completed (issue 18: clients wait for this, not the run). */
    /**
     * Runs of other holders that ended with data to evaluate (SUCCEEDED, NOT_MODIFIED) after {@code since} but
     * whose re-evaluation never completed: their node stopped between the apply and the end of the evaluation.
     */
    public List<SyncRun> unevaluatedRuns(String exceptHolder, LocalDateTime since) {
        return dsl.selectFrom(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.OUTCOME.in(
                        SyncRun.Outcome.SUCCEEDED.name(), SyncRun.Outcome.NOT_MODIFIED.name()))
                .and(REGISTER_SYNC_RUN.EVALUATED_AT.isNull())
                .and(REGISTER_SYNC_RUN.FINISHED_AT.gt(since))
                .and(REGISTER_SYNC_RUN.HOLDER.isNull().or(REGISTER_SYNC_RUN.HOLDER.ne(exceptHolder)))
                .orderBy(REGISTER_SYNC_RUN.ID)
                .fetch(this::toRun);
    }

    public void markEvaluated(long runId, LocalDateTime at) {
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.EVALUATED_AT, at)
                .where(REGISTER_SYNC_RUN.ID.eq(runId))
                .execute();
    }

    private static String truncate(String text, int max) {
        return StagingFile.truncate(text, max);
    }
}
