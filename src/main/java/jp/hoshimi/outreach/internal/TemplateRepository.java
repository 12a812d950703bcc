package jp.hoshimi.outreach.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.REQUEST_TEMPLATE;

import java.time.LocalDateTime;
import java.util.Optional;
import jp.hoshimi.outreach.GapType;
import jp.hoshimi.outreach.TemplateText;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The letter templates risk managers edited (V35); a missing row means the bundle's default. */
@Repository
public class TemplateRepository {

    private static final jp.hoshimi.db.tables.RequestTemplate T = REQUEST_TEMPLATE;

    private final DSLContext dsl;

    TemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<TemplateText> find(GapType gap, String language) {
        // who edited it by name (the row keeps the user name, as the audit log does)
        return dsl.select(T.BODY, T.VERSION, T.UPDATED_AT, DSL.coalesce(APP_USER.DISPLAY_NAME, T.UPDATED_BY))
                .from(T)
                .leftJoin(APP_USER)
                .on(APP_USER.USERNAME.eq(T.UPDATED_BY))
                .where(T.GAP_TYPE.eq(gap))
                .and(T.LANGUAGE.eq(language))
                .fetchOptional(Records.mapping((body, version, updatedAt, updatedBy) ->
                        new TemplateText(gap, language, body, true, version, updatedAt, updatedBy)));
    }

    /** Inserts (expected version -1: none stored yet) or updates at {@code version}; false when stale. */
    public boolean save(GapType gap, String language, String body, int version, LocalDateTime now, String by) {
        if (version < 0) {
            return dsl.insertInto(T)
                            .set(T.GAP_TYPE, gap)
                            .set(T.LANGUAGE, language)
                            .set(T.BODY, body)
                            .set(T.UPDATED_AT, now)
                            .set(T.UPDATED_BY, by)
                            .set(T.VERSION, 0)
                            .onDuplicateKeyIgnore()
                            .execute()
                    == 1;
        }
        return dsl.update(T)
                        .set(T.BODY, body)
                        .set(T.UPDATED_AT, now)
                        .set(T.UPDATED_BY, by)
                        .set(T.VERSION, T.VERSION.plus(1))
                        .where(T.GAP_TYPE.eq(gap))
                        .and(T.LANGUAGE.eq(language))
                        .and(T.VERSION.eq(version))
                        .execute()
                == 1;
    }

    public boolean delete(GapType gap, String language) {
        return dsl.deleteFrom(T)
                        .where(T.GAP_TYPE.eq(gap))
                        .and(T.LANGUAGE.eq(language))
                        .execute()
                == 1;
    }
}
