package jp.hoshimi.outreach;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.outreach.internal.ContactRepository;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people to write to at a supplier (issue 19). Contacts belong to the shared supplier master, so they
 * are read and edited as suppliers are: by procurement, risk managers and administrators; auditors read.
 */
@Service
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
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
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public void delete(long supplierId, long id, int version) {
        SupplierContact before = contacts.find(supplierId, id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
        if (!contacts.delete(supplierId, id, version)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.DELETE, before, null);
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
        if (f.phone() != null && !f.phone().matches("[0-9０-９+()（）\\- ]{4,50}")) {
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
