package jp.hoshimi.setup.internal;

import static jp.hoshimi.db.Tables.ALERT_TEST_MESSAGE;
import static jp.hoshimi.db.Tables.ALERT_WEBHOOK;
import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ORG_UNIT;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.REGISTER_SOURCE;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;
import static jp.hoshimi.db.Tables.SUPPLIER;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The cheap counts the set-up checklist is made of: one small query each, no scans of big tables' rows. */
@Repository
public class SetupRepository {

    private final DSLContext dsl;

    SetupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The figures of a checklist, as seen by {@code username}; {@code initialAdmin} is not counted as a user. */
    public record Figures(
            int configuredSources,
            int successfulSyncs,
            int orgUnits,
            int otherUsers,
            int suppliers,
            int contracts,
            boolean webhookEnabled,
            int testMessagesDelivered,
            int ownUnits,
            boolean groupWide) {}

    public Figures figures(String username, String initialAdmin) {
        var me = dsl.select(APP_USER.ID, APP_USER.GROUP_WIDE)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional();
        long myId = me.map(r -> r.get(APP_USER.ID)).orElse(-1L);
        return new Figures(
                dsl.fetchCount(
                        REGISTER_SOURCE,
                        REGISTER_SOURCE.SOURCE_TYPE.ne("NONE").and(REGISTER_SOURCE.LOCATION.isNotNull())),
                dsl.fetchCount(REGISTER_SYNC_RUN, REGISTER_SYNC_RUN.OUTCOME.in("SUCCEEDED", "NOT_MODIFIED")),
                dsl.fetchCount(ORG_UNIT),
                dsl.fetchCount(APP_USER, APP_USER.USERNAME.ne(initialAdmin == null ? "" : initialAdmin)),
                dsl.fetchCount(SUPPLIER),
                dsl.fetchCount(CONTRACT),
                dsl.fetchExists(DSL.selectOne()
                        .from(ALERT_WEBHOOK)
                        .where(ALERT_WEBHOOK.ENABLED.isTrue())
                        .and(ALERT_WEBHOOK.URL.isNotNull())),
                dsl.fetchCount(ALERT_TEST_MESSAGE, ALERT_TEST_MESSAGE.SUCCEEDED.isTrue()),
                dsl.fetchCount(APP_USER_ORG_UNIT, APP_USER_ORG_UNIT.USER_ID.eq(myId)),
                me.map(r -> Boolean.TRUE.equals(r.get(APP_USER.GROUP_WIDE))).orElse(false));
    }
}
