package jp.hoshimi.supplier;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.supplier.internal.SupplierRepository;
import jp.hoshimi.supplier.internal.SupplierRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supplier master shared by the whole corporate group. */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class SupplierService {

    /** Largest page a caller may ask for; grids ask for 50 at a time. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** The most rows one export writes. */
    public static final int MAX_EXPORT_ROWS = 1_000_000;

    /** Entity type in the audit trail. */
    public static final String AUDIT_TYPE = "supplier";

    private final SupplierRepository suppliers;
    private final AuditTrail audit;
    private final AuditService auditService;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int countCap;

    SupplierService(
            SupplierRepository suppliers,
            AuditTrail audit,
            AuditService auditService,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${hoshimi.list.count-cap:" + ResultCount.DEFAULT_CAP + "}") int countCap) {
        this.suppliers = suppliers;
        this.audit = audit;
        this.auditService = auditService;
        this.clock = clock;
        this.events = events;
        this.countCap = countCap;
    }

    @Transactional(readOnly = true)
    public List<SupplierListItem> list(SupplierFilter filter, SupplierSort.Order order, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return suppliers.list(
                normalise(filter),
                order == null ? SupplierSort.Order.defaultOrder() : order,
                offset,
                Math.min(limit, MAX_PAGE_SIZE));
    }

    /**
     * Every supplier that matches, in the list's order, handed to {@code sink} one at a time as the rows
     * arrive from the database (an export streams them to the browser). Stops after {@value #MAX_EXPORT_ROWS}.
     */
    @Transactional(readOnly = true)
    public void export(SupplierFilter filter, SupplierSort.Order order, Consumer<SupplierListItem> sink) {
        suppliers.stream(
                normalise(filter), order == null ? SupplierSort.Order.defaultOrder() : order, MAX_EXPORT_ROWS, sink);
    }

    /** How many suppliers match: exactly, or "at least N" beyond the configured cap (the grid scrolls on). */
    @Transactional(readOnly = true)
    public ResultCount count(SupplierFilter filter) {
        return suppliers.count(normalise(filter), countCap);
    }

    /**
     * Creates several suppliers, all or nothing, each validated and audited like {@link #create}. For
     * demo data and small batches; spreadsheet import (issue 4) brings the set-based bulk path.
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public int createAll(List<SupplierForm> forms) {
        // validate everything before writing anything, so a bad row leaves no partial batch behind
        forms.forEach(form -> validate(form, null));
        forms.forEach(this::create);
        return forms.size();
    }

    @Transactional(readOnly = true)
    public Optional<SupplierDetails> find(long id) {
        return suppliers.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<SupplierDetails> findByCorporateNumber(String corporateNumber) {
        if (!CorporateNumber.isValid(corporateNumber)) {
            return Optional.empty();
        }
        return suppliers.findByCorporateNumber(
                CorporateNumber.parse(corporateNumber).value());
    }

    @Transactional(readOnly = true)
    public Optional<SupplierDetails> findByCode(String supplierCode) {
        return supplierCode == null ? Optional.empty() : suppliers.findByCode(supplierCode.strip());
    }

    /** Creates a supplier. @throws ValidationException listing every problem; nothing is written then. */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public long create(SupplierForm form) {
        SupplierRow row = validate(form, null);
        long id = suppliers.insert(row, LocalDateTime.now(clock));
        SupplierDetails created = suppliers.findById(id).orElseThrow();
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, created.toForm());
        events.publishEvent(MasterDataChangedEvent.supplier(id));
        return id;
    }

    /**
     * Saves changes made to the given version. @throws ConcurrentEditException when someone else saved
     * (or deleted) the supplier since that version was read.
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public void update(long id, int version, SupplierForm form) {
        SupplierDetails before = suppliers.findById(id).orElseThrow(() -> new ConcurrentEditException(AUDIT_TYPE, id));
        SupplierRow row = validate(form, id);
        if (!suppliers.update(id, version, row, LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, before.toForm(), row.toForm());
        if (!java.util.Objects.equals(before.corporateNumber(), row.corporateNumber())) {
            events.publishEvent(MasterDataChangedEvent.supplier(id));
        }
    }

    /** Deletes a supplier that no contract or chain uses. */
    @Transactional
    @RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public void delete(long id, int version) {
        SupplierDetails before = suppliers.findById(id).orElseThrow(() -> new ConcurrentEditException(AUDIT_TYPE, id));
        int contracts = suppliers.countContracts(id);
        int links = suppliers.countLinks(id);
        if (contracts > 0 || links > 0) {
            throw new SupplierInUseException(id, contracts, links);
        }
        if (!suppliers.delete(id, version)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.DELETE, before.toForm(), null);
    }

    /** The audit history of one supplier, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(long id) {
        return auditService.historyOf(AUDIT_TYPE, id);
    }

    /**
     * Writes an import's new and changed suppliers in bulk, in the caller's transaction: one multi-row
     * INSERT for the new ones, a version check under lock and one batch of UPDATEs for the changed ones,
     * fragments and sort keys set-based, the audit events in one INSERT and one re-evaluation trigger.
     * The rows were checked against the same rules ({@link SupplierRules#cellProblems}) and against the master by the
     * import; a 法人番号 or code taken meanwhile fails on the unique keys and rolls everything back.
     *
     * @return the ids of the created suppliers, in the order of {@code creates}
     * @throws ConcurrentEditException when a changed supplier was saved by someone else since {@code version}
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public List<Long> importAll(List<SupplierForm> creates, List<ImportedChange> changes) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<SupplierRow> newRows = creates.stream().map(SupplierService::toRow).toList();
        List<Long> ids = suppliers.insertAll(newRows, now);
        List<AuditTrail.Event> events = new ArrayList<>(ids.size() + changes.size());
        for (int i = 0; i < ids.size(); i++) {
            events.add(new AuditTrail.Event(
                    ids.get(i), AuditAction.CREATE, null, newRows.get(i).toForm()));
        }
        java.util.Set<Long> evaluate = new java.util.HashSet<>(ids);
        java.util.Map<Long, Integer> stored =
                suppliers.lockVersions(changes.stream().map(ImportedChange::id).toList());
        java.util.Map<Long, SupplierRow> updates = new java.util.LinkedHashMap<>();
        for (ImportedChange change : changes) {
            if (!Integer.valueOf(change.version()).equals(stored.get(change.id()))) {
                throw new ConcurrentEditException(AUDIT_TYPE, change.id());
            }
            SupplierRow row = toRow(change.after());
            updates.put(change.id(), row);
            events.add(new AuditTrail.Event(change.id(), AuditAction.UPDATE, change.before(), row.toForm()));
            if (!java.util.Objects.equals(change.before().corporateNumber(), row.corporateNumber())) {
                evaluate.add(change.id());
            }
        }
        suppliers.updateAll(updates, now);
        audit.recordAll(AUDIT_TYPE, events);
        if (!evaluate.isEmpty()) {
            this.events.publishEvent(new MasterDataChangedEvent(evaluate, java.util.Set.of()));
        }
        return ids;
    }

    /** A 法人番号 to set on a supplier read at {@code version}. */
    public record NumberAssignment(long id, int version, String corporateNumber) {}

    /**
     * Sets the 法人番号 of several suppliers at once (a person confirmed each: a candidate from the NTA data,
     * or a merged company's successor), set-based and all or nothing through {@link #importAll}: versions
     * checked under lock, one batch of updates, the audit events in one insert, one re-evaluation. Callers
     * check the data scope. @throws DuplicateSupplierException when a number belongs to another supplier
     * (or is given twice); @throws ConcurrentEditException when a supplier changed since it was read.
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public int assignCorporateNumbers(List<NumberAssignment> assignments) {
        java.util.Map<String, Long> wanted = new java.util.HashMap<>();
        for (NumberAssignment a : assignments) {
            try {
                CorporateNumber.parse(a.corporateNumber());
            } catch (jp.hoshimi.shared.InvalidCorporateNumberException e) {
                throw new ValidationException(
                        List.of(FieldProblem.of("corporateNumber", e.reason().messageKey())));
            }
            Long twice = wanted.put(CorporateNumber.parse(a.corporateNumber()).value(), a.id());
            if (twice != null) {
                throw new DuplicateSupplierException("corporateNumber", a.corporateNumber(), twice, "#" + twice);
            }
        }
        for (SupplierDetails holder : suppliers.findByCorporateNumbers(wanted.keySet())) {
            if (!Long.valueOf(holder.id()).equals(wanted.get(holder.corporateNumber()))) {
                throw new DuplicateSupplierException(
                        "corporateNumber", holder.corporateNumber(), holder.id(), holder.name());
            }
        }
        java.util.Map<Long, SupplierDetails> before = new java.util.HashMap<>();
        suppliers
                .findByIds(assignments.stream().map(NumberAssignment::id).toList())
                .forEach(d -> before.put(d.id(), d));
        List<ImportedChange> changes = new ArrayList<>();
        for (NumberAssignment a : assignments) {
            SupplierDetails stored = before.get(a.id());
            if (stored == null) {
                throw new ConcurrentEditException(AUDIT_TYPE, a.id());
            }
            SupplierForm form = stored.toForm();
            changes.add(new ImportedChange(
                    a.id(),
                    a.version(),
                    form,
                    new SupplierForm(
                            CorporateNumber.parse(a.corporateNumber()).value(),
                            form.supplierCode(),
                            form.name(),
                            form.nameKana(),
                            form.country(),
                            form.address(),
                            form.contactName(),
                            form.contactEmail(),
                            form.notes())));
        }
        importAll(List.of(), changes);
        return changes.size();
    }

    /** One changed supplier of an import: as it was read at {@code version}, and as it is to be stored. */
    public record ImportedChange(long id, int version, SupplierForm before, SupplierForm after) {}

    private SupplierRow validate(SupplierForm entered, Long id) {
        List<FieldProblem> problems = SupplierRules.cellProblems(entered, true);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        SupplierRow row = toRow(entered);
        if (row.corporateNumber() != null) {
            Optional<SupplierDetails> other = suppliers.findByCorporateNumber(row.corporateNumber());
            if (other.isPresent() && !Long.valueOf(other.get().id()).equals(id)) {
                throw new DuplicateSupplierException(
                        "corporateNumber",
                        row.corporateNumber(),
                        other.get().id(),
                        other.get().name());
            }
        }
        if (row.supplierCode() != null) {
            Optional<SupplierDetails> other = suppliers.findByCode(row.supplierCode());
            if (other.isPresent() && !Long.valueOf(other.get().id()).equals(id)) {
                throw new DuplicateSupplierException(
                        "supplierCode",
                        row.supplierCode(),
                        other.get().id(),
                        other.get().name());
            }
        }
        return row;
    }

    /** A form that passed {@link SupplierRules#cellProblems} as it is stored, with its search and sort keys. */
    private static SupplierRow toRow(SupplierForm entered) {
        SupplierForm form = entered.withDefaults();
        String name = blankToNull(form.name());
        String corporateNumber = blankToNull(form.corporateNumber()) == null
                ? null
                : CorporateNumber.parse(form.corporateNumber()).value();
        return new SupplierRow(
                corporateNumber,
                blankToNull(form.supplierCode()),
                name,
                CompanyNames.normalize(name),
                blankToNull(form.nameKana()),
                CompanyNames.sortKey(name, form.nameKana()),
                country(form),
                blankToNull(form.address()),
                blankToNull(form.contactName()),
                blankToNull(form.contactEmail()),
                blankToNull(form.notes()));
    }

    static String country(SupplierForm form) {
        return blankToNull(form.country()) == null
                ? null
                : form.country().strip().toUpperCase(Locale.ROOT);
    }

    private static SupplierFilter normalise(SupplierFilter filter) {
        return filter == null ? SupplierFilter.none() : filter;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
