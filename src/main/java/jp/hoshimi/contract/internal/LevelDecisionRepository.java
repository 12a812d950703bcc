package jp.hoshimi.contract.internal;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_LEVEL_DECISION;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.contract.LevelDecision;
import jp.hoshimi.contract.LevelDecisionState;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.RequiredLevel;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The contract_level_decision table. Reads for people apply their data scope through the contract's unit. */
@Repository
public class LevelDecisionRepository {

    /** One new request: the contract, the level its chart suggests, the lower level asked for, and why. */
    public record NewRequest(long contractId, RequiredLevel suggested, RequiredLevel requested, String reason) {}

    private final DSLContext dsl;

    LevelDecisionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts the requests in one multi-row INSERT; answers their ids in the order given. */
    public List<Long> insertAll(List<NewRequest> requests, String actor, LocalDateTime now) {
        if (requests.isEmpty()) {
            return List.of();
        }
        var d = CONTRACT_LEVEL_DECISION;
        var insert = dsl.insertInto(
                d,
                d.CONTRACT_ID,
                d.SUGGESTED_LEVEL,
                d.REQUESTED_LEVEL,
                d.REASON,
                d.STATE,
                d.REQUESTED_BY,
                d.REQUESTED_AT);
        for (NewRequest r : requests) {
            insert = insert.values(
                    r.contractId(), r.suggested(), r.requested(), r.reason(), LevelDecisionState.REQUESTED, actor, now);
        }
        // MariaDB's INSERT … RETURNING answers in the order of the VALUES rows
        return insert.returningResult(d.ID).fetch(d.ID);
    }

    /**
     * Withdraws the open requests of these contracts (a later save replaced them or made them moot);
     * answers what they were, for the audit trail.
     */
    public List<LevelDecision> withdrawOpen(Collection<Long> contractIds, String actor, LocalDateTime now) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        var d = CONTRACT_LEVEL_DECISION;
        Condition open = d.CONTRACT_ID.in(contractIds).and(d.STATE.eq(LevelDecisionState.REQUESTED));
        List<LevelDecision> before = select().where(open).forUpdate().fetch(LevelDecisionRepository::toDecision);
        if (!before.isEmpty()) {
            dsl.update(d)
                    .set(d.STATE, LevelDecisionState.WITHDRAWN)
                    .set(d.DECIDED_BY, actor)
                    .set(d.DECIDED_AT, now)
                    .set(d.VERSION, d.VERSION.plus(1))
                    .where(d.ID.in(before.stream().map(LevelDecision::id).toList()))
                    .execute();
        }
        return before;
    }

    /** Decides a request still at {@code version} and still requested; false when it is not. */
    public boolean decide(
            long id, int version, LevelDecisionState decision, String actor, String note, LocalDateTime now) {
        var d = CONTRACT_LEVEL_DECISION;
        return dsl.update(d)
                        .set(d.STATE, decision)
                        .set(d.DECIDED_BY, actor)
                        .set(d.DECIDED_AT, now)
                        .set(d.DECISION_NOTE, note == null || note.isBlank() ? null : note.strip())
                        .set(d.VERSION, d.VERSION.plus(1))
                        .where(d.ID.eq(id).and(d.VERSION.eq(version)).and(d.STATE.eq(LevelDecisionState.REQUESTED)))
                        .execute()
                == 1;
    }

    public Optional<LevelDecision> find(DataScope scope, long id) {
        return select().where(inScope(scope).and(CONTRACT_LEVEL_DECISION.ID.eq(id)))
                .fetchOptional(LevelDecisionRepository::toDecision);
    }

    /** The open request of a contract, if any (at most one: a save withdraws the previous one). */
    public Optional<LevelDecision> pendingFor(long contractId) {
        var d = CONTRACT_LEVEL_DECISION;
        return select().where(d.CONTRACT_ID.eq(contractId).and(d.STATE.eq(LevelDecisionState.REQUESTED)))
                .orderBy(d.ID.desc())
                .limit(1)
                .fetchOptional(LevelDecisionRepository::toDecision);
    }

    /** One page, newest first; {@code state} null for all. */
    public List<LevelDecision> list(DataScope scope, LevelDecisionState state, int offset, int limit) {
        return select().where(filter(scope, state))
                .orderBy(CONTRACT_LEVEL_DECISION.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(LevelDecisionRepository::toDecision);
    }

    public int count(DataScope scope, LevelDecisionState state) {
        return dsl.fetchCount(dsl.select(CONTRACT_LEVEL_DECISION.ID)
                .from(CONTRACT_LEVEL_DECISION)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(CONTRACT_LEVEL_DECISION.CONTRACT_ID))
                .where(filter(scope, state)));
    }

    private static Condition filter(DataScope scope, LevelDecisionState state) {
        return inScope(scope).and(state == null ? DSL.noCondition() : CONTRACT_LEVEL_DECISION.STATE.eq(state));
    }

    private static Condition inScope(DataScope scope) {
        return scope.groupWide() ? DSL.noCondition() : CONTRACT.ORG_UNIT_ID.in(scope.unitIds());
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        var d = CONTRACT_LEVEL_DECISION;
        return dsl.select(d.fields())
                .select(CONTRACT.CONTRACT_NUMBER, CONTRACT.TITLE)
                .from(d)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(d.CONTRACT_ID));
    }

    private static LevelDecision toDecision(Record r) {
        var d = CONTRACT_LEVEL_DECISION;
        return new LevelDecision(
                r.get(d.ID),
                r.get(d.CONTRACT_ID),
                r.get(CONTRACT.CONTRACT_NUMBER),
                r.get(CONTRACT.TITLE),
                r.get(d.SUGGESTED_LEVEL),
                r.get(d.REQUESTED_LEVEL),
                r.get(d.REASON),
                r.get(d.STATE),
                r.get(d.REQUESTED_BY),
                r.get(d.REQUESTED_AT),
                r.get(d.DECIDED_BY),
                r.get(d.DECIDED_AT),
                r.get(d.DECISION_NOTE),
                r.get(d.VERSION));
    }
}
