package jp.hoshimi.security.sso.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ORG_UNIT;
import static jp.hoshimi.db.Tables.APP_USER_ROLE;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SSO_ROLE_MAPPING;
import static jp.hoshimi.db.Tables.SSO_UNIT_MAPPING;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.hoshimi.security.sso.LinkedAccount;
import jp.hoshimi.security.sso.RoleMapping;
import jp.hoshimi.security.sso.UnitMapping;
import jp.hoshimi.shared.identity.Role;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqSsoRepository implements SsoRepository {

    private final DSLContext dsl;

    JooqSsoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<LinkedAccount> findLinked(String provider, String subject) {
        return dsl.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        APP_USER.ENABLED,
                        APP_USER.GROUP_WIDE)
                .from(APP_USER)
                .where(APP_USER.SIGN_IN_PROVIDER.eq(provider).and(APP_USER.EXTERNAL_SUBJECT.eq(subject)))
                .fetchOptional(r -> new LinkedAccount(
                        r.get(APP_USER.ID),
                        r.get(APP_USER.USERNAME),
                        r.get(APP_USER.DISPLAY_NAME),
                        r.get(APP_USER.EMAIL),
                        provider,
                        r.get(APP_USER.ENABLED),
                        rolesOf(r.get(APP_USER.ID)),
                        unitsOf(r.get(APP_USER.ID)),
                        r.get(APP_USER.GROUP_WIDE)));
    }

    private Set<Role> rolesOf(long userId) {
        return dsl
                .selectFrom(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.eq(userId))
                .fetch(r -> Role.valueOf(r.getRole()))
                .stream()
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private Set<Long> unitsOf(long userId) {
        return new TreeSet<>(dsl.selectFrom(APP_USER_ORG_UNIT)
                .where(APP_USER_ORG_UNIT.USER_ID.eq(userId))
                .fetch(r -> r.getOrgUnitId()));
    }

    @Override
    public boolean usernameTaken(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    @Override
    public long insertLinked(
            String provider, String subject, String username, String displayName, String email, LocalDateTime now) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.SIGN_IN_PROVIDER, provider)
                .set(APP_USER.EXTERNAL_SUBJECT, subject)
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.UPDATED_AT, now)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    /** Name, e-mail and roles as given (units belong to the organisation feature: OrgUnitService.assign). */
    @Override
    public void updateAccount(LinkedAccount account, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, account.displayName())
                .set(APP_USER.EMAIL, account.email())
                .set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(account.id()))
                .execute();
        dsl.deleteFrom(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.eq(account.id()))
                .execute();
        if (!account.roles().isEmpty()) {
            dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE)
                    .valuesOfRows(account.roles().stream()
                            .map(role -> DSL.row(account.id(), role.name()))
                            .toList())
                    .execute();
        }
    }

    @Override
    public List<RoleMapping> roleMappings() {
        return dsl.select(SSO_ROLE_MAPPING.ID, SSO_ROLE_MAPPING.CLAIM_VALUE, SSO_ROLE_MAPPING.ROLE)
                .from(SSO_ROLE_MAPPING)
                .orderBy(SSO_ROLE_MAPPING.CLAIM_VALUE, SSO_ROLE_MAPPING.ROLE)
                .fetch(JooqSsoRepository::roleMapping);
    }

    private static RoleMapping roleMapping(Record r) {
        return new RoleMapping(
                r.get(SSO_ROLE_MAPPING.ID),
                r.get(SSO_ROLE_MAPPING.CLAIM_VALUE),
                Role.valueOf(r.get(SSO_ROLE_MAPPING.ROLE)));
    }

    @Override
    public List<UnitMapping> unitMappings() {
        return unitMappingQuery()
                .orderBy(SSO_UNIT_MAPPING.CLAIM_VALUE, ORG_UNIT.NAME)
                .fetch(JooqSsoRepository::unitMapping);
    }

    private org.jooq.SelectOnConditionStep<org.jooq.Record4<Long, String, Long, String>> unitMappingQuery() {
        return dsl.select(
                        SSO_UNIT_MAPPING.ID, SSO_UNIT_MAPPING.CLAIM_VALUE, SSO_UNIT_MAPPING.ORG_UNIT_ID, ORG_UNIT.NAME)
                .from(SSO_UNIT_MAPPING)
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(SSO_UNIT_MAPPING.ORG_UNIT_ID));
    }

    private static UnitMapping unitMapping(Record r) {
        return new UnitMapping(
                r.get(SSO_UNIT_MAPPING.ID),
                r.get(SSO_UNIT_MAPPING.CLAIM_VALUE),
                r.get(SSO_UNIT_MAPPING.ORG_UNIT_ID),
                r.get(ORG_UNIT.NAME));
    }

    @Override
    public Set<Role> rolesFor(Collection<String> claimValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!claimValues.isEmpty()) {
            dsl.selectDistinct(SSO_ROLE_MAPPING.ROLE)
                    .from(SSO_ROLE_MAPPING)
                    .where(SSO_ROLE_MAPPING.CLAIM_VALUE.in(claimValues))
                    .fetch(SSO_ROLE_MAPPING.ROLE)
                    .forEach(role -> roles.add(Role.valueOf(role)));
        }
        return roles;
    }

    @Override
    public Set<Long> unitsFor(Collection<String> claimValues) {
        if (claimValues.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(dsl.selectDistinct(SSO_UNIT_MAPPING.ORG_UNIT_ID)
                .from(SSO_UNIT_MAPPING)
                .where(SSO_UNIT_MAPPING.CLAIM_VALUE.in(claimValues))
                .fetch(SSO_UNIT_MAPPING.ORG_UNIT_ID));
    }

    @Override
    public Optional<RoleMapping> findRoleMapping(long id) {
        return dsl.select(SSO_ROLE_MAPPING.ID, SSO_ROLE_MAPPING.CLAIM_VALUE, SSO_ROLE_MAPPING.ROLE)
                .from(SSO_ROLE_MAPPING)
                .where(SSO_ROLE_MAPPING.ID.eq(id))
                .fetchOptional(JooqSsoRepository::roleMapping);
    }

    @Override
    public Optional<UnitMapping> findUnitMapping(long id) {
        return unitMappingQuery().where(SSO_UNIT_MAPPING.ID.eq(id)).fetchOptional(JooqSsoRepository::unitMapping);
    }

    @Override
    public boolean roleMappingExists(String claimValue, Role role) {
        return dsl.fetchExists(
                SSO_ROLE_MAPPING,
                SSO_ROLE_MAPPING.CLAIM_VALUE.eq(claimValue).and(SSO_ROLE_MAPPING.ROLE.eq(role.name())));
    }

    @Override
    public boolean unitMappingExists(String claimValue, long orgUnitId) {
        return dsl.fetchExists(
                SSO_UNIT_MAPPING,
                SSO_UNIT_MAPPING.CLAIM_VALUE.eq(claimValue).and(SSO_UNIT_MAPPING.ORG_UNIT_ID.eq(orgUnitId)));
    }

    @Override
    public long insertRoleMapping(String claimValue, Role role, String createdBy, LocalDateTime now) {
        return dsl.insertInto(SSO_ROLE_MAPPING)
                .set(SSO_ROLE_MAPPING.CLAIM_VALUE, claimValue)
                .set(SSO_ROLE_MAPPING.ROLE, role.name())
                .set(SSO_ROLE_MAPPING.CREATED_AT, now)
                .set(SSO_ROLE_MAPPING.CREATED_BY, createdBy)
                .returningResult(SSO_ROLE_MAPPING.ID)
                .fetchSingle(SSO_ROLE_MAPPING.ID);
    }

    @Override
    public long insertUnitMapping(String claimValue, long orgUnitId, String createdBy, LocalDateTime now) {
        return dsl.insertInto(SSO_UNIT_MAPPING)
                .set(SSO_UNIT_MAPPING.CLAIM_VALUE, claimValue)
                .set(SSO_UNIT_MAPPING.ORG_UNIT_ID, orgUnitId)
                .set(SSO_UNIT_MAPPING.CREATED_AT, now)
                .set(SSO_UNIT_MAPPING.CREATED_BY, createdBy)
                .returningResult(SSO_UNIT_MAPPING.ID)
                .fetchSingle(SSO_UNIT_MAPPING.ID);
    }

    @Override
    public void deleteRoleMapping(long id) {
        dsl.deleteFrom(SSO_ROLE_MAPPING).where(SSO_ROLE_MAPPING.ID.eq(id)).execute();
    }

    @Override
    public void deleteUnitMapping(long id) {
        dsl.deleteFrom(SSO_UNIT_MAPPING).where(SSO_UNIT_MAPPING.ID.eq(id)).execute();
    }
}
