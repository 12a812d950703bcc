package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT_TEST_MESSAGE;

import java.time.LocalDateTime;
import org.springframework.stereotype.Repository;

/** Test messages administrators sent (V24): the set-up checklist counts the ones that went through. */
@Repository
public class TestMessageRepository {

    private final org.jooq.DSLContext dsl;

    TestMessageRepository(org.jooq.DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(
            String channel, String recipient, boolean succeeded, String detail, String by, LocalDateTime at) {
        dsl.insertInto(ALERT_TEST_MESSAGE)
                .set(ALERT_TEST_MESSAGE.CHANNEL, channel)
                .set(ALERT_TEST_MESSAGE.RECIPIENT, recipient)
                .set(ALERT_TEST_MESSAGE.SUCCEEDED, succeeded)
                .set(
                        ALERT_TEST_MESSAGE.DETAIL,
                        detail == null ? null : detail.substring(0, Math.min(1000, detail.length())))
                .set(ALERT_TEST_MESSAGE.SENT_BY, by)
                .set(ALERT_TEST_MESSAGE.SENT_AT, at)
                .execute();
    }
}
