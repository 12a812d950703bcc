package jp.hoshimi.audit;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.hoshimi.audit.internal.AuditRepository;
import jp.hoshimi.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail. */
@Service
@Transactional(readOnly = true)
public class AuditService {

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    /**
     * The history of one record, newest first. Callers check that the user may see the record itself
     * (e.g. SupplierService.history); auditors and administrators may read any.
     */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<AuditEntry> historyOf(String entityType, Object entityId) {
        return repository.historyOf(entityType, String.valueOf(entityId), 500);
    }

    @RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public List<AuditEntry> list(String entityType, String actor, int offset, int limit) {
        return repository.list(entityType, actor, offset, Math.min(limit, 1000));
    }

    @RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public int count(String entityType, String actor) {
        return repository.count(entityType, actor);
    }
}
