package jp.hoshimi.security.internal;

import static jp.hoshimi.db.Tables.API_TOKEN;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.security.ApiTokenInfo;
import jp.hoshimi.shared.identity.ApiTokenPrincipal;
import jp.hoshimi.shared.identity.Role;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

    private final DSLContext dsl;

    ApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(String name, String hash, Role role, Long orgUnitId, String createdBy, LocalDateTime now) {
        return dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, hash)
                .set(API_TOKEN.ROLE, role)
                .set(API_TOKEN.ORG_UNIT_ID, orgUnitId)
                .set(API_TOKEN.CREATED_BY, createdBy)
                .set(API_TOKEN.CREATED_AT, now)
                .returningResult(API_TOKEN.ID)
                .fetchSingle(API_TOKEN.ID);
    }

    public List<ApiTokenInfo> list() {
        return dsl.selectFrom(API_TOKEN)
                .orderBy(API_TOKEN.CREATED_AT.desc())
                .fetch(r -> new ApiTokenInfo(
                        r.getId(),
                        r.getName(),
                        r.getRole(),
                        r.getOrgUnitId(),
                        r.getCreatedBy(),
                        r.getCreatedAt(),
                        r.getLastUsedAt(),
                        r.getRevokedAt()));
    }

    public Optional<ApiTokenPrincipal> findActiveByHash(String hash) {
        return dsl.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.ROLE, API_TOKEN.ORG_UNIT_ID)
                .from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(hash).and(API_TOKEN.REVOKED_AT.isNull()))
                .fetchOptional(Records.mapping(ApiTokenPrincipal::new));
    }

    public void touch(long id, LocalDateTime now) {
        dsl.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.ID.eq(id))
                .execute();
    }

    public void revoke(long id, LocalDateTime now) {
        dsl.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, now)
                .where(API_TOKEN.ID.eq(id).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute();
    }

    /** Revokes every active token this user created; answers how many. */
    public int revokeAllCreatedBy(String username, LocalDateTime now) {
        return dsl.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, now)
                .where(API_TOKEN.CREATED_BY.eq(username).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute();
    }
}
