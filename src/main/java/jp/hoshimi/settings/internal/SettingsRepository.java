package jp.hoshimi.settings.internal;

import static jp.hoshimi.db.Tables.SETTING;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
public class SettingsRepository {

    public record Row(String value, int version) {}

    private final DSLContext dsl;

    SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Row> find(String key) {
        return dsl.select(SETTING.VALUE, SETTING.VERSION)
                .from(SETTING)
                .where(SETTING.SETTING_KEY.eq(key))
                .fetchOptional(Records.mapping(Row::new));
    }

    /** False when another node inserted it first (the primary key refuses the second). */
    public boolean insert(String key, String value, String actor, LocalDateTime now) {
        return dsl.insertInto(SETTING)
                        .set(SETTING.SETTING_KEY, key)
                        .set(SETTING.VALUE, value)
                        .set(SETTING.UPDATED_BY, actor)
                        .set(SETTING.UPDATED_AT, now)
                        .set(SETTING.VERSION, 0)
                        .onDuplicateKeyIgnore()
                        .execute()
                == 1;
    }

    public boolean update(String key, int version, String value, String actor, LocalDateTime now) {
        return dsl.update(SETTING)
                        .set(SETTING.VALUE, value)
                        .set(SETTING.UPDATED_BY, actor)
                        .set(SETTING.UPDATED_AT, now)
                        .set(SETTING.VERSION, SETTING.VERSION.plus(1))
                        .where(SETTING.SETTING_KEY.eq(key).and(SETTING.VERSION.eq(version)))
                        .execute()
                == 1;
    }
}
