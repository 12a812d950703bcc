package jp.hoshimi.alert;

import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.CONTRACT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.security.SystemAuthentication;
import org.jooq.DSLContext;

/** Test data: an EXPIRED link of a demo contract, as the engine writes it, made into alerts at once. */
public final class ExpiredLinkEvents {

    private ExpiredLinkEvents() {}

    public static void expire(
            DSLContext dsl, AlertDispatcher dispatcher, SystemAuthentication system, String contractNumber) {
        var c = dsl.select(CONTRACT.ID, CONTRACT.SUPPLIER_ID)
                .from(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.eq(contractNumber))
                .fetchSingle();
        var e = COMPLIANCE_EVENT;
        dsl.insertInto(e)
                .set(e.OCCURRED_AT, LocalDateTime.now())
                .set(e.EVALUATED_ON, LocalDate.now())
                .set(e.SUBJECT, "LINK")
                .set(e.CONTRACT_ID, c.value1())
                .set(e.SUPPLIER_ID, c.value2())
                .set(e.OLD_STATUS, "EXPIRING")
                .set(e.NEW_STATUS, "EXPIRED")
                .set(e.REQUIRED_LEVEL, "STAR4")
                .set(e.HELD_LEVEL, "STAR4")
                // a distinct valid-until per call, so each call is a new alert rather than a repeat
                .set(e.VALID_UNTIL, LocalDate.of(2039, 1, 1).plusDays(System.nanoTime() % 3000))
                .set(e.REASON_CODE, "EXPIRED")
                .execute();
        system.callAsSystem(dispatcher::dispatch);
    }
}
