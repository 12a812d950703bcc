package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT_PREFERENCE;
import static jp.hoshimi.db.Tables.ALERT_WEBHOOK;

import java.time.LocalDateTime;
import java.util.Optional;
import jp.hoshimi.alert.AlertPreferences;
import jp.hoshimi.alert.WebhookSettings;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** What people choose: each user's alert preferences, and the group's one webhook. Both versioned. */
@Repository
public class AlertSettingsRepository {

    private final DSLContext dsl;

    AlertSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<AlertPreferences> preferences(long userId) {
        var p = ALERT_PREFERENCE;
        return dsl.select(p.EMAIL_ENABLED, p.DAILY_DIGEST, p.LANGUAGE, p.VERSION)
                .from(p)
                .where(p.USER_ID.eq(userId))
                .fetchOptional(Records.mapping(AlertPreferences::new));
    }

    /** Saves if nobody saved since {@code version} (-1: never saved); false otherwise. */
    public boolean savePreferences(long userId, AlertPreferences prefs, LocalDateTime now) {
        var p = ALERT_PREFERENCE;
        if (prefs.version() < 0) {
            return dsl.insertInto(p, p.USER_ID, p.EMAIL_ENABLED, p.DAILY_DIGEST, p.LANGUAGE, p.UPDATED_AT)
                            .values(userId, prefs.emailEnabled(), prefs.dailyDigest(), prefs.language(), now)
                            .onDuplicateKeyIgnore()
                            .execute()
                    == 1;
        }
        return dsl.update(p)
                        .set(p.EMAIL_ENABLED, prefs.emailEnabled())
                        .set(p.DAILY_DIGEST, prefs.dailyDigest())
                        .set(p.LANGUAGE, prefs.language())
                        .set(p.UPDATED_AT, now)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.USER_ID.eq(userId))
                        .and(p.VERSION.eq(prefs.version()))
                        .execute()
                == 1;
    }

    public WebhookSettings webhook() {
        var w = ALERT_WEBHOOK;
        return dsl.select(w.URL, w.ENABLED, w.LANGUAGE, w.VERSION)
                .from(w)
                .where(w.ID.eq(Columns.WEBHOOK_ID))
                .fetchSingle(Records.mapping(WebhookSettings::new));
    }

    public boolean saveWebhook(WebhookSettings settings, String by, LocalDateTime now) {
        var w = ALERT_WEBHOOK;
        return dsl.update(w)
                        .set(w.URL, settings.url())
                        .set(w.ENABLED, settings.enabled())
                        .set(w.LANGUAGE, settings.language())
                        .set(w.UPDATED_BY, by)
                        .set(w.UPDATED_AT, now)
                        .set(w.VERSION, w.VERSION.plus(1))
                        .where(w.ID.eq(Columns.WEBHOOK_ID))
                        .and(w.VERSION.eq(settings.version()))
                        .execute()
                == 1;
    }
}
