package jp.hoshimi.register.internal;

import static jp.hoshimi.db.Tables.REGISTER_MAPPING;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.hoshimi.db.tables.records.RegisterMappingRecord;
import jp.hoshimi.register.RegisterMapping;
import jp.hoshimi.register.RegisterSourceSettings.Origin;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.RegisterKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** The stored field mapping of each register kind (V29). */
@Repository
public class RegisterMappingRepository {

    private final DSLContext dsl;

    RegisterMappingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<RegisterMapping> find(RegisterKind kind) {
        var m = REGISTER_MAPPING;
        return dsl.selectFrom(m).where(m.KIND.eq(kind.name())).fetchOptional(RegisterMappingRepository::mapping);
    }

    /** When the kind's mapping was last changed; empty when it never was stored. */
    public Optional<LocalDateTime> updatedAt(RegisterKind kind) {
        var m = REGISTER_MAPPING;
        return dsl.select(m.UPDATED_AT).from(m).where(m.KIND.eq(kind.name())).fetchOptional(m.UPDATED_AT);
    }

    private static RegisterMapping mapping(RegisterMappingRecord r) {
        FieldMapping mapping = new FieldMapping(
                r.getCorporateNumberField(),
                r.getNameField(),
                r.getLevelField(),
                r.getRegisteredOnField(),
                r.getValidUntilField(),
                r.getStatusField(),
                r.getScopeField(),
                r.getAssessmentBodyField(),
                r.getEntriesPath(),
                RegisterMapping.vocabulary(r.getLevelValues()),
                RegisterMapping.vocabulary(r.getStatusValues()),
                r.getDatePattern(),
                r.getEncoding());
        return new RegisterMapping(
                RegisterKind.valueOf(r.getKind()),
                mapping,
                Origin.valueOf(r.getOrigin()),
                r.getUpdatedBy(),
                r.getUpdatedAt(),
                r.getVersion());
    }

    /**
     * Writes the seed from the properties: inserts it when the kind has no row, updates it while the row still
     * follows the properties (and differs); an administrator's row is left alone.
     */
    public void seed(RegisterKind kind, FieldMapping seed, LocalDateTime now) {
        var m = REGISTER_MAPPING;
        Optional<RegisterMapping> stored = find(kind);
        if (stored.isPresent()) {
            if (stored.get().origin() == Origin.PROPERTIES
                    && !stored.get().mapping().equals(seed)) {
                dsl.update(m)
                        .set(columns(seed))
                        .set(m.UPDATED_AT, now)
                        .where(m.KIND.eq(kind.name()))
                        .and(m.ORIGIN.eq(Origin.PROPERTIES.name()))
                        .execute();
            }
            return;
        }
        try {
            dsl.insertInto(m)
                    .set(columns(seed))
                    .set(m.KIND, kind.name())
                    .set(m.ORIGIN, Origin.PROPERTIES.name())
                    .set(m.UPDATED_AT, now)
                    .execute();
        } catch (DuplicateKeyException e) {
            // another node seeded it at the same moment
        }
    }

    /** An administrator's mapping; false when someone else saved in between (version). */
    public boolean save(RegisterKind kind, FieldMapping mapping, int version, String by, LocalDateTime now) {
        var m = REGISTER_MAPPING;
        if (find(kind).isEmpty()) {
            seed(kind, FieldMapping.defaults(), now);
        }
        return dsl.update(m)
                        .set(columns(mapping))
                        .set(m.ORIGIN, Origin.ADMIN.name())
                        .set(m.UPDATED_BY, by)
                        .set(m.UPDATED_AT, now)
                        .set(m.VERSION, m.VERSION.plus(1))
                        .where(m.KIND.eq(kind.name()))
                        .and(m.VERSION.eq(version))
                        .execute()
                == 1;
    }

    private static Map<Field<?>, Object> columns(FieldMapping f) {
        var m = REGISTER_MAPPING;
        Map<Field<?>, Object> columns = new HashMap<>();
        columns.put(m.CORPORATE_NUMBER_FIELD, f.corporateNumber());
        columns.put(m.NAME_FIELD, f.name());
        columns.put(m.LEVEL_FIELD, f.level());
        columns.put(m.REGISTERED_ON_FIELD, f.registeredOn());
        columns.put(m.VALID_UNTIL_FIELD, f.validUntil());
        columns.put(m.STATUS_FIELD, f.status());
        columns.put(m.SCOPE_FIELD, f.scope());
        columns.put(m.ASSESSMENT_BODY_FIELD, f.assessmentBody());
        columns.put(m.ENTRIES_PATH, f.entriesPath());
        columns.put(m.LEVEL_VALUES, RegisterMapping.lines(f.levelValues()));
        columns.put(m.STATUS_VALUES, RegisterMapping.lines(f.statusValues()));
        columns.put(m.DATE_PATTERN, f.datePattern());
        columns.put(m.ENCODING, f.encoding());
        return columns;
    }
}
