package jp.hoshimi.outreach.internal;

import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_ANSWER;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_EVENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.outreach.AnswerForm;
import jp.hoshimi.outreach.GapType;
import jp.hoshimi.outreach.RequestAnswer;
import jp.hoshimi.outreach.RequestContract;
import jp.hoshimi.outreach.RequestDetails;
import jp.hoshimi.outreach.RequestEvent;
import jp.hoshimi.outreach.RequestFilter;
import jp.hoshimi.outreach.RequestListItem;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.sql.ListQueries;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record10;
import org.jooq.RecordMapper;
import org.jooq.Records;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Requests to suppliers, their contracts, answers and timeline (issue 19). */
@Repository
public class RequestRepository {

    private static final jp.hoshimi.db.tables.SupplierRequest R = SUPPLIER_REQUEST;

    /** A supplier's name and 法人番号. */
    public record SupplierFacts(long id, String name, String corporateNumber) {}

    /** A contract in scope where the supplier falls short (or is about to). */
    public record Gap(
            long contractId,
            String contractNumber,
            String contractTitle,
            RequiredLevel requiredLevel,
            ComplianceStatus status,
            StarLevel heldLevel,
            LocalDate validUntil,
            LocalDate contractStart) {}

    /** A new request, as the service checked it. */
    public record NewRequest(
            long supplierId,
            String contactName,
            String contactEmail,
            GapType gapType,
            StarLevel requestedLevel,
            LocalDate dueDate,
            String language,
            String message,
            long ownerUserId) {}

    private final DSLContext dsl;

    RequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- scope -----------------------------------------------------------------------------------------

    /** Procurement sees suppliers in their units' contracts (first tier or anywhere in the chain). */
    static Condition supplierInScope(DataScope scope, Field<Long> supplierId) {
        if (scope.groupWide()) {
            return DSL.trueCondition();
        }
        if (scope.unitIds().isEmpty()) {
            return DSL.falseCondition();
        }
        var c = CONTRACT;
        var f = COMPLIANCE_FINDING;
        return DSL.exists(DSL.selectOne()
                        .from(c)
                        .where(c.SUPPLIER_ID.eq(supplierId))
                        .and(c.ORG_UNIT_ID.in(scope.unitIds())))
                .or(DSL.exists(DSL.selectOne()
                        .from(f)
                        .join(c)
                        .on(c.ID.eq(f.CONTRACT_ID))
                        .where(f.SUPPLIER_ID.eq(supplierId))
                        .and(c.ORG_UNIT_ID.in(scope.unitIds()))));
    }

    public boolean supplierInScope(DataScope scope, long supplierId) {
        return dsl.fetchExists(DSL.selectOne()
                .from(SUPPLIER)
                .where(SUPPLIER.ID.eq(supplierId))
                .and(supplierInScope(scope, SUPPLIER.ID)));
    }

    public Optional<SupplierFacts> supplier(long supplierId) {
        return dsl.select(SUPPLIER.ID, SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER)
                .from(SUPPLIER)
                .where(SUPPLIER.ID.eq(supplierId))
                .fetchOptional(Records.mapping(SupplierFacts::new));
    }

    /** The supplier's findings in scope that are not OK, worst first. */
    public List<Gap> gaps(DataScope scope, long supplierId) {
        var f = COMPLIANCE_FINDING;
        var c = CONTRACT;
        Condition units = scope.groupWide() ? DSL.trueCondition() : c.ORG_UNIT_ID.in(scope.unitIds());
        return dsl.select(
                        c.ID,
                        c.CONTRACT_NUMBER,
                        c.TITLE,
                        f.REQUIRED_LEVEL,
                        f.STATUS,
                        f.HELD_LEVEL,
                        f.VALID_UNTIL,
                        c.START_DATE)
                .from(f)
                .join(c)
                .on(c.ID.eq(f.CONTRACT_ID))
                .where(f.SUPPLIER_ID.eq(supplierId))
                .and(f.STATUS.ne(ComplianceStatus.OK))
                .and(units)
                .orderBy(f.SEVERITY, c.CONTRACT_NUMBER)
                .fetch(Records.mapping(Gap::new));
    }

    /** Contracts by id, in scope, for the snapshot of a request (unknown or out-of-scope ids are left out). */
    public List<RequestContract> contracts(DataScope scope, long supplierId, Collection<Long> ids) {
        var c = CONTRACT;
        var f = COMPLIANCE_FINDING;
        Condition units = scope.groupWide() ? DSL.trueCondition() : c.ORG_UNIT_ID.in(scope.unitIds());
        // the snapshot keeps the level as text (it is part of the request's API shape)
        return dsl.select(
                        c.ID,
                        c.CONTRACT_NUMBER,
                        c.TITLE,
                        DSL.coalesce(f.REQUIRED_LEVEL.coerce(String.class), c.REQUIRED_LEVEL))
                .from(c)
                .leftJoin(f)
                .on(f.CONTRACT_ID.eq(c.ID).and(f.SUPPLIER_ID.eq(supplierId)))
                .where(c.ID.in(ids))
                .and(units)
                .orderBy(c.CONTRACT_NUMBER)
                .fetch(Records.mapping(RequestContract::new));
    }

    // --- writing ---------------------------------------------------------------------------------------

    public long insert(NewRequest n, LocalDateTime now) {
        return dsl.insertInto(R)
                .set(R.SUPPLIER_ID, n.supplierId())
                .set(R.CONTACT_NAME, n.contactName())
                .set(R.CONTACT_EMAIL, n.contactEmail())
                .set(R.GAP_TYPE, n.gapType())
                .set(R.REQUESTED_LEVEL, n.requestedLevel())
                .set(R.DUE_DATE, n.dueDate())
                .set(R.STATE, RequestState.DRAFT)
                .set(R.LANGUAGE, n.language())
                .set(R.MESSAGE, n.message())
                .set(R.OWNER_USER_ID, n.ownerUserId())
                .set(R.CREATED_AT, now)
                .set(R.UPDATED_AT, now)
                .returningResult(R.ID)
                .fetchSingle(R.ID);
    }

    public void insertContracts(long requestId, List<RequestContract> contracts) {
        if (contracts.isEmpty()) {
            return;
        }
        var rc = SUPPLIER_REQUEST_CONTRACT;
        var insert = dsl.insertInto(
                rc, rc.REQUEST_ID, rc.CONTRACT_ID, rc.CONTRACT_NUMBER, rc.CONTRACT_TITLE, rc.REQUIRED_LEVEL);
        for (RequestContract c : contracts) {
            insert = insert.values(requestId, c.contractId(), c.contractNumber(), c.contractTitle(), c.requiredLevel());
        }
        insert.onDuplicateKeyIgnore().execute();
    }

    /**
     * Many requests at once, already sent (a bulk request, issue 19): one multi-row INSERT, then one read of
     * their ids by supplier (the caller holds the suppliers' row locks, and each supplier gets one request).
     */
    public Map<Long, Long> insertAllSent(List<NewRequest> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        var insert = dsl.insertInto(
                R,
                R.SUPPLIER_ID,
                R.CONTACT_NAME,
                R.CONTACT_EMAIL,
                R.GAP_TYPE,
                R.REQUESTED_LEVEL,
                R.DUE_DATE,
                R.STATE,
                R.LANGUAGE,
                R.MESSAGE,
                R.OWNER_USER_ID,
                R.SENT_AT,
                R.CREATED_AT,
                R.UPDATED_AT);
        for (NewRequest n : rows) {
            insert = insert.values(
                    n.supplierId(),
                    n.contactName(),
                    n.contactEmail(),
                    n.gapType(),
                    n.requestedLevel(),
                    n.dueDate(),
                    RequestState.SENT,
                    n.language(),
                    n.message(),
                    n.ownerUserId(),
                    now,
                    now,
                    now);
        }
        insert.execute();
        return dsl.select(R.SUPPLIER_ID, R.ID)
                .from(R)
                .where(R.SUPPLIER_ID.in(
                        rows.stream().map(NewRequest::supplierId).toList()))
                .and(R.CREATED_AT.eq(now))
                .and(R.OWNER_USER_ID.eq(rows.get(0).ownerUserId()))
                .fetchMap(R.SUPPLIER_ID, R.ID);
    }

    /** The contract snapshots of many requests, in one INSERT. */
    public void insertContracts(Map<Long, List<RequestContract>> byRequest) {
        var rc = SUPPLIER_REQUEST_CONTRACT;
        var insert = dsl.insertInto(
                rc, rc.REQUEST_ID, rc.CONTRACT_ID, rc.CONTRACT_NUMBER, rc.CONTRACT_TITLE, rc.REQUIRED_LEVEL);
        boolean any = false;
        for (var entry : byRequest.entrySet()) {
            for (RequestContract c : entry.getValue()) {
                insert = insert.values(
                        entry.getKey(), c.contractId(), c.contractNumber(), c.contractTitle(), c.requiredLevel());
                any = true;
            }
        }
        if (any) {
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /** The same timeline step for many requests, in one INSERT. */
    public void insertEvents(
            Collection<Long> requestIds,
            LocalDateTime now,
            String actor,
            String kind,
            RequestState from,
            RequestState to) {
        if (requestIds.isEmpty()) {
            return;
        }
        var e = SUPPLIER_REQUEST_EVENT;
        var insert = dsl.insertInto(e, e.REQUEST_ID, e.OCCURRED_AT, e.ACTOR, e.KIND, e.FROM_STATE, e.TO_STATE);
        for (long id : requestIds) {
            insert = insert.values(id, now, actor, kind, from, to);
        }
        insert.execute();
    }

    public void insertEvent(
            long requestId,
            LocalDateTime now,
            String actor,
            String kind,
            RequestState from,
            RequestState to,
            String note) {
        var e = SUPPLIER_REQUEST_EVENT;
        dsl.insertInto(e)
                .set(e.REQUEST_ID, requestId)
                .set(e.OCCURRED_AT, now)
                .set(e.ACTOR, actor)
                .set(e.KIND, kind)
                .set(e.FROM_STATE, from)
                .set(e.TO_STATE, to)
                .set(e.NOTE, note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note)
                .execute();
    }

    /**
     * Moves a request from {@code from} to {@code to}; false when it was not in {@code from} any more (someone
     * else moved it first). {@code version} null: any version (system moves).
     */
    public boolean move(long id, RequestState from, RequestState to, Integer version, LocalDateTime now, String note) {
        var update = dsl.update(R).set(R.STATE, to).set(R.UPDATED_AT, now).set(R.VERSION, R.VERSION.plus(1));
        if (to == RequestState.SENT) {
            update = update.set(R.SENT_AT, now);
        }
        if (to == RequestState.ANSWERED) {
            update = update.set(R.ANSWERED_AT, now);
        }
        if (to == RequestState.DONE || to == RequestState.WITHDRAWN) {
            update = update.set(R.CLOSED_AT, now).set(R.CLOSE_NOTE, note);
        }
        Condition which = R.ID.eq(id).and(R.STATE.eq(from));
        if (version != null) {
            which = which.and(R.VERSION.eq(version));
        }
        return update.where(which).execute() == 1;
    }

    /** The draft's message at {@code version}; false when stale or no longer a draft. */
    public boolean updateMessage(long id, int version, String message, LocalDateTime now) {
        return dsl.update(R)
                        .set(R.MESSAGE, message)
                        .set(R.UPDATED_AT, now)
                        .set(R.VERSION, R.VERSION.plus(1))
                        .where(R.ID.eq(id))
                        .and(R.VERSION.eq(version))
                        .and(R.STATE.eq(RequestState.DRAFT))
                        .execute()
                == 1;
    }

    public void setPlannedDate(long id, LocalDate planned) {
        dsl.update(R).set(R.PLANNED_DATE, planned).where(R.ID.eq(id)).execute();
    }

    public void insertAnswer(long requestId, Long tokenId, AnswerForm a, String address, LocalDateTime now) {
        var x = SUPPLIER_REQUEST_ANSWER;
        dsl.insertInto(x)
                .set(x.REQUEST_ID, requestId)
                .set(x.TOKEN_ID, tokenId)
                .set(x.ANSWERED_AT, now)
                .set(x.KIND, a.kind())
                .set(x.PLANNED_LEVEL, a.plannedLevel())
                .set(x.PLANNED_DATE, a.plannedDate())
                .set(x.ASSESSMENT_BODY, a.assessmentBody())
                .set(x.CORPORATE_NUMBER, a.corporateNumber())
                .set(x.ANSWER_COMMENT, a.comment())
                .set(x.CLIENT_ADDRESS, address)
                .execute();
    }

    public int answersByTokenSince(long tokenId, LocalDateTime since) {
        var x = SUPPLIER_REQUEST_ANSWER;
        return dsl.fetchCount(x, x.TOKEN_ID.eq(tokenId).and(x.ANSWERED_AT.ge(since)));
    }

    public int answersByAddressSince(String address, LocalDateTime since) {
        var x = SUPPLIER_REQUEST_ANSWER;
        return dsl.fetchCount(x, x.CLIENT_ADDRESS.eq(address).and(x.ANSWERED_AT.ge(since)));
    }

    // --- reading ---------------------------------------------------------------------------------------

    /** Sent and unanswered past the due date, or answered with a plan whose date passed. */
    static Condition overdue(LocalDate today) {
        return R.STATE
                .eq(RequestState.SENT)
                .and(R.DUE_DATE.lt(today))
                .or(R.STATE.eq(RequestState.ANSWERED).and(R.PLANNED_DATE.lt(today)));
    }

    private static Condition filter(DataScope scope, RequestFilter filter, LocalDate today) {
        Condition where = supplierInScope(scope, R.SUPPLIER_ID);
        if (filter.state() != null) {
            where = where.and(R.STATE.eq(filter.state()));
        }
        if (filter.overdue() != null) {
            where = where.and(filter.overdue() ? overdue(today) : DSL.not(overdue(today)));
        }
        if (filter.supplierId() != null) {
            where = where.and(R.SUPPLIER_ID.eq(filter.supplierId()));
        }
        return where;
    }

    /**
     * The newest open request (draft, sent, answered) of each of these suppliers, as {@code supplierId →
     * (requestId, state, due date, overdue)}; one query for a page of suppliers.
     */
    public Map<Long, jp.hoshimi.compliance.SupplierRequestStates.OpenRequest> newestOpen(
            java.util.Collection<Long> supplierIds, LocalDate today) {
        if (supplierIds.isEmpty()) {
            return Map.of();
        }
        Field<Boolean> overdue = DSL.field(overdue(today));
        Map<Long, jp.hoshimi.compliance.SupplierRequestStates.OpenRequest> newest = new java.util.HashMap<>();
        dsl.select(R.ID, R.SUPPLIER_ID, R.STATE, R.DUE_DATE, overdue)
                .from(R)
                .where(R.SUPPLIER_ID.in(supplierIds))
                .and(R.STATE.in(RequestState.DRAFT, RequestState.SENT, RequestState.ANSWERED))
                .orderBy(R.SUPPLIER_ID, R.ID.desc())
                .forEach(r -> newest.putIfAbsent(
                        r.get(R.SUPPLIER_ID),
                        new jp.hoshimi.compliance.SupplierRequestStates.OpenRequest(
                                r.get(R.ID),
                                "request.state." + r.get(R.STATE).name(),
                                r.get(R.DUE_DATE),
                                Boolean.TRUE.equals(r.get(overdue)))));
        return newest;
    }

    public List<RequestListItem> list(DataScope scope, RequestFilter f, LocalDate today, int offset, int limit) {
        return listQuery(scope, f, today).offset(offset).limit(limit).fetch(TO_LIST_ITEM);
    }

    /**
     * The list's rows in its order, handed to {@code sink} as they arrive from the database cursor (an export
     * streams them to the browser; nothing holds the whole list). At most {@code limit} rows.
     */
    public void stream(DataScope scope, RequestFilter f, LocalDate today, int limit, Consumer<RequestListItem> sink) {
        ListQueries.stream(listQuery(scope, f, today).limit(limit), TO_LIST_ITEM, sink);
    }

    private SelectLimitStep<
                    Record10<
                            Long,
                            Long,
                            String,
                            RequestState,
                            Boolean,
                            GapType,
                            StarLevel,
                            LocalDate,
                            String,
                            LocalDateTime>>
            listQuery(DataScope scope, RequestFilter f, LocalDate today) {
        Field<Boolean> overdue = DSL.field(overdue(today));
        return dsl.select(
                        R.ID,
                        R.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        R.STATE,
                        overdue,
                        R.GAP_TYPE,
                        R.REQUESTED_LEVEL,
                        R.DUE_DATE,
                        APP_USER.DISPLAY_NAME,
                        R.SENT_AT)
                .from(R)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(R.SUPPLIER_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(R.OWNER_USER_ID))
                .where(filter(scope, f, today))
                .orderBy(R.DUE_DATE, R.ID.desc());
    }

    private static final RecordMapper<
                    Record10<
                            Long,
                            Long,
                            String,
                            RequestState,
                            Boolean,
                            GapType,
                            StarLevel,
                            LocalDate,
                            String,
                            LocalDateTime>,
                    RequestListItem>
            TO_LIST_ITEM = Records.mapping(
                    (id, supplierId, supplierName, state, overdue, gapType, level, dueDate, ownerName, sentAt) ->
                            new RequestListItem(
                                    id,
                                    supplierId,
                                    supplierName,
                                    state,
                                    Boolean.TRUE.equals(overdue),
                                    gapType,
                                    level,
                                    dueDate,
                                    ownerName,
                                    sentAt));

    public Optional<RequestDetails> find(DataScope scope, long id, LocalDate today) {
        Field<Boolean> overdue = DSL.field(overdue(today));
        return dsl.select(R.fields())
                .select(SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER, APP_USER.DISPLAY_NAME, overdue)
                .from(R)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(R.SUPPLIER_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(R.OWNER_USER_ID))
                .where(R.ID.eq(id))
                .and(supplierInScope(scope, R.SUPPLIER_ID))
                .fetchOptional(r -> details(r, Boolean.TRUE.equals(r.get(overdue))));
    }

    private RequestDetails details(Record r, boolean overdue) {
        long id = r.get(R.ID);
        return new RequestDetails(
                id,
                r.get(R.SUPPLIER_ID),
                r.get(SUPPLIER.NAME),
                r.get(SUPPLIER.CORPORATE_NUMBER),
                r.get(R.CONTACT_NAME),
                r.get(R.CONTACT_EMAIL),
                r.get(R.GAP_TYPE),
                r.get(R.REQUESTED_LEVEL),
                r.get(R.DUE_DATE),
                r.get(R.STATE),
                overdue,
                r.get(R.LANGUAGE),
                r.get(R.MESSAGE),
                r.get(R.OWNER_USER_ID),
                r.get(APP_USER.DISPLAY_NAME),
                r.get(R.PLANNED_DATE),
                r.get(R.CLOSE_NOTE),
                r.get(R.VERSION),
                requestContracts(id),
                answers(id),
                timeline(id));
    }

    private List<RequestContract> requestContracts(long id) {
        var rc = SUPPLIER_REQUEST_CONTRACT;
        return dsl.select(rc.CONTRACT_ID, rc.CONTRACT_NUMBER, rc.CONTRACT_TITLE, rc.REQUIRED_LEVEL)
                .from(rc)
                .where(rc.REQUEST_ID.eq(id))
                .orderBy(rc.CONTRACT_NUMBER)
                .fetch(Records.mapping(RequestContract::new));
    }

    public List<RequestAnswer> answers(long id) {
        var x = SUPPLIER_REQUEST_ANSWER;
        return dsl.selectFrom(x)
                .where(x.REQUEST_ID.eq(id))
                .orderBy(x.ANSWERED_AT, x.ID)
                .fetch(r -> new RequestAnswer(
                        r.getAnsweredAt(),
                        r.getKind(),
                        r.getPlannedLevel(),
                        r.getPlannedDate(),
                        r.getAssessmentBody(),
                        r.getCorporateNumber(),
                        r.getAnswerComment()));
    }

    private List<RequestEvent> timeline(long id) {
        var e = SUPPLIER_REQUEST_EVENT;
        return dsl.select(e.OCCURRED_AT, e.ACTOR, APP_USER.DISPLAY_NAME, e.KIND, e.FROM_STATE, e.TO_STATE, e.NOTE)
                .from(e)
                .leftJoin(APP_USER)
                .on(APP_USER.USERNAME.eq(e.ACTOR))
                .where(e.REQUEST_ID.eq(id))
                .orderBy(e.OCCURRED_AT, e.ID)
                .fetch(Records.mapping(RequestEvent::new));
    }

    /** Open and overdue requests in scope, in one query. */
    public int[] counts(DataScope scope, LocalDate today) {
        Record r = dsl.select(DSL.count(), DSL.count().filterWhere(overdue(today)))
                .from(R)
                .where(R.STATE.in(RequestState.SENT, RequestState.ANSWERED))
                .and(supplierInScope(scope, R.SUPPLIER_ID))
                .fetchSingle();
        return new int[] {r.get(0, Integer.class), r.get(1, Integer.class)};
    }

    public Optional<String> displayName(long userId) {
        return dsl.select(APP_USER.DISPLAY_NAME)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.DISPLAY_NAME);
    }

    public Optional<Long> contractOwner(long contractId) {
        return dsl.select(CONTRACT.OWNER_USER_ID)
                .from(CONTRACT)
                .where(CONTRACT.ID.eq(contractId))
                .and(CONTRACT.OWNER_USER_ID.isNotNull())
                .fetchOptional(CONTRACT.OWNER_USER_ID);
    }
}
