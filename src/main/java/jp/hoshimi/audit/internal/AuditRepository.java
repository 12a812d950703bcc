package jp.hoshimi.audit.internal;

import static jp.hoshimi.db.Tables.AUDIT_EVENT;

import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditEntry;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record8;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

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

    public List<AuditEntry> historyOf(String entityType, String entityId, int limit) {
        return select(AUDIT_EVENT.ENTITY_TYPE.eq(entityType).and(AUDIT_EVENT.ENTITY_ID.eq(entityId)), 0, limit);
    }

    public List<AuditEntry> list(String entityType, String actor, int offset, int limit) {
        return select(filter(entityType, actor), offset, limit);
    }

    public int count(String entityType, String actor) {
        return dsl.fetchCount(AUDIT_EVENT, filter(entityType, actor));
    }

    private static Condition filter(String entityType, String actor) {
        Condition condition = DSL.noCondition();
        if (entityType != null && !entityType.isBlank()) {
            condition = condition.and(AUDIT_EVENT.ENTITY_TYPE.eq(entityType));
        }
        if (actor != null && !actor.isBlank()) {
            condition = condition.and(AUDIT_EVENT.ACTOR.startsWith(actor.strip()));
        }
        return condition;
    }

    private List<AuditEntry> select(Condition condition, int offset, int limit) {
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
                .where(condition)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(AuditRepository::toEntry);
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
                r.value8());
    }
}
