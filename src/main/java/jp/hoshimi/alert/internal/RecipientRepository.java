package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT_PREFERENCE;
import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ORG_UNIT;
import static jp.hoshimi.db.Tables.APP_USER_ROLE;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.hoshimi.alert.AlertPreferences;
import jp.hoshimi.shared.sql.InBatches;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Who hears of an alert and what it is about: the few facts of contracts, suppliers, units and users alerts need. */
@Repository
public class RecipientRepository {

    public record ContractInfo(long id, String number, String title, long orgUnitId, Long ownerUserId) {}

    public record SupplierInfo(long id, String name, String corporateNumber) {}

    /** A person who can be told, with their choices (defaults when they never saved any). */
    public record Recipient(
            long userId, String username, String email, boolean emailEnabled, boolean dailyDigest, String language) {}

    private final DSLContext dsl;

    RecipientRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Map<Long, ContractInfo> contracts(Collection<Long> ids) {
        Map<Long, ContractInfo> result = new HashMap<>();
        for (List<Long> chunk : InBatches.of(ids)) {
            dsl.select(
                            CONTRACT.ID,
                            CONTRACT.CONTRACT_NUMBER,
                            CONTRACT.TITLE,
                            CONTRACT.ORG_UNIT_ID,
                            CONTRACT.OWNER_USER_ID)
                    .from(CONTRACT)
                    .where(CONTRACT.ID.in(chunk))
                    .fetch(Records.mapping(ContractInfo::new))
                    .forEach(c -> result.put(c.id(), c));
        }
        return result;
    }

    public Map<Long, SupplierInfo> suppliers(Collection<Long> ids) {
        Map<Long, SupplierInfo> result = new HashMap<>();
        for (List<Long> chunk : InBatches.of(ids)) {
            dsl.select(SUPPLIER.ID, SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER)
                    .from(SUPPLIER)
                    .where(SUPPLIER.ID.in(chunk))
                    .fetch(Records.mapping(SupplierInfo::new))
                    .forEach(s -> result.put(s.id(), s));
        }
        return result;
    }

    /** Every unit's parent (null for a top unit): the tree is small, one query. */
    public Map<Long, Long> unitParents() {
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.PARENT_ID).from(ORG_UNIT).collect(Records.intoMap());
    }

    /** Enabled members of these units, per unit. */
    public Map<Long, List<Long>> members(Collection<Long> unitIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        for (List<Long> chunk : InBatches.of(unitIds)) {
            dsl.select(APP_USER_ORG_UNIT.ORG_UNIT_ID, APP_USER_ORG_UNIT.USER_ID)
                    .from(APP_USER_ORG_UNIT)
                    .join(APP_USER)
                    .on(APP_USER.ID.eq(APP_USER_ORG_UNIT.USER_ID))
                    .where(APP_USER_ORG_UNIT.ORG_UNIT_ID.in(chunk))
                    .and(APP_USER.ENABLED.isTrue())
                    .collect(Records.intoGroups())
                    .forEach((unitId, userIds) -> result.computeIfAbsent(unitId, k -> new ArrayList<>())
                            .addAll(userIds));
        }
        return result;
    }

    /** Enabled users holding a role. */
    public List<Long> usersWithRole(String role) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .join(APP_USER_ROLE)
                .on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER_ROLE.ROLE.eq(role))
                .and(APP_USER.ENABLED.isTrue())
                .orderBy(APP_USER.ID)
                .fetch(APP_USER.ID);
    }

    public Optional<Long> userId(String username) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID);
    }

    public Optional<String> accountLocale(long userId) {
        return dsl.select(APP_USER.LOCALE)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.LOCALE);
    }

    /** The enabled ones of these users with their choices. */
    public Map<Long, Recipient> recipients(Collection<Long> userIds) {
        Map<Long, Recipient> result = new LinkedHashMap<>();
        var p = ALERT_PREFERENCE;
        for (List<Long> chunk : InBatches.of(userIds)) {
            dsl.select(
                            APP_USER.ID,
                            APP_USER.USERNAME,
                            APP_USER.EMAIL,
                            APP_USER.LOCALE,
                            p.EMAIL_ENABLED,
                            p.DAILY_DIGEST,
                            p.LANGUAGE)
                    .from(APP_USER)
                    .leftJoin(p)
                    .on(p.USER_ID.eq(APP_USER.ID))
                    .where(APP_USER.ID.in(chunk))
                    .and(APP_USER.ENABLED.isTrue())
                    .orderBy(APP_USER.ID)
                    .fetch(Records.mapping(
                            (id, username, email, accountLocale, emailEnabled, dailyDigest, language) -> new Recipient(
                                    id,
                                    username,
                                    email,
                                    emailEnabled == null || emailEnabled,
                                    dailyDigest != null && dailyDigest,
                                    language != null ? language : AlertPreferences.language(accountLocale))))
                    .forEach(recipient -> result.put(recipient.userId(), recipient));
        }
        return result;
    }
}
