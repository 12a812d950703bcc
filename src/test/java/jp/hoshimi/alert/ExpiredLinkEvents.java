package jp.hoshimi.alert;

import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.CONTRACT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;

/** Test data: an EXPIRED link of a demo contract, as the engine writes it, made into alerts at once. */
public final class ExpiredLinkEvents {

    private ExpiredLinkEvents() {}

    public static void expire(
            DSLContext dsl, AlertDispatcher dispatcher, SystemAuthentication system, String contractNumber) {
        insert(dsl, contractNumber, "STAR4", "EXPIRING", uniqueValidity());
        system.callAsSystem(dispatcher::dispatch);
    }

    /**
     * One supplier event in two contracts of the same supplier: the first's link requires {@code firstLevel}
     * and was EXPIRING, the second's {@code secondLevel} and was OK. They share one alert.
     */
    public static void expireTogether(
            DSLContext dsl,
            AlertDispatcher dispatcher,
            SystemAuthentication system,
            String first,
            String firstLevel,
            String second,
            String secondLevel) {
        LocalDate validUntil = uniqueValidity();
        insert(dsl, first, firstLevel, "EXPIRING", validUntil);
        insert(dsl, second, secondLevel, "OK", validUntil);
        system.callAsSystem(dispatcher::dispatch);
    }

    /** A distinct valid-until per call, so each call is a new alert rather than a repeat. */
    private static LocalDate uniqueValidity() {
        return LocalDate.of(2039, 1, 1).plusDays(System.nanoTime() % 3000);
    }

    private static void insert(
            DSLContext dsl, String contractNumber, String requiredLevel, String oldStatus, LocalDate validUntil) {
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
                .set(e.OLD_STATUS, ComplianceStatus.valueOf(oldStatus))
                .set(e.NEW_STATUS, ComplianceStatus.EXPIRED)
                .set(e.REQUIRED_LEVEL, RequiredLevel.valueOf(requiredLevel))
                .set(e.HELD_LEVEL, StarLevel.STAR4)
                .set(e.VALID_UNTIL, validUntil)
                .set(e.REASON_CODE, "EXPIRED")
                .execute();
    }
}
