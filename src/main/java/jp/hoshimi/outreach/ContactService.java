package jp.hoshimi.outreach;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.outreach.internal.ContactRepository;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people to write to at a supplier (issue 19). Contacts belong to the shared supplier master, so they
 * are read and edited as suppliers are: by procurement, risk managers and administrators; auditors read.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class ContactService {

    public static final String AUDIT_TYPE = "supplier_contact";

    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final Clock clock;

    ContactService(ContactRepository contacts, AuditTrail audit, Clock clock) {
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<SupplierContact> contacts(long supplierId) {
        requireSupplier(supplierId);
        return contacts.ofSupplier(supplierId);
    }

    @Transactional
    public long add(long supplierId, ContactForm form) {
        requireSupplier(supplierId);
        ContactForm valid = validate(form);
        long id = contacts.insert(supplierId, valid, LocalDateTime.now(clock));
        if (valid.primary()) {
            contacts.clearPrimary(supplierId, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, valid);
        return id;
    }

    @Transactional
    public void update(long supplierId, long id, int version, ContactForm form) {
        SupplierContact before = contacts.find(supplierId, id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        ContactForm valid = validate(form);
        if (!contacts.update(supplierId, id, version, valid, LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        if (valid.primary()) {
            contacts.clearPrimary(supplierId, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, before, valid);
    }

    @Transactional
    public void delete(long supplierId, long id, int version) {
        SupplierContact before = contacts.find(supplierId, id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        if (!contacts.delete(supplierId, id, version)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.DELETE, before, null);
    }

    /**
     * Writes the primary contacts of a supplier import in bulk, in the caller's transaction (docs/decisions/0023):
     * one multi-row INSERT for the suppliers that had none, one JDBC batch of version-checked UPDATEs for the
     * others, the audit events in one INSERT. The rows passed the import's check ({@link ContactRules#importProblems}).
     *
     * @throws ConcurrentEditException when a contact was saved by someone else since it was read
     */
    @Transactional
    public void importPrimaryContacts(List<ImportedContact> rows) {
        if (rows.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<ImportedContact> creates =
                rows.stream().filter(r -> r.contactId() == null).toList();
        List<ImportedContact> updates =
                rows.stream().filter(r -> r.contactId() != null).toList();
        List<Long> ids = contacts.insertPrimaries(creates, now);
        int[] counts = contacts.updateAll(updates, now);
        List<AuditTrail.Event> events = new ArrayList<>(rows.size());
        for (int i = 0; i < creates.size(); i++) {
            events.add(new AuditTrail.Event(
                    ids.get(i), AuditAction.CREATE, null, creates.get(i).after()));
        }
        for (int i = 0; i < updates.size(); i++) {
            if (counts[i] != 1) {
                throw new ConcurrentEditException(AUDIT_TYPE, updates.get(i).contactId());
            }
            ImportedContact u = updates.get(i);
            events.add(new AuditTrail.Event(u.contactId(), AuditAction.UPDATE, u.before(), u.after()));
        }
        audit.recordAll(AUDIT_TYPE, events);
    }

    private void requireSupplier(long supplierId) {
        if (!contacts.supplierExists(supplierId)) {
            throw new NotFoundException("supplier", supplierId);
        }
    }

    /** Trimmed, blanks as null; a name is required, and at least a valid e-mail address or a phone number. */
    static ContactForm validate(ContactForm form) {
        ContactForm f = new ContactForm(
                trim(form.name()), trim(form.department()), trim(form.email()), trim(form.phone()), form.primary());
        List<FieldProblem> problems = new ArrayList<>();
        tooLong(problems, "name", f.name(), 200);
        tooLong(problems, "department", f.department(), 200);
        tooLong(problems, "email", f.email(), 320);
        if (f.name() == null) {
            problems.add(FieldProblem.of("name", "validation.required"));
        }
        if (f.email() != null && !f.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(FieldProblem.of("email", "validation.email"));
        }
        if (f.phone() != null && !f.phone().matches(ContactRules.PHONE)) {
            problems.add(FieldProblem.of("phone", "contact.phone.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return f;
    }

    static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.of(field, "validation.tooLong", max));
        }
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
