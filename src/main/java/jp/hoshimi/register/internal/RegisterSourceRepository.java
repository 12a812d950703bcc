package jp.hoshimi.register.internal;

import static jp.hoshimi.db.Tables.REGISTER_SOURCE;

import java.time.LocalDateTime;
import java.util.Optional;
import jp.hoshimi.register.RegisterSourceSettings;
import jp.hoshimi.register.RegisterSourceSettings.Origin;
import jp.hoshimi.register.RegisterSourceSettings.Type;
import jp.hoshimi.register.source.RegisterKind;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** The stored register source of each kind (V24). */
@Repository
public class RegisterSourceRepository {

    private final DSLContext dsl;

    RegisterSourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<RegisterSourceSettings> find(RegisterKind kind) {
        var s = REGISTER_SOURCE;
        return dsl.select(
                        s.KIND.convertFrom(RegisterKind::valueOf),
                        s.SOURCE_TYPE.convertFrom(Type::valueOf),
                        s.LOCATION,
                        s.FORMAT,
                        s.ORIGIN.convertFrom(Origin::valueOf),
                        s.VERSION)
                .from(s)
                .where(s.KIND.eq(kind.name()))
                .fetchOptional(Records.mapping(RegisterSourceSettings::new));
    }

    /**
     * Writes the seed from the properties: inserts it when the kind has no row, updates it while the row
     * still follows the properties; an administrator's row is left alone.
     */
    public void seed(RegisterSourceSettings seed, LocalDateTime now) {
        var s = REGISTER_SOURCE;
        int updated = dsl.update(s)
                .set(s.SOURCE_TYPE, seed.type().name())
                .set(s.LOCATION, seed.location())
                .set(s.FORMAT, seed.format())
                .where(s.KIND.eq(seed.kind().name()))
                .and(s.ORIGIN.eq(Origin.PROPERTIES.name()))
                .execute();
        if (updated == 0 && find(seed.kind()).isEmpty()) {
            try {
                dsl.insertInto(s)
                        .set(s.KIND, seed.kind().name())
                        .set(s.SOURCE_TYPE, seed.type().name())
                        .set(s.LOCATION, seed.location())
                        .set(s.FORMAT, seed.format())
                        .set(s.ORIGIN, Origin.PROPERTIES.name())
                        .set(s.UPDATED_AT, now)
                        .execute();
            } catch (DuplicateKeyException e) {
                // another node seeded it at the same moment
            }
        }
    }

    /** An administrator's settings; false when someone else saved in between (version). */
    public boolean save(RegisterSourceSettings settings, String by, LocalDateTime now) {
        var s = REGISTER_SOURCE;
        if (find(settings.kind()).isEmpty()) {
            seed(RegisterSourceSettings.none(settings.kind()), now);
        }
        return dsl.update(s)
                        .set(s.SOURCE_TYPE, settings.type().name())
                        .set(s.LOCATION, settings.location())
                        .set(s.FORMAT, settings.format())
                        .set(s.ORIGIN, Origin.ADMIN.name())
                        .set(s.UPDATED_BY, by)
                        .set(s.UPDATED_AT, now)
                        .set(s.VERSION, s.VERSION.plus(1))
                        .where(s.KIND.eq(settings.kind().name()))
                        .and(s.VERSION.eq(settings.version()))
                        .execute()
                == 1;
    }
}
