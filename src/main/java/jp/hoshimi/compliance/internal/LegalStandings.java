package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.LEGAL_ENTITY;
import static jp.hoshimi.db.Tables.LEGAL_ENTITY_RUN;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.util.HashMap;
import java.util.Map;
import jp.hoshimi.compliance.LegalStanding;
import jp.hoshimi.compliance.LegalStanding.State;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * The suppliers' standing in the NTA corporate-number data (issue 21), read beside the register facts:
 * closed (process 21 or a close date), merged (process 71 or close cause 11, with the successor), or —
 * once a full file has been loaded — absent. Empty while no NTA file has ever been loaded.
 */
@Component
class LegalStandings {

    private final DSLContext dsl;

    LegalStandings(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<Long, LegalStanding> of(Condition suppliers) {
        var r = LEGAL_ENTITY_RUN;
        boolean anyLoaded = dsl.fetchExists(r, r.OUTCOME.eq("SUCCEEDED"));
        if (!anyLoaded) {
            return Map.of();
        }
        boolean fullLoaded = dsl.fetchExists(r, r.OUTCOME.eq("SUCCEEDED").and(r.FILE_KIND.eq("FULL")));
        var e = LEGAL_ENTITY;
        var successor = LEGAL_ENTITY.as("successor");
        Map<Long, LegalStanding> standings = new HashMap<>();
        dsl.select(SUPPLIER.ID, e.CORPORATE_NUMBER, e.PROCESS, e.CLOSE_DATE, e.CLOSE_CAUSE, e.CHANGE_DATE)
                .select(e.SUCCESSOR_CORPORATE_NUMBER, successor.NAME)
                .from(SUPPLIER)
                .leftJoin(e)
                .on(e.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER))
                .leftJoin(successor)
                .on(successor.CORPORATE_NUMBER.eq(e.SUCCESSOR_CORPORATE_NUMBER))
                .where(suppliers)
                .and(SUPPLIER.CORPORATE_NUMBER.isNotNull())
                .fetchSize(10_000)
                .forEach(row -> {
                    LegalStanding standing = standing(row, successor.NAME, fullLoaded);
                    if (standing != null) {
                        standings.put(row.get(SUPPLIER.ID), standing);
                    }
                });
        return standings;
    }

    private static LegalStanding standing(Record row, Field<String> successorName, boolean fullLoaded) {
        var e = LEGAL_ENTITY;
        if (row.get(e.CORPORATE_NUMBER) == null) {
            return fullLoaded ? LegalStanding.NOT_FOUND : null;
        }
        String process = row.get(e.PROCESS);
        var closedOn = row.get(e.CLOSE_DATE) != null ? row.get(e.CLOSE_DATE) : row.get(e.CHANGE_DATE);
        if ("71".equals(process) || "11".equals(row.get(e.CLOSE_CAUSE))) {
            return new LegalStanding(
                    State.MERGED, closedOn, row.get(e.SUCCESSOR_CORPORATE_NUMBER), row.get(successorName));
        }
        if ("21".equals(process) || row.get(e.CLOSE_DATE) != null) {
            return new LegalStanding(State.CLOSED, closedOn, null, null);
        }
        return LegalStanding.ACTIVE;
    }
}
