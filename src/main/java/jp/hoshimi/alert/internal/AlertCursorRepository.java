package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT_CURSOR;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * How far the alerts have read the compliance events (alert_cursor, by id), and when the ★ register was
 * first synced: the events before that are findings for want of data, nobody to alert.
 */
@Repository
public class AlertCursorRepository {

    private final DSLContext dsl;

    AlertCursorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The cursor's position, row-locked until the transaction ends: one reader at a time in the cluster. */
    public long lock(String name) {
        return dsl.select(ALERT_CURSOR.LAST_ID)
                .from(ALERT_CURSOR)
                .where(ALERT_CURSOR.NAME.eq(name))
                .forUpdate()
                .fetchSingle(ALERT_CURSOR.LAST_ID);
    }

    public void move(String name, long lastId, LocalDateTime now) {
        dsl.update(ALERT_CURSOR)
                .set(ALERT_CURSOR.LAST_ID, lastId)
                .set(ALERT_CURSOR.UPDATED_AT, now)
                .where(ALERT_CURSOR.NAME.eq(name))
                .execute();
    }

    /** When the first successful sync of the ★ register finished; empty while there has been none. */
    public Optional<LocalDateTime> firstRegisterSync() {
        var r = REGISTER_SYNC_RUN;
        return Optional.ofNullable(dsl.select(DSL.min(r.FINISHED_AT))
                .from(r)
                .where(r.KIND.eq("STAR"))
                .and(r.OUTCOME.in("SUCCEEDED", "NOT_MODIFIED"))
                .fetchOne(0, LocalDateTime.class));
    }
}
