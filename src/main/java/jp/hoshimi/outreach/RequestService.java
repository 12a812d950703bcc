package jp.hoshimi.outreach;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.outreach.internal.ContactRepository;
import jp.hoshimi.outreach.internal.RequestRepository;
import jp.hoshimi.outreach.internal.RequestRepository.Gap;
import jp.hoshimi.outreach.internal.RequestRepository.NewRequest;
import jp.hoshimi.outreach.internal.RequestRepository.SupplierFacts;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests to suppliers (取引先への依頼, issue 19): made where a gap is seen, sent as a letter with an answer
 * link through the alert outbox, answered by the supplier without an account, closed by hand or by the
 * register. Procurement sees and makes requests only for suppliers in their units' contracts; another
 * supplier's request is "not found". Every change is on the request's timeline and in the audit log.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class RequestService {

    public static final String AUDIT_TYPE = "supplier_request";
    static final int MAX_PAGE_SIZE = 1000;
    static final int MAX_EXPORT_ROWS = 200_000;

    private final RequestRepository requests;
    private final ContactRepository contacts;
    private final OrgUnitService orgUnits;
    private final RequestTemplates templates;
    private final RequestLetters letters;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final int defaultDueDays;

    RequestService(
            RequestRepository requests,
            ContactRepository contacts,
            OrgUnitService orgUnits,
            RequestTemplates templates,
            RequestLetters letters,
            AuditTrail audit,
            SystemAuthentication system,
            BusinessDate businessDate,
            Clock clock,
            @Value("${hoshimi.requests.default-due-days:60}") int defaultDueDays) {
        this.requests = requests;
        this.contacts = contacts;
        this.orgUnits = orgUnits;
        this.templates = templates;
        this.letters = letters;
        this.audit = audit;
        this.system = system;
        this.businessDate = businessDate;
        this.clock = clock;
        this.defaultDueDays = defaultDueDays;
    }

    /**
     * A new request as the supplier's gaps suggest it: gap type and level from its worst finding in scope,
     * the contracts that need it, the primary contact, the due date (the earliest of: a contract start or
     * the registration's end still ahead, else today + the default) and the template's message.
     */
    @Transactional(readOnly = true)
    public RequestForm suggest(long supplierId, String language) {
        return suggest(supplierId, RequestFocus.NONE, language);
    }

    /**
     * As {@link #suggest(long, String)}, where the gap is seen: {@code focus} keeps only the gaps in its
     * contracts (the contract page, a finding, a contract list row) and may name the level to ask (the
     * supplier check); its gap type then follows the worst of those gaps.
     */
    @Transactional(readOnly = true)
    public RequestForm suggest(long supplierId, RequestFocus focus, String language) {
        DataScope scope = orgUnits.currentScope();
        SupplierFacts supplier = supplierInScope(scope, supplierId);
        List<Gap> gaps = requests.gaps(scope, supplierId).stream()
                .filter(g -> focus.contractIds() == null || focus.contractIds().contains(g.contractId()))
                .toList();
        GapType gap = gaps.isEmpty()
                ? GapType.NOT_REGISTERED
                : GapType.of(gaps.get(0).status(), gaps.get(0).heldLevel());
        StarLevel level = focus.level() != null
                ? focus.level()
                : gaps.stream()
                        .map(g -> g.requiredLevel().starLevel().orElseThrow())
                        .max(StarLevel::compareTo)
                        .orElse(StarLevel.STAR3);
        LocalDate due = dueDate(gaps, businessDate.today(), defaultDueDays);
        List<Long> contractIds = gaps.stream().map(Gap::contractId).toList();
        List<RequestContract> snapshot = requests.contracts(scope, supplierId, contractIds);
        Optional<SupplierContact> primary =
                contacts.ofSupplier(supplierId).stream().findFirst();
        return new RequestForm(
                supplierId,
                primary.map(SupplierContact::id).orElse(null),
                primary.map(SupplierContact::name).orElse(null),
                primary.map(SupplierContact::email).orElse(null),
                gap,
                level,
                due,
                language,
                templates.message(
                        gap,
                        language,
                        supplier.name(),
                        level,
                        due,
                        snapshot,
                        currentUser().map(HoshimiUser::displayName).orElse(null)),
                contractIds);
    }

    /** The earliest of a contract start or a registration's end a week or more ahead, else today + the default. */
    static LocalDate dueDate(List<Gap> gaps, LocalDate today, int defaultDueDays) {
        LocalDate due = today.plusDays(defaultDueDays);
        for (Gap g : gaps) {
            for (LocalDate d : new LocalDate[] {g.contractStart(), g.validUntil()}) {
                if (d != null && d.isAfter(today.plusDays(6)) && d.isBefore(due)) {
                    due = d;
                }
            }
        }
        return due;
    }

    /** Whether the current user may ask this supplier (a role that makes requests, the supplier in scope). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public boolean mayAsk(long supplierId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean maker = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> List.of(
                                        "ROLE_" + Role.PROCUREMENT_NAME,
                                        "ROLE_" + Role.RISK_MANAGER_NAME,
                                        "ROLE_" + Role.ADMIN_NAME)
                                .contains(a.getAuthority()));
        return maker && requests.supplierInScope(orgUnits.currentScope(), supplierId);
    }

    /** Makes a draft; answers its id. */
    @Transactional
    public long create(RequestForm form) {
        DataScope scope = orgUnits.currentScope();
        SupplierFacts supplier = supplierInScope(scope, form.supplierId());
        RequestForm valid = validate(form, supplier);
        List<RequestContract> snapshot = requests.contracts(
                scope, form.supplierId(), valid.contractIds() == null ? List.of() : valid.contractIds());
        long owner = currentUserId().orElseGet(() -> firstOwner(snapshot));
        String message = valid.message() != null
                ? valid.message()
                : templates.message(
                        valid.gapType(),
                        valid.language(),
                        supplier.name(),
                        valid.requestedLevel(),
                        valid.dueDate(),
                        snapshot,
                        requests.displayName(owner).orElse(null));
        LocalDateTime now = LocalDateTime.now(clock);
        long id = requests.insert(
                new NewRequest(
                        supplier.id(),
                        valid.contactName(),
                        valid.contactEmail(),
                        valid.gapType(),
                        valid.requestedLevel(),
                        valid.dueDate(),
                        valid.language(),
                        message,
                        owner),
                now);
        requests.insertContracts(id, snapshot);
        requests.insertEvent(id, now, system.currentActor(), "CREATED", null, RequestState.DRAFT, null);
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, valid);
        return id;
    }

    /** Makes the request and sends it at once. */
    @Transactional
    public long createAndSend(RequestForm form) {
        long id = create(form);
        send(id, 0);
        return id;
    }

    /** Sends a draft: a letter with a fresh answer link goes into the outbox, exactly once. */
    @Transactional
    public void send(long id, int version) {
        RequestDetails request = inScope(id);
        if (request.contactEmail() == null) {
            throw new ValidationException(FieldProblem.of("contactEmail", "request.contact.noEmail"));
        }
        move(request, RequestState.SENT, version, null);
        letters.send(request, false, "SENT");
    }

    /** Changes the message of a draft before it is sent (what was sent is never changed). */
    @Transactional
    public void editMessage(long id, int version, String message) {
        RequestDetails request = inScope(id);
        if (request.state() != RequestState.DRAFT) {
            throw new ValidationException(FieldProblem.of("message", "request.message.notDraft"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = ContactService.trim(message);
        if (text == null) {
            problems.add(FieldProblem.of("message", "validation.required"));
        }
        ContactService.tooLong(problems, "message", text, 4000);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!requests.updateMessage(id, version, text, now)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        requests.insertEvent(id, now, system.currentActor(), "EDITED", request.state(), request.state(), null);
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, Map.of("message", request.message()), Map.of("message", text));
    }

    @Transactional
    public void withdraw(long id, int version, String note) {
        RequestDetails request = inScope(id);
        move(request, RequestState.WITHDRAWN, version, note);
        letters.closed(id);
    }

    /** Closes by hand, with a note (e.g. "registered under the parent company"). */
    @Transactional
    public void close(long id, int version, String note) {
        if (note == null || note.isBlank()) {
            throw new ValidationException(FieldProblem.of("note", "validation.required"));
        }
        RequestDetails request = inScope(id);
        move(request, RequestState.DONE, version, note.strip());
        letters.closed(id);
    }

    /** Every answer link of the request stops working at once (a mail went to the wrong person). */
    @Transactional
    public void revokeLinks(long id) {
        RequestDetails request = inScope(id);
        letters.revoke(request.id());
        requests.insertEvent(
                id,
                LocalDateTime.now(clock),
                system.currentActor(),
                "REVOKED_LINK",
                request.state(),
                request.state(),
                null);
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, null, "links revoked");
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<RequestDetails> find(long id) {
        return requests.find(orgUnits.currentScope(), id, businessDate.today());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<RequestListItem> list(RequestFilter filter, int offset, int limit) {
        return requests.list(
                orgUnits.currentScope(),
                filter == null ? RequestFilter.none() : filter,
                businessDate.today(),
                Math.max(0, offset),
                Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    /**
     * Every request the list shows for {@code filter}, in its order, handed to {@code sink} as the rows arrive
     * (the export streams them to the browser). Stops after {@value #MAX_EXPORT_ROWS} rows.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public void export(RequestFilter filter, Consumer<RequestListItem> sink) {
        requests.stream(
                orgUnits.currentScope(),
                filter == null ? RequestFilter.none() : filter,
                businessDate.today(),
                MAX_EXPORT_ROWS,
                sink);
    }

    /** Open and overdue requests in the user's scope (the dashboard). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public RequestCounts counts() {
        int[] counts = requests.counts(orgUnits.currentScope(), businessDate.today());
        return new RequestCounts(counts[0], counts[1]);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private RequestDetails inScope(long id) {
        return requests.find(orgUnits.currentScope(), id, businessDate.today())
                .orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
    }

    private SupplierFacts supplierInScope(DataScope scope, long supplierId) {
        if (!requests.supplierInScope(scope, supplierId)) {
            throw new NotFoundException("supplier", supplierId);
        }
        return requests.supplier(supplierId).orElseThrow(() -> new NotFoundException("supplier", supplierId));
    }

    /** One step of the state machine, on the timeline and in the audit log; a stale version is refused. */
    private void move(RequestDetails request, RequestState to, int version, String note) {
        if (!request.state().canMoveTo(to)) {
            throw new ValidationException(FieldProblem.of("state", "request.state.cannotMove", request.state(), to));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!requests.move(request.id(), request.state(), to, version, now, note)) {
            throw new ConcurrentEditException(AUDIT_TYPE, request.id());
        }
        requests.insertEvent(request.id(), now, system.currentActor(), to.name(), request.state(), to, note);
        audit.record(AUDIT_TYPE, request.id(), AuditAction.UPDATE, request.state(), to);
    }

    private RequestForm validate(RequestForm form, SupplierFacts supplier) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = ContactService.trim(form.contactName());
        String email = ContactService.trim(form.contactEmail());
        if (form.contactId() != null) {
            Optional<SupplierContact> contact = contacts.find(supplier.id(), form.contactId());
            if (contact.isEmpty()) {
                problems.add(FieldProblem.of("contactId", "request.contact.unknown"));
            } else {
                name = contact.get().name();
                email = contact.get().email();
            }
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(FieldProblem.of("contactEmail", "validation.email"));
        }
        if (form.gapType() == null) {
            problems.add(FieldProblem.of("gapType", "validation.required"));
        }
        if (form.requestedLevel() == null) {
            problems.add(FieldProblem.of("requestedLevel", "validation.required"));
        }
        if (form.dueDate() == null) {
            problems.add(FieldProblem.of("dueDate", "validation.required"));
        } else if (!form.dueDate().isAfter(businessDate.today())) {
            problems.add(FieldProblem.of("dueDate", "request.dueDate.past"));
        }
        String message = ContactService.trim(form.message());
        ContactService.tooLong(problems, "message", message, 4000);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String language = "en".equals(form.language()) ? "en" : "ja";
        return new RequestForm(
                supplier.id(),
                form.contactId(),
                name,
                email,
                form.gapType(),
                form.requestedLevel(),
                form.dueDate(),
                language,
                message,
                form.contractIds());
    }

    static Optional<Long> currentUserId() {
        return currentUser().map(HoshimiUser::id);
    }

    private static Optional<HoshimiUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof HoshimiUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    /** A request made over an API token belongs to the owner of its first contract. */
    private long firstOwner(List<RequestContract> snapshot) {
        return snapshot.stream()
                .map(c -> requests.contractOwner(c.contractId()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ValidationException(FieldProblem.of("contractIds", "request.owner.none")));
    }
}
