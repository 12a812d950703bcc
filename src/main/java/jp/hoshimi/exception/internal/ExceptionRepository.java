package jp.hoshimi.exception.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.RISK_EXCEPTION;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.compliance.AcceptedRisk;
import jp.hoshimi.exception.ExceptionRequest;
import jp.hoshimi.exception.ExceptionState;
import jp.hoshimi.exception.RiskException;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.ComplianceStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The risk_exception table. Reads for people always apply their data scope. */
@Repository
public class ExceptionRepository {

    private final DSLContext dsl;

    ExceptionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(
            ExceptionRequest request, Long orgUnitId, ComplianceStatus accepted, String actor, LocalDateTime now) {
        var x = RISK_EXCEPTION;
        return dsl.insertInto(x)
                .set(x.SUPPLIER_ID, request.supplierId())
                .set(x.CONTRACT_ID, request.contractId())
                .set(x.ORG_UNIT_ID, orgUnitId)
                .set(x.ACCEPTED_STATUS, accepted)
                .set(x.JUSTIFICATION, request.justification().strip())
                .set(x.COMPENSATING_MEASURES, request.compensatingMeasures().strip())
                .set(x.ENDS_ON, request.endsOn())
                .set(x.STATE, ExceptionState.REQUESTED)
                .set(x.REQUESTED_BY, actor)
                .set(x.REQUESTED_AT, now)
                .returningResult(x.ID)
                .fetchSingle(x.ID);
    }

    /** Whether an open (requested or approved) exception covers the same finding, or the same supplier-wide. */
    public boolean openExists(long supplierId, Long contractId) {
        var x = RISK_EXCEPTION;
        return dsl.fetchExists(
                x,
                x.SUPPLIER_ID
                        .eq(supplierId)
                        .and(contractId == null ? x.CONTRACT_ID.isNull() : x.CONTRACT_ID.eq(contractId))
                        .and(x.STATE.in(ExceptionState.REQUESTED, ExceptionState.APPROVED)));
    }

    /** A decision (approve, reject) on a request not changed since {@code version}; false when it was. */
    public boolean decide(long id, int version, ExceptionState state, String actor, String note, LocalDateTime now) {
        var x = RISK_EXCEPTION;
        return dsl.update(x)
                        .set(x.STATE, state)
                        .set(x.DECIDED_BY, actor)
                        .set(x.DECIDED_AT, now)
                        .set(x.DECISION_NOTE, blankToNull(note))
                        .set(x.VERSION, x.VERSION.plus(1))
                        .where(x.ID.eq(id).and(x.VERSION.eq(version)).and(x.STATE.eq(ExceptionState.REQUESTED)))
                        .execute()
                == 1;
    }

    /** Closes approved exceptions (ended early, or lapsed); answers how many it closed. */
    public int close(Collection<Long> ids, ExceptionState state, String reason, String actor, LocalDateTime now) {
        var x = RISK_EXCEPTION;
        return dsl.update(x)
                .set(x.STATE, state)
                .set(x.CLOSE_REASON, reason)
                .set(x.CLOSED_BY, actor)
                .set(x.CLOSED_AT, now)
                .set(x.VERSION, x.VERSION.plus(1))
                .where(x.ID.in(ids).and(x.STATE.eq(ExceptionState.APPROVED)))
                .execute();
    }

    public Optional<RiskException> find(DataScope scope, long id) {
        return select().where(RISK_EXCEPTION.ID.eq(id)).and(inScope(scope)).fetchOptional(this::toException);
    }

    public List<RiskException> findAll(Collection<Long> ids) {
        return select().where(RISK_EXCEPTION.ID.in(ids)).fetch(this::toException);
    }

    /** One page, newest first; {@code state} null for all. */
    public List<RiskException> list(DataScope scope, ExceptionState state, int offset, int limit) {
        return select().where(inScope(scope))
                .and(stateIs(state))
                .orderBy(RISK_EXCEPTION.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(this::toException);
    }

    public int count(DataScope scope, ExceptionState state) {
        return dsl.fetchCount(RISK_EXCEPTION, inScope(scope).and(stateIs(state)));
    }

    /** Approved exceptions for these contracts' findings, or for these suppliers across contracts. */
    public List<AcceptedRisk> approvedFor(Collection<Long> contractIds, Collection<Long> supplierIds) {
        var x = RISK_EXCEPTION;
        Condition which = DSL.falseCondition();
        if (!contractIds.isEmpty()) {
            which = which.or(x.CONTRACT_ID.in(contractIds));
        }
        if (!supplierIds.isEmpty()) {
            which = which.or(x.CONTRACT_ID.isNull().and(x.SUPPLIER_ID.in(supplierIds)));
        }
        return dsl.select(x.ID, x.SUPPLIER_ID, x.CONTRACT_ID, x.ACCEPTED_STATUS, x.ENDS_ON)
                .from(x)
                .where(x.STATE.eq(ExceptionState.APPROVED))
                .and(which)
                .fetch(Records.mapping(AcceptedRisk::new));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(RISK_EXCEPTION.fields())
                .select(SUPPLIER.NAME, CONTRACT.CONTRACT_NUMBER)
                .from(RISK_EXCEPTION)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(RISK_EXCEPTION.SUPPLIER_ID))
                .leftJoin(CONTRACT)
                .on(CONTRACT.ID.eq(RISK_EXCEPTION.CONTRACT_ID));
    }

    private RiskException toException(Record r) {
        var x = RISK_EXCEPTION;
        ExceptionState state = r.get(x.STATE);
        return new RiskException(
                r.get(x.ID),
                r.get(x.SUPPLIER_ID),
                r.get(SUPPLIER.NAME),
                r.get(x.CONTRACT_ID),
                r.get(CONTRACT.CONTRACT_NUMBER),
                r.get(x.ACCEPTED_STATUS),
                r.get(x.JUSTIFICATION),
                r.get(x.COMPENSATING_MEASURES),
                r.get(x.ENDS_ON),
                state,
                r.get(x.REQUESTED_BY),
                r.get(x.REQUESTED_AT),
                r.get(x.DECIDED_BY),
                r.get(x.DECIDED_AT),
                r.get(x.DECISION_NOTE),
                r.get(x.CLOSED_BY),
                r.get(x.CLOSED_AT),
                state == ExceptionState.LAPSED && r.get(x.CLOSE_REASON) != null
                        ? AcceptedRisk.Lapse.valueOf(r.get(x.CLOSE_REASON))
                        : null,
                r.get(x.VERSION));
    }

    /** Scope as for contracts; a supplier-wide exception (no unit) only for group-wide users. */
    private static Condition inScope(DataScope scope) {
        return scope.groupWide() ? DSL.noCondition() : RISK_EXCEPTION.ORG_UNIT_ID.in(scope.unitIds());
    }

    private static Condition stateIs(ExceptionState state) {
        return state == null ? DSL.noCondition() : RISK_EXCEPTION.STATE.eq(state);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
