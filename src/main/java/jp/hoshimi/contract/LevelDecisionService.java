package jp.hoshimi.contract;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.contract.internal.ContractRepository;
import jp.hoshimi.contract.internal.LevelDecisionRepository;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Level decisions (issue 20, docs/decisions/0039-level-decisions-four-eyes.md): a contract's required
 * level below the decision chart's suggestion is requested by a save ({@link ContractService}) and
 * approved or rejected here by a risk manager who is not the requester (four eyes, as for exceptions: an
 * administrator decides only if also a risk manager). Approval sets the contract's level; every step is
 * audited; the data scope is the contract's unit.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class LevelDecisionService {

    public static final String AUDIT_TYPE = "contract_level_decision";
    public static final int MAX_NOTE = 2000;
    public static final int MAX_PAGE_SIZE = 1000;

    private final LevelDecisionRepository decisions;
    private final ContractRepository contracts;
    private final OrgUnitService orgUnits;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LevelDecisionService(
            LevelDecisionRepository decisions,
            ContractRepository contracts,
            OrgUnitService orgUnits,
            AuditTrail audit,
            SystemAuthentication system,
            Clock clock,
            ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.contracts = contracts;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.system = system;
        this.clock = clock;
        this.events = events;
    }

    /** Approves a request made by someone else: the contract requires the lower level from now on. */
    @Transactional
    @RolesAllowed(Role.RISK_MANAGER_NAME)
    public void approve(long id, int version, String note) {
        LevelDecision before = decidable(id, note);
        ContractDetails contract = contracts
                .find(orgUnits.currentScope(), before.contractId())
                .orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        LocalDateTime now = LocalDateTime.now(clock);
        String actor = system.currentActor();
        if (!decisions.decide(id, version, LevelDecisionState.APPROVED, actor, note, now)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        // a save that changed the chart withdraws the request, so this holds unless rows were edited by hand
        if (!contracts.applyLevel(
                contract.id(), before.suggestedLevel(), before.requestedLevel(), before.reason(), now)) {
            throw new ValidationException(FieldProblem.of("state", "levelDecision.stale"));
        }
        audit.record(
                AUDIT_TYPE,
                id,
                AuditAction.UPDATE,
                before,
                before.decided(LevelDecisionState.APPROVED, actor, now, note));
        ContractDetails after =
                contracts.find(DataScope.wholeGroup(), contract.id()).orElseThrow();
        audit.record(ContractService.AUDIT_TYPE, contract.id(), AuditAction.UPDATE, contract.toForm(), after.toForm());
        events.publishEvent(MasterDataChangedEvent.contract(contract.id()));
    }

    /** Rejects a request made by someone else: the contract keeps the suggested level. */
    @Transactional
    @RolesAllowed(Role.RISK_MANAGER_NAME)
    public void reject(long id, int version, String note) {
        LevelDecision before = decidable(id, note);
        LocalDateTime now = LocalDateTime.now(clock);
        String actor = system.currentActor();
        if (!decisions.decide(id, version, LevelDecisionState.REJECTED, actor, note, now)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(
                AUDIT_TYPE,
                id,
                AuditAction.UPDATE,
                before,
                before.decided(LevelDecisionState.REJECTED, actor, now, note));
    }

    /** @throws NotFoundException when unknown or its contract is outside the user's scope */
    @Transactional(readOnly = true)
    public LevelDecision get(long id) {
        return visible(id);
    }

    /** One page of the level decisions the user may see, newest first; {@code state} null for all. */
    @Transactional(readOnly = true)
    public List<LevelDecision> list(LevelDecisionState state, int offset, int limit) {
        return decisions.list(
                orgUnits.currentScope(), state, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int count(LevelDecisionState state) {
        return decisions.count(orgUnits.currentScope(), state);
    }

    private LevelDecision decidable(long id, String note) {
        LevelDecision before = visible(id);
        if (before.state() != LevelDecisionState.REQUESTED) {
            throw new ValidationException(FieldProblem.of("state", "levelDecision.notRequested"));
        }
        if (system.currentActor().equals(before.requestedBy())) {
            throw new ValidationException(FieldProblem.of("decidedBy", "levelDecision.fourEyes"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new ValidationException(FieldProblem.of("note", "validation.tooLong", MAX_NOTE));
        }
        return before;
    }

    private LevelDecision visible(long id) {
        return decisions.find(orgUnits.currentScope(), id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
    }
}
