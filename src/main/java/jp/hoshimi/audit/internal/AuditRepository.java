package jp.hoshimi.audit.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.AUDIT_CHAIN_HEAD;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditChainCheck;
import jp.hoshimi.audit.AuditChange;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record8;
import org.jooq.RecordMapper;
import org.jooq.Records;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    /** The audit log's dates are days in Japan; events are stored in UTC. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** The kinds of record an audited value can refer to by id. */
    public enum Referenced {
        SUPPLIER,
        ORG_UNIT,
        USER
    }

    /** The one row of audit_chain_head. */
    private static final int HEAD = 1;

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Appends an event to the hash chain. The chain head row is locked until the caller's transaction ends,
     * so events are chained in one order; the event gets the id after the head's (never an UPDATE of an
     * audit row: the application's database user may only INSERT and SELECT them, docs/security.md).
     */
    public void insert(
            LocalDateTime at,
            String actor,
            String entityType,
            String entityId,
            AuditAction action,
            String before,
            String after) {
        ChainHead head = lockHead();
        long id = head.nextId();
        LocalDateTime occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.hash(
                id, occurredAt, actor, entityType, entityId, action.name(), before, after, head.lastHash());
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ID, id)
                .set(AUDIT_EVENT.OCCURRED_AT, occurredAt)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, entityId)
                .set(AUDIT_EVENT.ACTION, action.name())
                .set(AUDIT_EVENT.BEFORE_JSON, before)
                .set(AUDIT_EVENT.AFTER_JSON, after)
                .set(AUDIT_EVENT.PREV_HASH, head.lastHash())
                .set(AUDIT_EVENT.HASH, hash)
                .execute();
        moveHead(id, hash);
    }

    /** The chain's end, locked until the caller's transaction ends; the next id follows the head's. */
    private record ChainHead(long nextId, String lastHash) {}

    private ChainHead lockHead() {
        var head = dsl.select(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(HEAD))
                .forUpdate()
                .fetchSingle();
        Long newest = dsl.select(DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        return new ChainHead(
                Math.max(head.get(AUDIT_CHAIN_HEAD.LAST_EVENT_ID), newest == null ? 0 : newest) + 1,
                head.get(AUDIT_CHAIN_HEAD.LAST_HASH));
    }

    private void moveHead(long lastEventId, String lastHash) {
        dsl.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, lastEventId)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, lastHash)
                .where(AUDIT_CHAIN_HEAD.ID.eq(HEAD))
                .execute();
    }

    /**
     * Recomputes the chain from the first event to the head as it was when the check began (events written
     * meanwhile are checked next time), page by page; stops at the first break. Call in one read-only
     * transaction, so every page reads the same snapshot.
     */
    public AuditChainCheck verifyChain(int pageSize) {
        var head = dsl.select(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(HEAD))
                .fetchSingle(Records.mapping(StoredHead::new));
        String previous = AuditChain.GENESIS;
        long lastId = 0;
        long checked = 0;
        while (true) {
            var page = dsl.select(
                            AUDIT_EVENT.ID,
                            AUDIT_EVENT.OCCURRED_AT,
                            AUDIT_EVENT.ACTOR,
                            AUDIT_EVENT.ENTITY_TYPE,
                            AUDIT_EVENT.ENTITY_ID,
                            AUDIT_EVENT.ACTION,
                            AUDIT_EVENT.BEFORE_JSON,
                            AUDIT_EVENT.AFTER_JSON,
                            AUDIT_EVENT.PREV_HASH,
                            AUDIT_EVENT.HASH)
                    .from(AUDIT_EVENT)
                    .where(AUDIT_EVENT.ID.gt(lastId))
                    .and(AUDIT_EVENT.ID.le(head.lastEventId()))
                    .orderBy(AUDIT_EVENT.ID)
                    .limit(pageSize)
                    .fetch(Records.mapping(StoredEvent::new));
            for (StoredEvent event : page) {
                checked++;
                if (!event.recomputedHash().equals(event.hash())) {
                    return new AuditChainCheck(checked, event.id(), AuditChainCheck.Break.EVENT_CHANGED);
                }
                if (!previous.equals(event.prevHash())) {
                    return new AuditChainCheck(checked, event.id(), AuditChainCheck.Break.EVENT_MISSING_BEFORE);
                }
                previous = event.hash();
                lastId = event.id();
            }
            if (page.size() < pageSize) {
                break;
            }
        }
        if (lastId != head.lastEventId() || !previous.equals(head.lastHash())) {
            return new AuditChainCheck(checked, lastId, AuditChainCheck.Break.EVENTS_MISSING_AT_END);
        }
        return AuditChainCheck.intact(checked);
    }

    private record StoredHead(long lastEventId, String lastHash) {}

    /** An event as stored, its action as text: the chain is checked over exactly what the table holds. */
    private record StoredEvent(
            long id,
            LocalDateTime occurredAt,
            String actor,
            String entityType,
            String entityId,
            String action,
            String before,
            String after,
            String prevHash,
            String hash) {

        String recomputedHash() {
            return AuditChain.hash(id, occurredAt, actor, entityType, entityId, action, before, after, prevHash);
        }
    }

    /** One event of {@link #insertAll}. */
    public record Row(String entityId, AuditAction action, String before, String after) {}

    /**
     * Many events of one actor and moment in one multi-row INSERT, appended to the hash chain like
     * {@link #insert}: the head row is locked, ids follow the head's, each event's hash takes the previous one.
     */
    public void insertAll(LocalDateTime at, String actor, String entityType, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ChainHead head = lockHead();
        LocalDateTime occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        var insert = dsl.insertInto(
                AUDIT_EVENT,
                AUDIT_EVENT.ID,
                AUDIT_EVENT.OCCURRED_AT,
                AUDIT_EVENT.ACTOR,
                AUDIT_EVENT.ENTITY_TYPE,
                AUDIT_EVENT.ENTITY_ID,
                AUDIT_EVENT.ACTION,
                AUDIT_EVENT.BEFORE_JSON,
                AUDIT_EVENT.AFTER_JSON,
                AUDIT_EVENT.PREV_HASH,
                AUDIT_EVENT.HASH);
        long id = head.nextId();
        String previous = head.lastHash();
        for (Row row : rows) {
            String hash = AuditChain.hash(
                    id,
                    occurredAt,
                    actor,
                    entityType,
                    row.entityId(),
                    row.action().name(),
                    row.before(),
                    row.after(),
                    previous);
            insert = insert.values(
                    id,
                    occurredAt,
                    actor,
                    entityType,
                    row.entityId(),
                    row.action().name(),
                    row.before(),
                    row.after(),
                    previous,
                    hash);
            previous = hash;
            id++;
        }
        insert.execute();
        moveHead(id - 1, previous);
    }

    public List<AuditEntry> historyOf(String entityType, String entityId, int limit) {
        return select(AUDIT_EVENT.ENTITY_TYPE.eq(entityType).and(AUDIT_EVENT.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(TO_ENTRY);
    }

    public List<AuditEntry> list(AuditFilter filter, int offset, int limit) {
        return select(filter(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(TO_ENTRY);
    }

    /**
     * The matching events newest first, handed over a page at a time (keyset paging, so a long export
     * neither holds all rows nor slows down with its offset).
     */
    public void stream(AuditFilter filter, int pageSize, int maxRows, Consumer<List<AuditEntry>> pages) {
        Condition base = filter(filter);
        Condition after = DSL.noCondition();
        for (int read = 0; read < maxRows; ) {
            List<AuditEntry> page = select(base.and(after))
                    .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                    .limit(Math.min(pageSize, maxRows - read))
                    .fetch(TO_ENTRY);
            if (page.isEmpty()) {
                return;
            }
            pages.accept(page);
            read += page.size();
            AuditEntry last = page.get(page.size() - 1);
            after = DSL.row(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID).lt(last.occurredAt(), last.id());
        }
    }

    public int count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, filter(filter));
    }

    /** The names of the referenced records that still exist, by id: one query per kind. */
    public Map<Long, String> names(Referenced kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        record Source(Table<?> table, Field<Long> id, Field<String> name) {}
        Source source = switch (kind) {
            case SUPPLIER -> new Source(SUPPLIER, SUPPLIER.ID, SUPPLIER.NAME);
            case ORG_UNIT -> new Source(ORG_UNIT, ORG_UNIT.ID, ORG_UNIT.NAME);
            case USER -> new Source(APP_USER, APP_USER.ID, APP_USER.DISPLAY_NAME);
        };
        return dsl.select(source.id(), source.name())
                .from(source.table())
                .where(source.id().in(ids))
                .fetchMap(source.id(), source.name());
    }

    private static Condition filter(AuditFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            condition = condition.and(AUDIT_EVENT.ENTITY_TYPE.eq(filter.entityType()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            condition =
                    condition.and(AUDIT_EVENT.ACTOR.startsWith(filter.actor().strip()));
        }
        if (filter.from() != null) {
            condition =
                    condition.and(AUDIT_EVENT.OCCURRED_AT.ge(utc(filter.from().atStartOfDay(JAPAN))));
        }
        if (filter.to() != null) {
            condition = condition.and(
                    AUDIT_EVENT.OCCURRED_AT.lt(utc(filter.to().plusDays(1).atStartOfDay(JAPAN))));
        }
        return condition;
    }

    private static LocalDateTime utc(java.time.ZonedDateTime at) {
        return at.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private SelectConditionStep<Record8<Long, LocalDateTime, String, String, String, AuditAction, String, String>>
            select(Condition condition) {
        return dsl.select(
                        AUDIT_EVENT.ID,
                        AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.ACTOR,
                        AUDIT_EVENT.ENTITY_TYPE,
                        AUDIT_EVENT.ENTITY_ID,
                        AUDIT_EVENT.ACTION.convertFrom(AuditAction::valueOf),
                        AUDIT_EVENT.BEFORE_JSON,
                        AUDIT_EVENT.AFTER_JSON)
                .from(AUDIT_EVENT)
                .where(condition);
    }

    private static final RecordMapper<
                    Record8<Long, LocalDateTime, String, String, String, AuditAction, String, String>, AuditEntry>
            TO_ENTRY = Records.mapping(
                    (id, occurredAt, actor, entityType, entityId, action, before, after) -> new AuditEntry(
                            id,
                            occurredAt,
                            actor,
                            entityType,
                            entityId,
                            action,
                            before,
                            after,
                            null,
                            AuditChange.between(before, after)));
}
