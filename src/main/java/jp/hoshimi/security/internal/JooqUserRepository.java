package jp.hoshimi.security.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ROLE;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.security.NewUser;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class JooqUserRepository implements UserRepository {

    private final DSLContext dsl;

    JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<HoshimiUser> findByUsername(String username) {
        return dsl.select(
                        APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, APP_USER.ENABLED)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new HoshimiUser(
                        r.get(APP_USER.ID),
                        r.get(APP_USER.USERNAME),
                        r.get(APP_USER.DISPLAY_NAME),
                        r.get(APP_USER.PASSWORD_HASH),
                        r.get(APP_USER.ENABLED),
                        rolesOf(r.get(APP_USER.ID))));
    }

    private Set<Role> rolesOf(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(APP_USER_ROLE.ROLE)
                .from(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.eq(userId))
                .fetch(APP_USER_ROLE.ROLE)
                .forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }

    @Override
    public boolean existsByUsername(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    @Override
    public Optional<String> emailOf(String username) {
        return dsl.select(APP_USER.EMAIL)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.EMAIL)
                .filter(email -> !email.isBlank());
    }

    @Override
    public boolean existsWithRole(Role role) {
        return dsl.fetchExists(dsl.selectOne()
                .from(APP_USER_ROLE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(APP_USER_ROLE.USER_ID))
                .where(APP_USER_ROLE.ROLE.eq(role.name()).and(APP_USER.ENABLED.isTrue())));
    }

    @Override
    public List<UserSummary> activeUsers() {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME)
                .from(APP_USER)
                .where(APP_USER.ENABLED.isTrue())
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(Records.mapping(UserSummary::new));
    }

    @Override
    public long count() {
        return dsl.fetchCount(APP_USER);
    }

    @Override
    public long insert(NewUser user, String passwordHash, LocalDateTime now) {
        long id = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, user.username())
                .set(APP_USER.DISPLAY_NAME, user.displayName())
                .set(APP_USER.EMAIL, user.email())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.UPDATED_AT, now)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
        var insertRoles = dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE);
        for (Role role : user.roles()) {
            insertRoles = insertRoles.values(id, role.name());
        }
        insertRoles.execute();
        return id;
    }
}
