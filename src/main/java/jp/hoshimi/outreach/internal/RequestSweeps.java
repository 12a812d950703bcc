package jp.hoshimi.outreach.internal;

import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_ANSWER;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_TOKEN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.shared.StarLevel;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Answer links, and the queries of the sweeps: closing by the register, reminders (issue 19). */
@Repository
public class RequestSweeps {

    private static final jp.hoshimi.db.tables.SupplierRequest R = SUPPLIER_REQUEST;

    /** A usable link: its id and its request. */
    public record ValidToken(long tokenId, long requestId) {}

    /** An open request due for a reminder: its id, due date and whether it was answered. */
    public record Due(long id, LocalDate dueDate, RequestState state) {}

    private final DSLContext dsl;

    RequestSweeps(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insertToken(long requestId, String hash, LocalDateTime now, LocalDateTime expires) {
        var t = SUPPLIER_REQUEST_TOKEN;
        dsl.insertInto(t)
                .set(t.REQUEST_ID, requestId)
                .set(t.TOKEN_HASH, hash)
                .set(t.CREATED_AT, now)
                .set(t.EXPIRES_AT, expires)
                .execute();
    }

    /** The link with this hash, if it is not revoked, not expired and its request is open. */
    public Optional<ValidToken> valid(String hash, LocalDateTime now) {
        var t = SUPPLIER_REQUEST_TOKEN;
        return dsl.select(t.ID, t.REQUEST_ID)
                .from(t)
                .join(R)
                .on(R.ID.eq(t.REQUEST_ID))
                .where(t.TOKEN_HASH.eq(hash))
                .and(t.REVOKED_AT.isNull())
                .and(t.EXPIRES_AT.gt(now))
                .and(R.STATE.in(RequestState.SENT, RequestState.ANSWERED))
                .fetchOptional(Records.mapping(ValidToken::new));
    }

    public int revokeAll(long requestId, LocalDateTime now) {
        var t = SUPPLIER_REQUEST_TOKEN;
        return dsl.update(t)
                .set(t.REVOKED_AT, now)
                .where(t.REQUEST_ID.eq(requestId))
                .and(t.REVOKED_AT.isNull())
                .execute();
    }

    /** A closed request's links last 30 days more at most (they show the neutral page anyway). */
    public void shortenTokens(long requestId, LocalDateTime until) {
        var t = SUPPLIER_REQUEST_TOKEN;
        dsl.update(t)
                .set(t.EXPIRES_AT, until)
                .where(t.REQUEST_ID.eq(requestId))
                .and(t.EXPIRES_AT.gt(until))
                .execute();
    }

    /**
     * Open requests whose supplier, or a registering entity an answer named (a group company), now holds
     * the level asked: an active ★ registration of at least that level, valid today.
     */
    public List<Long> registered(LocalDate today) {
        var e = REGISTER_ENTRY;
        var a = SUPPLIER_REQUEST_ANSWER;
        Condition holdsLevel = DSL.falseCondition();
        for (StarLevel asked : StarLevel.values()) {
            List<StarLevel> enough = Arrays.stream(StarLevel.values())
                    .filter(l -> l.satisfies(asked))
                    .toList();
            holdsLevel = holdsLevel.or(R.REQUESTED_LEVEL.eq(asked).and(e.LEVEL.in(enough)));
        }
        Condition entity = e.CORPORATE_NUMBER
                .in(DSL.select(SUPPLIER.CORPORATE_NUMBER).from(SUPPLIER).where(SUPPLIER.ID.eq(R.SUPPLIER_ID)))
                .or(e.CORPORATE_NUMBER.in(DSL.select(a.CORPORATE_NUMBER)
                        .from(a)
                        .where(a.REQUEST_ID.eq(R.ID))
                        .and(a.CORPORATE_NUMBER.isNotNull())));
        return dsl.select(R.ID)
                .from(R)
                .where(R.STATE.in(RequestState.SENT, RequestState.ANSWERED))
                .andExists(DSL.selectOne()
                        .from(e)
                        .where(entity)
                        .and(holdsLevel)
                        .and(e.REMOVED_AT.isNull())
                        .and(e.STATUS.eq("ACTIVE"))
                        .and(e.VALID_UNTIL.isNull().or(e.VALID_UNTIL.ge(today))))
                .orderBy(R.ID)
                .fetch(R.ID);
    }

    /** Open requests whose due date is within {@code maxDaysBefore} days, or already past. */
    public List<Due> dueSoonOrPast(LocalDate today, int maxDaysBefore) {
        return dsl.select(R.ID, R.DUE_DATE, R.STATE)
                .from(R)
                .where(R.STATE.in(RequestState.SENT, RequestState.ANSWERED))
                .and(R.DUE_DATE.le(today.plusDays(maxDaysBefore)))
                .orderBy(R.ID)
                .fetch(Records.mapping(Due::new));
    }
}
