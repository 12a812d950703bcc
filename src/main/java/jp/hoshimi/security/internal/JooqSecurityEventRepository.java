package jp.hoshimi.security.internal;

import static jp.hoshimi.db.Tables.SECURITY_EVENT;
import static jp.hoshimi.db.Tables.SIGN_IN_THROTTLE;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import jp.hoshimi.security.SecurityEvent;
import jp.hoshimi.security.SecurityEventKind;
import jp.hoshimi.security.SignInBlock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqSecurityEventRepository implements SecurityEventRepository {

    private final DSLContext dsl;

    JooqSecurityEventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<SignInBlock> activeBlocks(Collection<String> keys, LocalDateTime now) {
        return selectBlocks(SIGN_IN_THROTTLE.THROTTLE_KEY.in(keys).and(SIGN_IN_THROTTLE.BLOCKED_UNTIL.gt(now)))
                .fetch(Records.mapping(SignInBlock::new));
    }

    @Override
    public List<SignInBlock> activeBlocks(LocalDateTime now, int limit) {
        return selectBlocks(SIGN_IN_THROTTLE.BLOCKED_UNTIL.gt(now))
                .orderBy(SIGN_IN_THROTTLE.BLOCKED_UNTIL.desc())
                .limit(limit)
                .fetch(Records.mapping(SignInBlock::new));
    }

    private org.jooq.SelectConditionStep<org.jooq.Record4<String, Integer, LocalDateTime, Boolean>> selectBlocks(
            Condition condition) {
        return dsl.select(
                        SIGN_IN_THROTTLE.THROTTLE_KEY,
                        SIGN_IN_THROTTLE.FAILURES,
                        SIGN_IN_THROTTLE.BLOCKED_UNTIL,
                        SIGN_IN_THROTTLE.LOCKED)
                .from(SIGN_IN_THROTTLE)
                .where(condition);
    }

    @Override
    public ThrottleRow lockRow(String key, LocalDateTime now) {
        dsl.insertInto(SIGN_IN_THROTTLE)
                .set(SIGN_IN_THROTTLE.THROTTLE_KEY, key)
                .set(SIGN_IN_THROTTLE.FAILURES, 0)
                .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, now)
                .set(SIGN_IN_THROTTLE.LOCKED, false)
                .onDuplicateKeyIgnore()
                .execute();
        return dsl.select(
                        SIGN_IN_THROTTLE.FAILURES,
                        SIGN_IN_THROTTLE.LAST_FAILURE_AT,
                        SIGN_IN_THROTTLE.BLOCKED_UNTIL,
                        SIGN_IN_THROTTLE.LOCKED)
                .from(SIGN_IN_THROTTLE)
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                .forUpdate()
                .fetchSingle(Records.mapping(ThrottleRow::new));
    }

    @Override
    public void saveRow(
            String key, int failures, LocalDateTime lastFailureAt, LocalDateTime blockedUntil, boolean locked) {
        dsl.update(SIGN_IN_THROTTLE)
                .set(SIGN_IN_THROTTLE.FAILURES, failures)
                .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, lastFailureAt)
                .set(SIGN_IN_THROTTLE.BLOCKED_UNTIL, blockedUntil)
                .set(SIGN_IN_THROTTLE.LOCKED, locked)
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
    }

    @Override
    public boolean clear(String key) {
        return dsl.deleteFrom(SIGN_IN_THROTTLE)
                        .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                        .execute()
                > 0;
    }

    @Override
    public void insertEvent(
            LocalDateTime occurredAt, SecurityEventKind kind, String username, String clientAddress, String detail) {
        dsl.insertInto(SECURITY_EVENT)
                .set(SECURITY_EVENT.OCCURRED_AT, occurredAt)
                .set(SECURITY_EVENT.KIND, kind)
                .set(SECURITY_EVENT.USERNAME, username)
                .set(SECURITY_EVENT.CLIENT_ADDRESS, clientAddress)
                .set(SECURITY_EVENT.DETAIL, detail)
                .execute();
    }

    @Override
    public List<SecurityEvent> events(SecurityEventKind kind, int offset, int limit) {
        return dsl.select(
                        SECURITY_EVENT.ID,
                        SECURITY_EVENT.OCCURRED_AT,
                        SECURITY_EVENT.KIND,
                        SECURITY_EVENT.USERNAME,
                        SECURITY_EVENT.CLIENT_ADDRESS,
                        SECURITY_EVENT.DETAIL)
                .from(SECURITY_EVENT)
                .where(ofKind(kind))
                .orderBy(SECURITY_EVENT.OCCURRED_AT.desc(), SECURITY_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(SecurityEvent::new));
    }

    @Override
    public int countEvents(SecurityEventKind kind) {
        return dsl.fetchCount(SECURITY_EVENT, ofKind(kind));
    }

    private static Condition ofKind(SecurityEventKind kind) {
        return kind == null ? DSL.noCondition() : SECURITY_EVENT.KIND.eq(kind);
    }
}
