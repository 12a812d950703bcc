package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_NOTIFICATION;
import static jp.hoshimi.db.Tables.ALERT_NOTIFICATION_CONTRACT;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.hoshimi.alert.AlertContract;
import jp.hoshimi.alert.Notification;
import jp.hoshimi.shared.sql.InBatches;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The in-app notification centre: one row per alert and person told, with the contracts they may see. */
@Repository
public class NotificationRepository {

    private final DSLContext dsl;
    private final AlertContracts contracts;

    NotificationRepository(DSLContext dsl, AlertContracts contracts) {
        this.dsl = dsl;
        this.contracts = contracts;
    }

    /** (alert id, user id) pairs; a pair already there stays as it is (read or not). */
    public void insertNotifications(List<long[]> pairs, LocalDateTime now) {
        var n = ALERT_NOTIFICATION;
        for (List<long[]> chunk : InBatches.of(pairs)) {
            var insert = dsl.insertInto(n, n.ALERT_ID, n.USER_ID, n.CREATED_AT);
            for (long[] pair : chunk) {
                insert = insert.values(pair[0], pair[1], now);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /** (alert id, user id, contract id): which contracts of an alert a person told may see. */
    public void insertNotificationContracts(List<long[]> rows) {
        var n = ALERT_NOTIFICATION_CONTRACT;
        for (List<long[]> chunk : InBatches.of(rows)) {
            var insert = dsl.insertInto(n, n.ALERT_ID, n.USER_ID, n.CONTRACT_ID);
            for (long[] row : chunk) {
                insert = insert.values(row[0], row[1], row[2]);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    public List<Notification> notifications(long userId, boolean unreadOnly, int offset, int limit) {
        var n = ALERT_NOTIFICATION;
        List<Notification> rows = dsl.select(AlertRows.columnsAnd(n.READ_AT))
                .from(n)
                .join(ALERT)
                .on(ALERT.ID.eq(n.ALERT_ID))
                .where(filter(userId, unreadOnly))
                .orderBy(n.ALERT_ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Notification(AlertRows.toAlert(r), r.get(n.READ_AT)));
        Map<Long, List<AlertContract>> visible =
                contracts.of(rows.stream().map(row -> row.alert().id()).toList(), userId);
        return rows.stream()
                .map(row -> new Notification(
                        row.alert()
                                .withContracts(visible.getOrDefault(row.alert().id(), List.of())),
                        row.readAt()))
                .toList();
    }

    public int countNotifications(long userId, boolean unreadOnly) {
        return dsl.fetchCount(ALERT_NOTIFICATION, filter(userId, unreadOnly));
    }

    private static Condition filter(long userId, boolean unreadOnly) {
        Condition mine = ALERT_NOTIFICATION.USER_ID.eq(userId);
        return unreadOnly ? mine.and(ALERT_NOTIFICATION.READ_AT.isNull()) : mine;
    }

    public int markRead(long userId, Long alertId, LocalDateTime now) {
        var n = ALERT_NOTIFICATION;
        return dsl.update(n)
                .set(n.READ_AT, now)
                .where(n.USER_ID.eq(userId))
                .and(alertId == null ? DSL.noCondition() : n.ALERT_ID.eq(alertId))
                .and(n.READ_AT.isNull())
                .execute();
    }
}
