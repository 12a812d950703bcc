package jp.hoshimi.register.internal;

import static jp.hoshimi.db.Tables.APP_LEASE;
import static jp.hoshimi.db.Tables.REGISTER_CHANGE;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.REGISTER_STAGING;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.db.tables.records.RegisterChangeRecord;
import jp.hoshimi.db.tables.records.RegisterEntryRecord;
import jp.hoshimi.db.tables.records.RegisterSyncRunRecord;
import jp.hoshimi.register.RegisterChange;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.FeedEntry;
import jp.hoshimi.register.source.RegisterKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The register tables. The sync's comparison and apply are a handful of set-based statements over
 * {@code register_staging} (the parsed feed) and {@code register_entry}; no statement per entry.
 */
@Repository
public class RegisterRepository {

    private static final int STAGING_BATCH = 5000;

    private final DSLContext dsl;

    RegisterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- lease -----------------------------------------------------------------------------------

    /** Takes the named lease until {@code until} when it is free or expired; false when someone holds it. */
    public boolean acquireLease(String name, String holder, LocalDateTime now, LocalDateTime until) {
        return dsl.update(APP_LEASE)
                        .set(APP_LEASE.HOLDER, holder)
                        .set(APP_LEASE.EXPIRES_AT, until)
                        .where(APP_LEASE.NAME.eq(name))
                        .and(APP_LEASE.HOLDER.isNull().or(APP_LEASE.EXPIRES_AT.lt(now)))
                        .execute()
                == 1;
    }

    /** Extends a lease we still hold; false when it expired and someone else took it. */
    public boolean renewLease(String name, String holder, LocalDateTime now, LocalDateTime until) {
        return dsl.update(APP_LEASE)
                        .set(APP_LEASE.EXPIRES_AT, until)
                        .where(APP_LEASE.NAME.eq(name))
                        .and(APP_LEASE.HOLDER.eq(holder))
                        .and(APP_LEASE.EXPIRES_AT.ge(now))
                        .execute()
                == 1;
    }

    public void releaseLease(String name, String holder) {
        dsl.update(APP_LEASE)
                .set(APP_LEASE.HOLDER, (String) null)
                .set(APP_LEASE.EXPIRES_AT, (LocalDateTime) null)
                .where(APP_LEASE.NAME.eq(name).and(APP_LEASE.HOLDER.eq(holder)))
                .execute();
    }

    // --- runs ------------------------------------------------------------------------------------

    public long startRun(RegisterKind kind, String sourceId, SyncRun.Trigger trigger, String by, LocalDateTime at) {
        return dsl.insertInto(REGISTER_SYNC_RUN)
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

    public void finishRun(
            long runId,
            SyncRun.Outcome outcome,
            Integer total,
            int added,
            int changed,
            int removed,
            int unchanged,
            String errorCode,
            String errorDetail,
            LocalDateTime at) {
        dsl.update(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.OUTCOME, outcome.name())
                .set(REGISTER_SYNC_RUN.ENTRIES_TOTAL, total)
                .set(REGISTER_SYNC_RUN.ADDED, added)
                .set(REGISTER_SYNC_RUN.CHANGED, changed)
                .set(REGISTER_SYNC_RUN.REMOVED, removed)
                .set(REGISTER_SYNC_RUN.UNCHANGED, unchanged)
                .set(REGISTER_SYNC_RUN.ERROR_CODE, truncate(errorCode, 100))
                .set(REGISTER_SYNC_RUN.ERROR_DETAIL, truncate(errorDetail, 1000))
                .set(REGISTER_SYNC_RUN.FINISHED_AT, at)
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

    /** Writes parsed entries to the staging table in multi-row inserts; call {@link #flushStaging} at the end. */
    public final class StagingWriter {
        private final long runId;
        private final List<Object[]> rows = new java.util.ArrayList<>(STAGING_BATCH);

        StagingWriter(long runId) {
            this.runId = runId;
        }

        public void add(FeedEntry entry, String contentHash) {
            rows.add(new Object[] {
                runId,
                entry.corporateNumber(),
                truncate(entry.name(), 300),
                entry.level(),
                entry.registeredOn(),
                entry.validUntil(),
                entry.status(),
                truncate(entry.scope(), 1000),
                truncate(entry.assessmentBody(), 300),
                contentHash
            });
            if (rows.size() >= STAGING_BATCH) {
                flush();
            }
        }

        public void flush() {
            if (rows.isEmpty()) {
                return;
            }
            var insert = dsl.insertInto(
                    REGISTER_STAGING,
                    REGISTER_STAGING.SYNC_RUN_ID,
                    REGISTER_STAGING.CORPORATE_NUMBER,
                    REGISTER_STAGING.NAME,
                    REGISTER_STAGING.LEVEL,
                    REGISTER_STAGING.REGISTERED_ON,
                    REGISTER_STAGING.VALID_UNTIL,
                    REGISTER_STAGING.STATUS,
                    REGISTER_STAGING.SCOPE,
                    REGISTER_STAGING.ASSESSMENT_BODY,
                    REGISTER_STAGING.CONTENT_HASH);
            for (Object[] r : rows) {
                insert = insert.values(
                        (Long) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (java.time.LocalDate) r[4],
                        (java.time.LocalDate) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9]);
            }
            insert.execute();
            rows.clear();
        }
    }

    public StagingWriter stagingWriter(long runId) {
        return new StagingWriter(runId);
    }

    public void clearStaging(long runId) {
        dsl.deleteFrom(REGISTER_STAGING)
                .where(REGISTER_STAGING.SYNC_RUN_ID.eq(runId))
                .execute();
    }

    /** What applying the staged feed would do, counted before anything is written. */
    public record Difference(int total, int added, int changed, int removed, int activeBefore) {
        public int unchanged() {
            return total - added - changed;
        }
    }

    public Difference difference(long runId, RegisterKind kind) {
        int total = dsl.fetchCount(REGISTER_STAGING, REGISTER_STAGING.SYNC_RUN_ID.eq(runId));
        int added = count(
                "SELECT COUNT(*) FROM register_staging s LEFT JOIN register_entry e"
                        + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                        + " WHERE s.sync_run_id = ? AND (e.id IS NULL OR e.removed_at IS NOT NULL)",
                kind.name(),
                runId);
        int changed = count(
                "SELECT COUNT(*) FROM register_staging s JOIN register_entry e"
                        + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                        + " WHERE s.sync_run_id = ? AND e.removed_at IS NULL AND e.content_hash <> s.content_hash",
                kind.name(),
                runId);
        int removed = count(
                "SELECT COUNT(*) FROM register_entry e LEFT JOIN register_staging s"
                        + " ON s.sync_run_id = ? AND s.corporate_number = e.corporate_number"
                        + " WHERE e.kind = ? AND e.removed_at IS NULL AND s.corporate_number IS NULL",
                runId,
                kind.name());
        int active = dsl.fetchCount(
                REGISTER_ENTRY, REGISTER_ENTRY.KIND.eq(kind.name()).and(REGISTER_ENTRY.REMOVED_AT.isNull()));
        return new Difference(total, added, changed, removed, active);
    }

    private int count(String sql, Object... binds) {
        return dsl.fetchOne(sql, binds).get(0, Integer.class);
    }

    /**
     * Applies the staged feed: one {@code register_change} row per difference, then the entries
     * themselves. Call inside one transaction.
     */
    public void apply(long runId, RegisterKind kind, String sourceId, LocalDateTime now) {
        String k = kind.name();
        // new entries (also ones that come back after a removal)
        dsl.execute(
                "INSERT INTO register_change (sync_run_id, kind, corporate_number, name, change_type, new_level,"
                        + " new_valid_until, new_status, changed_at)"
                        + " SELECT ?, ?, s.corporate_number, s.name, 'NEW', s.level, s.valid_until, s.status, ?"
                        + " FROM register_staging s LEFT JOIN register_entry e"
                        + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                        + " WHERE s.sync_run_id = ? AND (e.id IS NULL OR e.removed_at IS NOT NULL)",
                runId,
                k,
                now,
                k,
                runId);
        change(runId, k, now, "LEVEL", "e.level <> s.level");
        change(runId, k, now, "VALIDITY", "NOT (e.valid_until <=> s.valid_until)");
        change(runId, k, now, "STATUS", "e.status <> s.status");
        dsl.execute(
                "INSERT INTO register_change (sync_run_id, kind, corporate_number, name, change_type, old_level,"
                        + " old_valid_until, old_status, changed_at)"
                        + " SELECT ?, ?, e.corporate_number, e.name, 'REMOVED', e.level, e.valid_until, e.status, ?"
                        + " FROM register_entry e LEFT JOIN register_staging s"
                        + " ON s.sync_run_id = ? AND s.corporate_number = e.corporate_number"
                        + " WHERE e.kind = ? AND e.removed_at IS NULL AND s.corporate_number IS NULL",
                runId,
                k,
                now,
                runId,
                k);
        // first_seen is assigned before removed_at so that it sees the old removed_at
        dsl.execute(
                "INSERT INTO register_entry (kind, corporate_number, name, level, registered_on, valid_until, status,"
                        + " scope, assessment_body, content_hash, source_id, first_seen, last_seen, removed_at)"
                        + " SELECT ?, s.corporate_number, s.name, s.level, s.registered_on, s.valid_until, s.status,"
                        + " s.scope, s.assessment_body, s.content_hash, ?, ?, ?, NULL"
                        + " FROM register_staging s LEFT JOIN register_entry e"
                        + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                        + " WHERE s.sync_run_id = ?"
                        + " AND (e.id IS NULL OR e.removed_at IS NOT NULL OR e.content_hash <> s.content_hash)"
                        + " ON DUPLICATE KEY UPDATE"
                        + " first_seen = IF(register_entry.removed_at IS NULL, register_entry.first_seen, VALUES(first_seen)),"
                        + " name = VALUES(name), level = VALUES(level), registered_on = VALUES(registered_on),"
                        + " valid_until = VALUES(valid_until), status = VALUES(status), scope = VALUES(scope),"
                        + " assessment_body = VALUES(assessment_body), content_hash = VALUES(content_hash),"
                        + " source_id = VALUES(source_id), last_seen = VALUES(last_seen), removed_at = NULL",
                k,
                sourceId,
                now,
                now,
                k,
                runId);
        dsl.execute(
                "UPDATE register_entry e LEFT JOIN register_staging s"
                        + " ON s.sync_run_id = ? AND s.corporate_number = e.corporate_number"
                        + " SET e.removed_at = ?"
                        + " WHERE e.kind = ? AND e.removed_at IS NULL AND s.corporate_number IS NULL",
                runId,
                now,
                k);
    }

    private void change(long runId, String kind, LocalDateTime now, String type, String differs) {
        dsl.execute(
                "INSERT INTO register_change (sync_run_id, kind, corporate_number, name, change_type, old_level,"
                        + " new_level, old_valid_until, new_valid_until, old_status, new_status, changed_at)"
                        + " SELECT ?, ?, s.corporate_number, s.name, '" + type + "', e.level, s.level, e.valid_until,"
                        + " s.valid_until, e.status, s.status, ?"
                        + " FROM register_staging s JOIN register_entry e"
                        + " ON e.kind = ? AND e.corporate_number = s.corporate_number"
                        + " WHERE s.sync_run_id = ? AND e.removed_at IS NULL AND " + differs,
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

    public Optional<RegisterEntry> entry(long id) {
        return dsl.selectFrom(REGISTER_ENTRY).where(REGISTER_ENTRY.ID.eq(id)).fetchOptional(this::toEntry);
    }

    public List<RegisterEntry> entriesOf(String corporateNumber) {
        return dsl.selectFrom(REGISTER_ENTRY)
                .where(REGISTER_ENTRY.CORPORATE_NUMBER.eq(corporateNumber))
                .orderBy(REGISTER_ENTRY.KIND)
                .fetch(this::toEntry);
    }

    public List<RegisterChange> changesOf(String corporateNumber, int limit) {
        return dsl.selectFrom(REGISTER_CHANGE)
                .where(REGISTER_CHANGE.CORPORATE_NUMBER.eq(corporateNumber))
                .orderBy(REGISTER_CHANGE.ID.desc())
                .limit(limit)
                .fetch(this::toChange);
    }

    public List<RegisterChange> changesOfRun(long runId, int offset, int limit) {
        return dsl.selectFrom(REGISTER_CHANGE)
                .where(REGISTER_CHANGE.SYNC_RUN_ID.eq(runId))
                .orderBy(REGISTER_CHANGE.ID)
                .limit(limit)
                .offset(offset)
                .fetch(this::toChange);
    }

    public int countChangesOfRun(long runId) {
        return dsl.fetchCount(REGISTER_CHANGE, REGISTER_CHANGE.SYNC_RUN_ID.eq(runId));
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
                r.getLevel(),
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
                r.getAttempts());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
