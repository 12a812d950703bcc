package jp.hoshimi.contract;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.contract.internal.ContractCriteria;
import jp.hoshimi.contract.internal.ContractRepository;
import jp.hoshimi.contract.internal.LevelDecisionRepository;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts and the level each requires. Every method applies the current user's data scope: a
 * contract of another unit is "not found", whether asked for by id, by number or in a list.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class ContractService {

    public static final String AUDIT_TYPE = "contract";
    public static final int MAX_PAGE_SIZE = 1000;

    /** The most rows one export writes: every contract of the benchmark's 200,000, and room to grow. */
    public static final int MAX_EXPORT_ROWS = 1_000_000;

    static final int MINIMUM_REASON_LENGTH = ContractRules.MINIMUM_REASON_LENGTH;

    private final ContractRepository contracts;
    private final LevelDecisionRepository levelDecisions;
    private final SystemAuthentication system;
    private final OrgUnitService orgUnits;
    private final SupplierService suppliers;
    private final AuditTrail audit;
    private final AuditService auditService;
    private final Clock clock;
    private final BusinessDate businessDate;
    private final ApplicationEventPublisher events;
    private final int countCap;

    ContractService(
            ContractRepository contracts,
            LevelDecisionRepository levelDecisions,
            SystemAuthentication system,
            OrgUnitService orgUnits,
            SupplierService suppliers,
            AuditTrail audit,
            AuditService auditService,
            Clock clock,
            BusinessDate businessDate,
            ApplicationEventPublisher events,
            @Value("${hoshimi.list.count-cap:" + ResultCount.DEFAULT_CAP + "}") int countCap) {
        this.contracts = contracts;
        this.levelDecisions = levelDecisions;
        this.system = system;
        this.orgUnits = orgUnits;
        this.suppliers = suppliers;
        this.audit = audit;
        this.auditService = auditService;
        this.clock = clock;
        this.businessDate = businessDate;
        this.events = events;
        this.countCap = countCap;
    }

    @Transactional(readOnly = true)
    public List<ContractListItem> list(ContractFilter filter, ContractSort.Order order, int offset, int limit) {
        return contracts.list(
                criteria(filter),
                order == null ? ContractSort.Order.defaultOrder() : order,
                Math.max(0, offset),
                Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    /**
     * Every contract that matches, in the list's order, handed to {@code sink} one at a time as the rows
     * arrive from the database (an export streams them to the browser; nothing holds the whole list).
     * Stops after {@value #MAX_EXPORT_ROWS} rows.
     */
    @Transactional(readOnly = true)
    public void export(ContractFilter filter, ContractSort.Order order, Consumer<ContractListItem> sink) {
        contracts.stream(
                criteria(filter), order == null ? ContractSort.Order.defaultOrder() : order, MAX_EXPORT_ROWS, sink);
    }

    /** How many contracts match: exactly, or "at least N" beyond the configured cap (the grid scrolls on). */
    @Transactional(readOnly = true)
    public ResultCount count(ContractFilter filter) {
        return contracts.count(criteria(filter), countCap);
    }

    /** The filter with its units resolved: the user's scope, narrowed to the chosen unit and those below it. */
    private ContractCriteria criteria(ContractFilter filter) {
        ContractFilter given = filter == null ? ContractFilter.none() : filter;
        DataScope scope = orgUnits.currentScope();
        Set<Long> units = scope.groupWide() ? null : scope.unitIds();
        if (given.orgUnitId() != null) {
            Set<Long> chosen = new HashSet<>(orgUnits.unitAndBelow(given.orgUnitId()));
            if (units != null) {
                chosen.retainAll(units);
            }
            units = chosen;
        }
        var today = businessDate.today();
        return new ContractCriteria(
                units,
                given,
                given.expiry() == null ? null : given.expiry().firstDay(today),
                given.expiry() == null ? null : given.expiry().lastDay(today),
                given.ended() ? today : null,
                today);
    }

    @Transactional(readOnly = true)
    public Optional<ContractDetails> find(long id) {
        return contracts.find(orgUnits.currentScope(), id).map(this::withPending);
    }

    @Transactional(readOnly = true)
    public Optional<ContractDetails> findByNumber(String contractNumber) {
        return contracts.findByNumber(orgUnits.currentScope(), contractNumber).map(this::withPending);
    }

    private ContractDetails withPending(ContractDetails details) {
        return details.withPendingLevelDecision(
                levelDecisions.pendingFor(details.id()).orElse(null));
    }

    /**
     * Creates the contract. A level below the chart's suggestion is stored as the suggestion and becomes
     * a request that a second risk manager approves (issue 20, decision 0039): see {@link #find}'s
     * {@code pendingLevelDecision}.
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public long create(ContractForm form) {
        DataScope scope = orgUnits.currentScope();
        ContractForm valid = validate(form, scope, null);
        RequiredLevel suggested = suggestion(valid);
        boolean held = ContractRules.levelNeedsApproval(valid.requiredLevel(), suggested, null, null);
        ContractForm stored = held ? ContractRules.atSuggestion(valid, suggested) : valid;
        LocalDateTime now = LocalDateTime.now(clock);
        long id = contracts.insert(stored, suggested, now);
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, stored);
        if (held) {
            requestLevels(
                    List.of(new LevelDecisionRepository.NewRequest(
                            id, suggested, valid.requiredLevel(), valid.levelReason())),
                    now);
        }
        events.publishEvent(MasterDataChangedEvent.contract(id));
        return id;
    }

    /**
     * Saves the contract. A new level below the chart's suggestion keeps the contract at the suggestion
     * and becomes a request that a second risk manager approves (issue 20, decision 0039); a save that
     * changes the level or the chart's answers withdraws an earlier request.
     *
     * @return the request this save made, empty when its level applies at once
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public Optional<LevelDecision> update(long id, int version, ContractForm form) {
        DataScope scope = orgUnits.currentScope();
        ContractDetails before = contracts.find(scope, id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        ContractForm valid = validate(form, scope, id);
        RequiredLevel suggested = suggestion(valid);
        boolean held = ContractRules.levelNeedsApproval(
                valid.requiredLevel(), suggested, before.requiredLevel(), before.suggestedLevel());
        ContractForm stored = held ? ContractRules.atSuggestion(valid, suggested) : valid;
        LocalDateTime now = LocalDateTime.now(clock);
        if (!contracts.update(id, version, stored, suggested, now)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, before.toForm(), stored);
        if (ContractRules.levelChanged(
                valid.requiredLevel(), suggested, before.requiredLevel(), before.suggestedLevel())) {
            withdrawLevelRequests(List.of(id), now);
        }
        Optional<LevelDecision> requested = Optional.empty();
        if (held) {
            long decisionId = requestLevels(
                            List.of(new LevelDecisionRepository.NewRequest(
                                    id, suggested, valid.requiredLevel(), valid.levelReason())),
                            now)
                    .get(0);
            requested = levelDecisions.find(DataScope.wholeGroup(), decisionId);
        }
        events.publishEvent(MasterDataChangedEvent.contract(id));
        return requested;
    }

    /** Records new level requests (one INSERT, one audit INSERT); answers their ids. */
    private List<Long> requestLevels(List<LevelDecisionRepository.NewRequest> requests, LocalDateTime now) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Long> ids = levelDecisions.insertAll(requests, system.currentActor(), now);
        List<AuditTrail.Event> audited = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            audited.add(new AuditTrail.Event(ids.get(i), AuditAction.CREATE, null, requests.get(i)));
        }
        audit.recordAll(LevelDecisionService.AUDIT_TYPE, audited);
        return ids;
    }

    private void withdrawLevelRequests(java.util.Collection<Long> contractIds, LocalDateTime now) {
        String actor = system.currentActor();
        List<LevelDecision> withdrawn = levelDecisions.withdrawOpen(contractIds, actor, now);
        audit.recordAll(
                LevelDecisionService.AUDIT_TYPE,
                withdrawn.stream()
                        .map(d -> new AuditTrail.Event(
                                d.id(),
                                AuditAction.UPDATE,
                                d,
                                d.decided(LevelDecisionState.WITHDRAWN, actor, now, null)))
                        .toList());
    }

    @Transactional
    @RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public void delete(long id, int version) {
        ContractDetails before =
                contracts.find(orgUnits.currentScope(), id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        // before the delete: listeners note who is in the chain while the chain is still there
        events.publishEvent(MasterDataChangedEvent.contract(id));
        if (!contracts.delete(id, version)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.DELETE, before.toForm(), null);
    }

    /**
     * The write of a set-based contract import (decision 0031), in the caller's transaction: the new
     * contracts in one multi-row INSERT, the changed ones after a locking version check (a contract saved by
     * someone since the check fails the whole apply) in one batch, supplier sort keys and title fragments
     * set-based, audit events in one INSERT and one re-evaluation for all. Each form is checked again with
     * the editor's rules and the user's scope; uniqueness of the numbers is the table's.
     *
     * @return the ids of the created contracts, in the order of {@code creates}
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public List<Long> importAll(List<ContractForm> creates, List<ImportedChange> changes) {
        DataScope scope = orgUnits.currentScope();
        LocalDateTime now = LocalDateTime.now(clock);
        List<ContractForm> newRows =
                creates.stream().map(f -> checked(f, scope)).toList();
        List<LevelDecisionRepository.NewRequest> levelRequests = new ArrayList<>();
        // a level below the chart's suggestion waits for a second risk manager here too (decision 0039)
        List<ContractForm> storedRows = newRows.stream()
                .map(row -> ContractRules.levelNeedsApproval(row.requiredLevel(), suggestion(row), null, null)
                        ? ContractRules.atSuggestion(row, suggestion(row))
                        : row)
                .toList();
        List<Long> ids = contracts.insertAll(
                storedRows, storedRows.stream().map(ContractService::suggestion).toList(), now);
        List<AuditTrail.Event> auditEvents = new ArrayList<>(ids.size() + changes.size());
        for (int i = 0; i < ids.size(); i++) {
            auditEvents.add(new AuditTrail.Event(ids.get(i), AuditAction.CREATE, null, storedRows.get(i)));
            ContractForm asked = newRows.get(i);
            if (storedRows.get(i) != asked) {
                levelRequests.add(new LevelDecisionRepository.NewRequest(
                        ids.get(i), suggestion(asked), asked.requiredLevel(), asked.levelReason()));
            }
        }
        java.util.Map<Long, Integer> stored =
                contracts.lockVersions(changes.stream().map(ImportedChange::id).toList());
        java.util.Map<Long, ContractForm> updates = new java.util.LinkedHashMap<>();
        List<Long> levelChanged = new ArrayList<>();
        for (ImportedChange change : changes) {
            if (!Integer.valueOf(change.version()).equals(stored.get(change.id()))) {
                throw new ConcurrentEditException(AUDIT_TYPE, change.id());
            }
            ContractForm valid = checked(change.after(), scope);
            RequiredLevel suggested = suggestion(valid);
            RequiredLevel beforeLevel = change.before().requiredLevel();
            RequiredLevel beforeSuggested =
                    change.before().decisionChart() == null ? null : suggestion(change.before());
            boolean held =
                    ContractRules.levelNeedsApproval(valid.requiredLevel(), suggested, beforeLevel, beforeSuggested);
            ContractForm kept = held ? ContractRules.atSuggestion(valid, suggested) : valid;
            updates.put(change.id(), kept);
            auditEvents.add(new AuditTrail.Event(change.id(), AuditAction.UPDATE, change.before(), kept));
            if (ContractRules.levelChanged(valid.requiredLevel(), suggested, beforeLevel, beforeSuggested)) {
                levelChanged.add(change.id());
            }
            if (held) {
                levelRequests.add(new LevelDecisionRepository.NewRequest(
                        change.id(), suggested, valid.requiredLevel(), valid.levelReason()));
            }
        }
        contracts.updateAll(updates, ContractService::suggestion, now);
        audit.recordAll(AUDIT_TYPE, auditEvents);
        withdrawLevelRequests(levelChanged, now);
        requestLevels(levelRequests, now);
        Set<Long> changed = new HashSet<>(ids);
        changed.addAll(updates.keySet());
        if (!changed.isEmpty()) {
            events.publishEvent(new MasterDataChangedEvent(Set.of(), changed));
        }
        return ids;
    }

    /** One changed contract of an import: as it was read at {@code version}, and as it is to be stored. */
    public record ImportedChange(long id, int version, ContractForm before, ContractForm after) {}

    /** The editor's rules for an imported row (its supplier was found by the import's check, in this snapshot). */
    private static ContractForm checked(ContractForm form, DataScope scope) {
        ContractRules.Checked checked = ContractRules.check(form, scope, supplierId -> true);
        if (!checked.valid()) {
            throw new ValidationException(checked.problems());
        }
        return checked.form();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> history(long id) {
        find(id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        return auditService.historyOf(AUDIT_TYPE, id);
    }

    private static RequiredLevel suggestion(ContractForm form) {
        return form.decisionChart().suggestion().orElse(null);
    }

    private ContractForm validate(ContractForm form, DataScope scope, Long id) {
        ContractRules.Checked checked = ContractRules.check(
                form, scope, supplierId -> suppliers.find(supplierId).isPresent());
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        String number = checked.form().contractNumber();
        if (problems.isEmpty() && number != null) {
            contracts
                    .findIdAndTitleByNumber(number)
                    .filter(existing -> !existing.id().equals(id))
                    .ifPresent(existing -> problems.add(
                            ContractRules.duplicateNumber(number, existing.title(), existing.orgUnitId(), scope)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return checked.form();
    }
}
