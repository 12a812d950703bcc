package jp.hoshimi.organisation.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ORG_UNIT;
import static jp.hoshimi.db.Tables.ORG_UNIT;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.hoshimi.organisation.Membership;
import jp.hoshimi.organisation.OrgUnit;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
public class OrgUnitRepository {

    private final DSLContext dsl;

    OrgUnitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<OrgUnit> all() {
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.PARENT_ID, ORG_UNIT.CODE, ORG_UNIT.NAME)
                .from(ORG_UNIT)
                .orderBy(ORG_UNIT.CODE)
                .fetch(Records.mapping(OrgUnit::new));
    }

    public long insert(String code, String name, Long parentId, LocalDateTime now) {
        return dsl.insertInto(ORG_UNIT)
                .set(ORG_UNIT.CODE, code)
                .set(ORG_UNIT.NAME, name)
                .set(ORG_UNIT.PARENT_ID, parentId)
                .set(ORG_UNIT.CREATED_AT, now)
                .set(ORG_UNIT.UPDATED_AT, now)
                .returningResult(ORG_UNIT.ID)
                .fetchSingle(ORG_UNIT.ID);
    }

    public Set<Long> memberships(long userId) {
        return new HashSet<>(dsl.select(APP_USER_ORG_UNIT.ORG_UNIT_ID)
                .from(APP_USER_ORG_UNIT)
                .where(APP_USER_ORG_UNIT.USER_ID.eq(userId))
                .fetch(APP_USER_ORG_UNIT.ORG_UNIT_ID));
    }

    public List<Membership> memberships() {
        var units = dsl.select(APP_USER_ORG_UNIT.USER_ID, APP_USER_ORG_UNIT.ORG_UNIT_ID)
                .from(APP_USER_ORG_UNIT)
                .fetchGroups(APP_USER_ORG_UNIT.USER_ID, APP_USER_ORG_UNIT.ORG_UNIT_ID);
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.GROUP_WIDE)
                .from(APP_USER)
                .orderBy(APP_USER.USERNAME)
                .fetch(Records.mapping((id, username, displayName, groupWide) -> new Membership(
                        id,
                        username,
                        displayName,
                        new HashSet<>(units.getOrDefault(id, List.of())),
                        Boolean.TRUE.equals(groupWide))));
    }

    public boolean isGroupWide(long userId) {
        return Boolean.TRUE.equals(dsl.select(APP_USER.GROUP_WIDE)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOne(APP_USER.GROUP_WIDE));
    }

    public void replaceMemberships(long userId, Set<Long> unitIds, boolean groupWide) {
        dsl.deleteFrom(APP_USER_ORG_UNIT)
                .where(APP_USER_ORG_UNIT.USER_ID.eq(userId))
                .execute();
        if (!unitIds.isEmpty()) {
            var insert = dsl.insertInto(APP_USER_ORG_UNIT, APP_USER_ORG_UNIT.USER_ID, APP_USER_ORG_UNIT.ORG_UNIT_ID);
            for (Long unitId : unitIds) {
                insert = insert.values(userId, unitId);
            }
            insert.execute();
        }
        dsl.update(APP_USER)
                .set(APP_USER.GROUP_WIDE, groupWide)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }
}
