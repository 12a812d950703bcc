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
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.InvalidCorporateNumberException;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.supplier.internal.SupplierRepository;
import jp.hoshimi.supplier.internal.SupplierRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supplier master shared by the whole corporate group. */
@Service
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public void export(SupplierFilter filter, SupplierSort.Order order, Consumer<SupplierListItem> sink) {
        suppliers.stream(
                normalise(filter), order == null ? SupplierSort.Order.defaultOrder() : order, MAX_EXPORT_ROWS, sink);
    }

    /** How many suppliers match: exactly, or "at least N" beyond the configured cap (the grid scrolls on). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<SupplierDetails> find(long id) {
        return suppliers.findById(id);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<SupplierDetails> findByCorporateNumber(String corporateNumber) {
        if (!CorporateNumber.isValid(corporateNumber)) {
            return Optional.empty();
        }
        return suppliers.findByCorporateNumber(
                CorporateNumber.parse(corporateNumber).value());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<AuditEntry> history(long id) {
        return auditService.historyOf(AUDIT_TYPE, id);
    }

    private SupplierRow validate(SupplierForm entered, Long id) {
        SupplierForm form = entered.withDefaults();
        List<FieldProblem> problems = new ArrayList<>();
        String name = blankToNull(form.name());
        if (name == null) {
            problems.add(FieldProblem.of("name", "validation.required"));
        } else if (name.length() > 300) {
            problems.add(FieldProblem.of("name", "validation.tooLong", 300));
        }
        String corporateNumber = null;
        if (blankToNull(form.corporateNumber()) != null) {
            try {
                corporateNumber = CorporateNumber.parse(form.corporateNumber()).value();
            } catch (InvalidCorporateNumberException e) {
                problems.add(FieldProblem.of("corporateNumber", e.reason().messageKey()));
            }
        }
        String code = blankToNull(form.supplierCode());
        if (code != null && code.length() > 50) {
            problems.add(FieldProblem.of("supplierCode", "validation.tooLong", 50));
        }
        String country = blankToNull(form.country()) == null
                ? null
                : form.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            problems.add(FieldProblem.of("country", "validation.country"));
        }
        String email = blankToNull(form.contactEmail());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(FieldProblem.of("contactEmail", "validation.email"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (corporateNumber != null) {
            Optional<SupplierDetails> other = suppliers.findByCorporateNumber(corporateNumber);
            if (other.isPresent() && !Long.valueOf(other.get().id()).equals(id)) {
                throw new DuplicateSupplierException(
                        "corporateNumber",
                        corporateNumber,
                        other.get().id(),
                        other.get().name());
            }
        }
        if (code != null) {
            Optional<SupplierDetails> other = suppliers.findByCode(code);
            if (other.isPresent() && !Long.valueOf(other.get().id()).equals(id)) {
                throw new DuplicateSupplierException(
                        "supplierCode", code, other.get().id(), other.get().name());
            }
        }
        return new SupplierRow(
                corporateNumber,
                code,
                name,
                CompanyNames.normalize(name),
                blankToNull(form.nameKana()),
                CompanyNames.sortKey(name, form.nameKana()),
                country,
                blankToNull(form.address()),
                blankToNull(form.contactName()),
                email,
                blankToNull(form.notes()));
    }

    private static SupplierFilter normalise(SupplierFilter filter) {
        return filter == null ? SupplierFilter.none() : filter;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
