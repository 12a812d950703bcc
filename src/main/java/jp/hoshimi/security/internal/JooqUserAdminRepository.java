package jp.hoshimi.security.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ORG_UNIT;
import static jp.hoshimi.db.Tables.APP_USER_ROLE;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.security.HandoverContract;
import jp.hoshimi.security.UserAccount;
import jp.hoshimi.security.UserFilter;
import jp.hoshimi.security.UserForm;
import jp.hoshimi.security.UserListItem;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.sql.ClusterLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** User administration: the paged list, edits, deactivation, and the lock that keeps one administrator. */
@Repository
public class JooqUserAdminRepository {

    /** The {@code app_lease} row that changes which could remove the last administrator take in turn. */
    static final String ADMINISTRATORS_LOCK = "administrators";

    private static final Field<String> ROLES = DSL.field(DSL.select(DSL.groupConcat(APP_USER_ROLE.ROLE)
                    .orderBy(APP_USER_ROLE.ROLE)
                    .separator(","))
            .from(APP_USER_ROLE)
            .where(APP_USER_ROLE.USER_ID.eq(APP_USER.ID)));
    private static final Field<String> UNIT_NAMES = DSL.field(
            DSL.select(DSL.groupConcat(ORG_UNIT.NAME).orderBy(ORG_UNIT.NAME).separator("\t"))
                    .from(APP_USER_ORG_UNIT)
                    .join(ORG_UNIT)
                    .on(ORG_UNIT.ID.eq(APP_USER_ORG_UNIT.ORG_UNIT_ID))
                    .where(APP_USER_ORG_UNIT.USER_ID.eq(APP_USER.ID)));
    private static final Field<Integer> OWNED_CONTRACTS =
            DSL.field(DSL.selectCount().from(CONTRACT).where(CONTRACT.OWNER_USER_ID.eq(APP_USER.ID)));

    private final DSLContext dsl;

    JooqUserAdminRepository(DSLContext dsl) {
        // jOOQ would wrap GROUP_CONCAT in "SET @@group_concat_max_len" statements, which the driver refuses
        // without multi-statements; the default limit (1 MB on MariaDB) is far above a user's roles and units
        this.dsl = dsl.configuration()
                .derive(org.jooq.conf.SettingsTools.clone(dsl.settings())
                        .withRenderGroupConcatMaxLenSessionVariable(false))
                .dsl();
    }

    public List<UserListItem> page(UserFilter filter, int offset, int limit) {
        return dsl.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        ROLES.convertFrom(JooqUserAdminRepository::roles),
                        UNIT_NAMES.convertFrom(names -> names == null ? List.<String>of() : List.of(names.split("\t"))),
                        APP_USER.GROUP_WIDE,
                        APP_USER.ENABLED,
                        APP_USER.LAST_SIGN_IN_AT,
                        OWNED_CONTRACTS,
                        APP_USER.SIGN_IN_PROVIDER)
                .from(APP_USER)
                .where(condition(filter))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(UserListItem::new));
    }

    public int count(UserFilter filter) {
        return dsl.fetchCount(APP_USER, condition(filter));
    }

    private static Condition condition(UserFilter filter) {
        Condition condition = DSL.trueCondition();
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%"
                    + filter.text()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            condition = condition.and(APP_USER.USERNAME
                    .likeIgnoreCase(like)
                    .or(APP_USER.DISPLAY_NAME.likeIgnoreCase(like))
                    .or(APP_USER.EMAIL.likeIgnoreCase(like)));
        }
        if (filter.role() != null) {
            condition = condition.and(DSL.exists(DSL.selectOne()
                    .from(APP_USER_ROLE)
                    .where(APP_USER_ROLE
                            .USER_ID
                            .eq(APP_USER.ID)
                            .and(APP_USER_ROLE.ROLE.eq(filter.role().name())))));
        }
        if (filter.active() != null) {
            condition = condition.and(APP_USER.ENABLED.eq(filter.active()));
        }
        return condition;
    }

    private static Set<Role> roles(String joined) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    public Optional<UserAccount> find(long id) {
        return dsl.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        ROLES,
                        APP_USER.GROUP_WIDE,
                        APP_USER.ENABLED,
                        APP_USER.MUST_CHANGE_PASSWORD,
                        APP_USER.LAST_SIGN_IN_AT,
                        APP_USER.DEACTIVATED_AT,
                        APP_USER.DEACTIVATED_BY,
                        APP_USER.VERSION)
                .from(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional(r -> new UserAccount(
                        r.get(APP_USER.ID),
                        r.get(APP_USER.USERNAME),
                        r.get(APP_USER.DISPLAY_NAME),
                        r.get(APP_USER.EMAIL),
                        roles(r.get(ROLES)),
                        unitIds(r.get(APP_USER.ID)),
                        r.get(APP_USER.GROUP_WIDE),
                        r.get(APP_USER.ENABLED),
                        r.get(APP_USER.MUST_CHANGE_PASSWORD),
                        r.get(APP_USER.LAST_SIGN_IN_AT),
                        r.get(APP_USER.DEACTIVATED_AT),
                        r.get(APP_USER.DEACTIVATED_BY),
                        r.get(APP_USER.VERSION)));
    }

    /** The single sign-on provider an account belongs to; empty for a local password account. */
    public Optional<String> signInProvider(long id) {
        return dsl.select(APP_USER.SIGN_IN_PROVIDER)
                .from(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional(APP_USER.SIGN_IN_PROVIDER);
    }

    public Optional<Long> idOf(String username) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID);
    }

    private Set<Long> unitIds(long userId) {
        return Set.copyOf(dsl.select(APP_USER_ORG_UNIT.ORG_UNIT_ID)
                .from(APP_USER_ORG_UNIT)
                .where(APP_USER_ORG_UNIT.USER_ID.eq(userId))
                .fetch(APP_USER_ORG_UNIT.ORG_UNIT_ID));
    }

    /** Ids of the units that exist among these, to refuse unknown ones. */
    public Set<Long> existingUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(dsl.select(ORG_UNIT.ID)
                .from(ORG_UNIT)
                .where(ORG_UNIT.ID.in(unitIds))
                .fetch(ORG_UNIT.ID));
    }

    public long insert(UserForm form, String passwordHash, LocalDateTime now) {
        long id = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, form.username())
                .set(APP_USER.DISPLAY_NAME, form.displayName())
                .set(APP_USER.EMAIL, form.email())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, true)
                .set(APP_USER.GROUP_WIDE, form.groupWide())
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.UPDATED_AT, now)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
        replaceRolesAndUnits(id, form);
        return id;
    }

    /** False when the version is stale. */
    public boolean update(long id, int version, UserForm form, LocalDateTime now) {
        int updated = dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, form.displayName())
                .set(APP_USER.EMAIL, form.email())
                .set(APP_USER.GROUP_WIDE, form.groupWide())
                .set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(version)))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.deleteFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(id)).execute();
        dsl.deleteFrom(APP_USER_ORG_UNIT)
                .where(APP_USER_ORG_UNIT.USER_ID.eq(id))
                .execute();
        replaceRolesAndUnits(id, form);
        return true;
    }

    private void replaceRolesAndUnits(long id, UserForm form) {
        var roles = dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE);
        for (Role role : form.roles()) {
            roles = roles.values(id, role.name());
        }
        roles.execute();
        if (!form.unitIds().isEmpty()) {
            var units = dsl.insertInto(APP_USER_ORG_UNIT, APP_USER_ORG_UNIT.USER_ID, APP_USER_ORG_UNIT.ORG_UNIT_ID);
            for (Long unit : form.unitIds()) {
                units = units.values(id, unit);
            }
            units.execute();
        }
    }

    /**
     * Takes the administrators' cluster lock (a written row, held until the transaction ends,
     * docs/decisions/0042), locks every ADMIN role row (and its user) and answers the active administrators'
     * ids. Every change that could remove the last administrator calls this first, so two such changes run
     * one after the other and the second sees the first's result; on different Galera nodes the second is
     * rolled back at commit (the role rows they change differ, the lock row does not) and tried again.
     */
    public Set<Long> lockActiveAdministrators() {
        ClusterLock.take(dsl, ADMINISTRATORS_LOCK);
        return dsl
                .select(APP_USER_ROLE.USER_ID, APP_USER.ENABLED)
                .from(APP_USER_ROLE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(APP_USER_ROLE.USER_ID))
                .where(APP_USER_ROLE.ROLE.eq(Role.ADMIN.name()))
                .orderBy(APP_USER_ROLE.USER_ID)
                .forUpdate()
                .fetch()
                .stream()
                .filter(r -> Boolean.TRUE.equals(r.get(APP_USER.ENABLED)))
                .map(r -> r.get(APP_USER_ROLE.USER_ID))
                .collect(Collectors.toUnmodifiableSet());
    }

    public void deactivate(long id, String by, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.ENABLED, false)
                .set(APP_USER.DEACTIVATED_AT, now)
                .set(APP_USER.DEACTIVATED_BY, by)
                .set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    public void reactivate(long id, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.DEACTIVATED_AT, (LocalDateTime) null)
                .set(APP_USER.DEACTIVATED_BY, (String) null)
                .set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    public void setPassword(long id, String passwordHash, boolean mustChange, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.PASSWORD_CHANGED_AT, now)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    public void setLocale(long id, String languageTag, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.LOCALE, languageTag)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    public void recordSignIn(String username, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.LAST_SIGN_IN_AT, now)
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    /** Whether the account may still be used, and whether its password must be changed first. */
    public Optional<AccountState> state(String username) {
        return dsl.select(APP_USER.ENABLED, APP_USER.MUST_CHANGE_PASSWORD)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(Records.mapping(AccountState::new));
    }

    public record AccountState(boolean active, boolean mustChangePassword) {}

    public Optional<String> passwordHash(long id) {
        return dsl.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    public List<HandoverContract> handover() {
        return dsl.select(
                        CONTRACT.ID, CONTRACT.CONTRACT_NUMBER, CONTRACT.TITLE, APP_USER.DISPLAY_NAME, APP_USER.USERNAME)
                .from(CONTRACT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(CONTRACT.OWNER_USER_ID))
                .where(APP_USER.ENABLED.isFalse())
                .orderBy(APP_USER.DISPLAY_NAME, CONTRACT.CONTRACT_NUMBER)
                .limit(500)
                .fetch(Records.mapping(HandoverContract::new));
    }
}
