package jp.hoshimi.audit;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Consumer;
import jp.hoshimi.audit.internal.AuditRepository;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail, with records named rather than numbered. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class AuditService {

    /** The most rows one export writes. */
    public static final int MAX_EXPORT_ROWS = 200_000;

    private static final int EXPORT_PAGE = 1000;

    private static final int CHAIN_PAGE = 2000;

    private final AuditRepository repository;

    private final org.springframework.context.ApplicationEventPublisher events;

    AuditService(AuditRepository repository, org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /**
     * Recomputes the audit log's hash chain: intact, or the first event where it breaks (an edited or a
     * deleted event). Auditors run it from the audit screen; the daily job runs it too.
     */
    public AuditChainCheck verifyChain() {
        return repository.verifyChain(CHAIN_PAGE);
    }

    /** The daily check: on a break, administrators are alerted (through {@link AuditChainBrokenEvent}). */
    @RolesAllowed(Role.ADMIN_NAME)
    public AuditChainCheck verifyChainAndReport() {
        AuditChainCheck check = verifyChain();
        if (!check.isIntact()) {
            events.publishEvent(new AuditChainBrokenEvent(check.firstBrokenEventId(), check.problem()));
        }
        return check;
    }

    /**
     * The history of one record, newest first. Callers check that the user may see the record itself
     * (e.g. SupplierService.history); auditors and administrators may read any.
     */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<AuditEntry> historyOf(String entityType, Object entityId) {
        return AuditNaming.name(repository, repository.historyOf(entityType, String.valueOf(entityId), 500));
    }

    /** One page of the audit log, newest first. */
    public List<AuditEntry> list(AuditFilter filter, int offset, int limit) {
        return AuditNaming.name(
                repository, repository.list(filter, Math.max(0, offset), Math.min(Math.max(0, limit), 1000)));
    }

    public int count(AuditFilter filter) {
        return repository.count(filter);
    }

    /**
     * Every entry that matches, in the log's order, handed to {@code sink} one at a time as pages arrive
     * from the database (an export streams them to the browser). Stops after {@value #MAX_EXPORT_ROWS}.
     */
    public void export(AuditFilter filter, Consumer<AuditEntry> sink) {
        repository.stream(
                filter,
                EXPORT_PAGE,
                MAX_EXPORT_ROWS,
                page -> AuditNaming.name(repository, page).forEach(sink));
    }
}
