package jp.hoshimi.exception;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.exception.internal.ExceptionRepository;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
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
 * Exceptions (例外承認, issue 20): a risk accepted for a while. Procurement staff or risk managers request
 * one for a finding or for a supplier across its contracts; a risk manager who is not the requester
 * approves or rejects it (four eyes: the role check lets an administrator decide only if also a risk
 * manager); a risk manager may end one early. Lapsing by itself is {@link AcceptedRisksFromExceptions}.
 * Every step is audited; the data scope is the contracts' (docs/decisions/0026-risk-exceptions.md).
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class ExceptionService {

    public static final String AUDIT_TYPE = "risk_exception";
    public static final int MAX_TEXT = 2000;
    public static final int MAX_PAGE_SIZE = 1000;

    private final ExceptionRepository exceptions;
    private final ComplianceService compliance;
    private final ContractService contracts;
    private final OrgUnitService orgUnits;
    private final SettingsService settings;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExceptionService(
            ExceptionRepository exceptions,
            ComplianceService compliance,
            ContractService contracts,
            OrgUnitService orgUnits,
            SettingsService settings,
            AuditTrail audit,
            SystemAuthentication system,
            BusinessDate businessDate,
            Clock clock,
            ApplicationEventPublisher events) {
        this.exceptions = exceptions;
        this.compliance = compliance;
        this.contracts = contracts;
        this.orgUnits = orgUnits;
        this.settings = settings;
        this.audit = audit;
        this.system = system;
        this.businessDate = businessDate;
        this.clock = clock;
        this.events = events;
    }

    /** The last end date a request made today may have (today + the policy's maximum). */
    @Transactional(readOnly = true)
    public LocalDate latestEndDate() {
        return businessDate.today().plusDays(settings.policy().exceptionMaxDays());
    }

    /**
     * Requests an exception; answers its id. The status it accepts is the finding's now (for a supplier,
     * its worst finding in the chains the user may see), which must be failing.
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME})
    public long request(ExceptionRequest request) {
        validate(request);
        Long unit = null;
        ComplianceStatus accepted;
        if (request.contractId() != null) {
            ContractDetails contract = contracts
                    .find(request.contractId())
                    .orElseThrow(() -> new NotFoundException("contract", request.contractId()));
            unit = contract.orgUnitId();
            accepted = compliance.contractEvaluation(contract.id()).links().stream()
                    .filter(f -> f.supplierId() == request.supplierId())
                    .map(f -> f.verdict().gapStatus())
                    .findFirst()
                    .orElseThrow(() -> new ValidationException(FieldProblem.of("supplierId", "exception.notInChain")));
        } else {
            if (!orgUnits.currentScope().groupWide()) {
                throw new ValidationException(FieldProblem.of("contractId", "exception.supplierWideGroupOnly"));
            }
            accepted = ComplianceStatus.worstOf(compliance.supplierEvaluation(request.supplierId()).findings().stream()
                    .map(Finding::verdict)
                    .map(v -> v.gapStatus())
                    .toList());
        }
        if (!accepted.isFailing()) {
            throw new ValidationException(FieldProblem.of("supplierId", "exception.nothingToAccept"));
        }
        if (exceptions.openExists(request.supplierId(), request.contractId())) {
            throw new ValidationException(FieldProblem.of("supplierId", "exception.alreadyOpen"));
        }
        long id = exceptions.insert(request, unit, accepted, system.currentActor(), LocalDateTime.now(clock));
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, visible(id));
        return id;
    }

    /** Approves a request made by someone else; the finding shows ACCEPTED once it is re-evaluated. */
    @Transactional
    @RolesAllowed(Role.RISK_MANAGER_NAME)
    public void approve(long id, int version, String note) {
        decide(id, version, ExceptionState.APPROVED, note);
    }

    @Transactional
    @RolesAllowed(Role.RISK_MANAGER_NAME)
    public void reject(long id, int version, String note) {
        decide(id, version, ExceptionState.REJECTED, note);
    }

    /** Ends an approved exception before its end date: the finding reopens. */
    @Transactional
    @RolesAllowed(Role.RISK_MANAGER_NAME)
    public void end(long id) {
        RiskException before = visible(id);
        if (before.state() != ExceptionState.APPROVED
                || exceptions.close(
                                List.of(id),
                                ExceptionState.ENDED,
                                "EARLY",
                                system.currentActor(),
                                LocalDateTime.now(clock))
                        != 1) {
            throw new ValidationException(FieldProblem.of("state", "exception.notApproved"));
        }
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, before, visible(id));
        events.publishEvent(reevaluation(before));
    }

    /** @throws NotFoundException when unknown or outside the user's scope */
    @Transactional(readOnly = true)
    public RiskException get(long id) {
        return visible(id);
    }

    @Transactional(readOnly = true)
    public Optional<RiskException> find(long id) {
        return exceptions.find(orgUnits.currentScope(), id);
    }

    /** One page of the exceptions the user may see, newest first; {@code state} null for all. */
    @Transactional(readOnly = true)
    public List<RiskException> list(ExceptionState state, int offset, int limit) {
        return exceptions.list(
                orgUnits.currentScope(), state, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int count(ExceptionState state) {
        return exceptions.count(orgUnits.currentScope(), state);
    }

    private void decide(long id, int version, ExceptionState decision, String note) {
        RiskException before = visible(id);
        if (before.state() != ExceptionState.REQUESTED) {
            throw new ValidationException(FieldProblem.of("state", "exception.notRequested"));
        }
        String actor = system.currentActor();
        if (actor.equals(before.requestedBy())) {
            throw new ValidationException(FieldProblem.of("decidedBy", "exception.fourEyes"));
        }
        if (decision == ExceptionState.APPROVED && before.endsOn().isBefore(businessDate.today())) {
            throw new ValidationException(FieldProblem.of("endsOn", "exception.endsOn.past"));
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw new ValidationException(FieldProblem.of("note", "exception.text.tooLong", MAX_TEXT));
        }
        if (!exceptions.decide(id, version, decision, actor, note, LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, before, visible(id));
        if (decision == ExceptionState.APPROVED) {
            events.publishEvent(reevaluation(before));
        }
    }

    private void validate(ExceptionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "justification", request.justification());
        text(problems, "compensatingMeasures", request.compensatingMeasures());
        LocalDate today = businessDate.today();
        if (request.endsOn() == null) {
            problems.add(FieldProblem.of("endsOn", "validation.required"));
        } else if (request.endsOn().isBefore(today) || request.endsOn().isAfter(latestEndDate())) {
            problems.add(FieldProblem.of("endsOn", "exception.endsOn.range", today, latestEndDate()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (value.strip().length() > MAX_TEXT) {
            problems.add(FieldProblem.of(field, "exception.text.tooLong", MAX_TEXT));
        }
    }

    private RiskException visible(long id) {
        return exceptions.find(orgUnits.currentScope(), id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
    }

    /** The findings an exception covers are judged again once the change is committed. */
    static MasterDataChangedEvent reevaluation(RiskException exception) {
        return exception.supplierWide()
                ? MasterDataChangedEvent.supplier(exception.supplierId())
                : MasterDataChangedEvent.contract(exception.contractId());
    }
}
