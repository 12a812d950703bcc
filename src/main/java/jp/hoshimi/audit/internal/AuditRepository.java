package jp.hoshimi.audit.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditChange;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record8;
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

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(
            LocalDateTime at,
            String actor,
            String entityType,
            String entityId,
            AuditAction action,
            String before,
            String after) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, entityId)
                .set(AUDIT_EVENT.ACTION, action.name())
                .set(AUDIT_EVENT.BEFORE_JSON, before)
                .set(AUDIT_EVENT.AFTER_JSON, after)
                .execute();
    }

    /** One event of {@link #insertAll}. */
    public record Row(String entityId, AuditAction action, String before, String after) {}

    /** Many events of one actor and moment in one multi-row INSERT. */
    public void insertAll(LocalDateTime at, String actor, String entityType, List<Row> rows) {
        var insert = dsl.insertInto(
                AUDIT_EVENT,
                AUDIT_EVENT.OCCURRED_AT,
                AUDIT_EVENT.ACTOR,
                AUDIT_EVENT.ENTITY_TYPE,
                AUDIT_EVENT.ENTITY_ID,
                AUDIT_EVENT.ACTION,
                AUDIT_EVENT.BEFORE_JSON,
                AUDIT_EVENT.AFTER_JSON);
        for (Row row : rows) {
            insert = insert.values(at, actor, entityType, row.entityId(), row.action().name(), row.before(), row.after());
        }
        insert.execute();
    }

    public List<AuditEntry> historyOf(String entityType, String entityId, int limit) {
        return select(AUDIT_EVENT.ENTITY_TYPE.eq(entityType).and(AUDIT_EVENT.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(AuditRepository::toEntry);
    }

    public List<AuditEntry> list(AuditFilter filter, int offset, int limit) {
        return select(filter(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(AuditRepository::toEntry);
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
                    .fetch(AuditRepository::toEntry);
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

    private SelectConditionStep<Record8<Long, LocalDateTime, String, String, String, String, String, String>> select(
            Condition condition) {
        return dsl.select(
                        AUDIT_EVENT.ID,
                        AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.ACTOR,
                        AUDIT_EVENT.ENTITY_TYPE,
                        AUDIT_EVENT.ENTITY_ID,
                        AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.BEFORE_JSON,
                        AUDIT_EVENT.AFTER_JSON)
                .from(AUDIT_EVENT)
                .where(condition);
    }

    private static AuditEntry toEntry(Record8<Long, LocalDateTime, String, String, String, String, String, String> r) {
        return new AuditEntry(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                AuditAction.valueOf(r.value6()),
                r.value7(),
                r.value8(),
                null,
                AuditChange.between(r.value7(), r.value8()));
    }
}
