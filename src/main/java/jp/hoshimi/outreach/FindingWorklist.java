package jp.hoshimi.outreach;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.outreach.internal.RequestRepository;
import jp.hoshimi.outreach.internal.RequestRepository.Gap;
import jp.hoshimi.outreach.internal.RequestRepository.NewRequest;
import jp.hoshimi.outreach.internal.WorklistQueries;
import jp.hoshimi.outreach.internal.WorklistQueries.BulkFinding;
import jp.hoshimi.outreach.internal.WorklistQueries.OpenRequest;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings list as a work list (issue 19): each finding with the open request that covers it, filtered
 * by status, required level and request; and from its current filter, one request per supplier at once
 * ("ask all 24 suppliers that are not registered for ★3"). The scope is the contracts' units, as for every
 * finding; a bulk request asks only suppliers of findings the user may see.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class FindingWorklist {

    static final int MAX_PAGE_SIZE = 1000;
    /** How many contracts a bulk letter lists by name; the request keeps all of them. */
    static final int LISTED_CONTRACTS = 20;

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final WorklistQueries worklist;
    private final RequestRepository requests;
    private final OrgUnitService orgUnits;
    private final RequestTemplates templates;
    private final RequestLetters letters;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final int defaultDueDays;

    FindingWorklist(
            WorklistQueries worklist,
            RequestRepository requests,
            OrgUnitService orgUnits,
            RequestTemplates templates,
            RequestLetters letters,
            AuditTrail audit,
            SystemAuthentication system,
            BusinessDate businessDate,
            Clock clock,
            @Value("${hoshimi.requests.default-due-days:60}") int defaultDueDays) {
        this.worklist = worklist;
        this.requests = requests;
        this.orgUnits = orgUnits;
        this.templates = templates;
        this.letters = letters;
        this.audit = audit;
        this.system = system;
        this.businessDate = businessDate;
        this.clock = clock;
        this.defaultDueDays = defaultDueDays;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<WorklistRow> list(WorklistFilter filter, int offset, int limit) {
        return worklist.list(
                orgUnits.currentScope(),
                filter == null ? WorklistFilter.none() : filter,
                businessDate.today(),
                Math.max(0, offset),
                Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public int count(WorklistFilter filter) {
        return worklist.count(
                orgUnits.currentScope(), filter == null ? WorklistFilter.none() : filter, businessDate.today());
    }

    /** Who a bulk request from this filter would ask, and who it would skip and why; changes nothing. */
    @Transactional(readOnly = true)
    public BulkPreview preview(WorklistFilter filter) {
        return new BulkPreview(candidates(orgUnits.currentScope(), filter, false));
    }

    /**
     * One request per supplier of the filter's findings (not OK, not accepted), made and sent at once: set-based
     * for the requests, their contracts, timeline and audit; each letter then goes into the outbox with its own
     * answer link. Suppliers without a primary contact's e-mail address, and suppliers with a request for the
     * level (or a higher one) not closed yet, are skipped and named.
     */
    @Transactional
    public BulkResult ask(WorklistFilter filter, String language) {
        String lang = "en".equals(language) ? "en" : "ja";
        List<BulkCandidate> candidates = candidates(orgUnits.currentScope(), filter, true);
        List<BulkCandidate> asked =
                candidates.stream().filter(BulkCandidate::asked).toList();
        if (asked.isEmpty()) {
            return new BulkResult(List.of(), candidates);
        }
        long owner = RequestService.currentUserId()
                .orElseThrow(() -> new ValidationException(FieldProblem.of("owner", "request.owner.none")));
        LocalDateTime now = LocalDateTime.now(clock);
        String actor = system.currentActor();
        String sender = requests.displayName(owner).orElse(null);
        Map<Long, String> messages = new LinkedHashMap<>();
        List<NewRequest> rows = new ArrayList<>();
        for (BulkCandidate c : asked) {
            String message = message(c, lang, sender);
            messages.put(c.supplierId(), message);
            rows.add(new NewRequest(
                    c.supplierId(),
                    c.contactName(),
                    c.contactEmail(),
                    c.gapType(),
                    c.requestedLevel(),
                    c.dueDate(),
                    lang,
                    message,
                    owner));
        }
        Map<Long, Long> ids = requests.insertAllSent(rows, now);
        if (ids.size() != asked.size()) {
            throw new IllegalStateException("bulk request: " + ids.size() + " rows for " + asked.size() + " suppliers");
        }
        Map<Long, List<RequestContract>> contracts = new LinkedHashMap<>();
        asked.forEach(c -> contracts.put(ids.get(c.supplierId()), c.contracts()));
        requests.insertContracts(contracts);
        requests.insertEvents(ids.values(), now, actor, "CREATED", null, RequestState.DRAFT);
        requests.insertEvents(
                ids.values(), now, actor, RequestState.SENT.name(), RequestState.DRAFT, RequestState.SENT);
        List<AuditTrail.Event> events = new ArrayList<>();
        for (BulkCandidate c : asked) {
            long id = ids.get(c.supplierId());
            events.add(new AuditTrail.Event(id, AuditAction.CREATE, null, c));
            events.add(new AuditTrail.Event(id, AuditAction.UPDATE, RequestState.DRAFT, RequestState.SENT));
        }
        audit.recordAll(RequestService.AUDIT_TYPE, events);
        List<Long> made = new ArrayList<>();
        for (BulkCandidate c : asked) {
            long id = ids.get(c.supplierId());
            // one letter per supplier: each carries its own random answer link (RequestLetters)
            letters.send(details(id, c, lang, messages.get(c.supplierId()), owner), false, "SENT");
            made.add(id);
        }
        return new BulkResult(made, candidates.stream().filter(c -> !c.asked()).toList());
    }

    private String message(BulkCandidate c, String lang, String sender) {
        List<RequestContract> listed =
                c.contracts().size() > LISTED_CONTRACTS ? c.contracts().subList(0, LISTED_CONTRACTS) : c.contracts();
        String message =
                templates.message(c.gapType(), lang, c.supplierName(), c.requestedLevel(), c.dueDate(), listed, sender);
        return message.length() > 4000 ? message.substring(0, 4000) : message;
    }

    private static RequestDetails details(long id, BulkCandidate c, String lang, String message, long owner) {
        return new RequestDetails(
                id,
                c.supplierId(),
                c.supplierName(),
                c.corporateNumber(),
                c.contactName(),
                c.contactEmail(),
                c.gapType(),
                c.requestedLevel(),
                c.dueDate(),
                RequestState.SENT,
                false,
                lang,
                message,
                owner,
                null,
                null,
                null,
                0,
                c.contracts(),
                List.of(),
                List.of());
    }

    /** Per supplier of the filter's findings (worst first within it): what it would be asked, or why not. */
    private List<BulkCandidate> candidates(DataScope scope, WorklistFilter filter, boolean lock) {
        LocalDate today = businessDate.today();
        Map<Long, List<BulkFinding>> bySupplier = new LinkedHashMap<>();
        for (BulkFinding f : worklist.bulkFindings(scope, filter == null ? WorklistFilter.none() : filter, today)) {
            bySupplier.computeIfAbsent(f.supplierId(), k -> new ArrayList<>()).add(f);
        }
        List<OpenRequest> open = worklist.notClosed(bySupplier.keySet(), lock);
        List<BulkCandidate> candidates = new ArrayList<>();
        for (List<BulkFinding> findings : bySupplier.values()) {
            BulkFinding first = findings.get(0);
            List<Gap> gaps = findings.stream().map(BulkFinding::gap).toList();
            Gap worst = gaps.stream()
                    .min((a, b) -> Integer.compare(severity(a), severity(b)))
                    .orElseThrow();
            StarLevel level = gaps.stream()
                    .map(g -> g.requiredLevel().starLevel().orElseThrow())
                    .max(StarLevel::compareTo)
                    .orElseThrow();
            List<RequestContract> contracts = gaps.stream()
                    .map(g -> new RequestContract(
                            g.contractId(),
                            g.contractNumber(),
                            g.contractTitle(),
                            g.requiredLevel().name()))
                    .toList();
            BulkCandidate.Skip skip = null;
            if (open.stream()
                    .anyMatch(o ->
                            o.supplierId() == first.supplierId() && o.level().satisfies(level))) {
                skip = BulkCandidate.Skip.ALREADY_OPEN;
            } else if (first.contactEmail() == null
                    || !first.contactEmail().strip().matches(EMAIL)) {
                skip = BulkCandidate.Skip.NO_EMAIL;
            }
            candidates.add(new BulkCandidate(
                    first.supplierId(),
                    first.supplierName(),
                    first.corporateNumber(),
                    GapType.of(worst.status(), worst.heldLevel()),
                    level,
                    RequestService.dueDate(gaps, today, defaultDueDays),
                    first.contactName(),
                    first.contactEmail() == null ? null : first.contactEmail().strip(),
                    contracts,
                    skip));
        }
        return candidates;
    }

    private static int severity(Gap gap) {
        return gap.status().severity();
    }
}
