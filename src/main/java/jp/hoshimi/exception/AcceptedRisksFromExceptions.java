package jp.hoshimi.exception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.compliance.AcceptedRisk;
import jp.hoshimi.compliance.AcceptedRisks;
import jp.hoshimi.exception.internal.ExceptionRepository;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Component;

/**
 * The evaluation's view of exceptions: the approved ones, and lapsing those it found ended or outgrown,
 * in the evaluation's transaction (so a finding reopens exactly when its exception lapses), audited as
 * the system. The reopened finding's status change is what alerts its owners (alert outbox).
 */
@Component
class AcceptedRisksFromExceptions implements AcceptedRisks {

    private final ExceptionRepository exceptions;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final Clock clock;

    AcceptedRisksFromExceptions(
            ExceptionRepository exceptions, AuditTrail audit, SystemAuthentication system, Clock clock) {
        this.exceptions = exceptions;
        this.audit = audit;
        this.system = system;
        this.clock = clock;
    }

    @Override
    public List<AcceptedRisk> approvedFor(Collection<Long> contractIds, Collection<Long> supplierIds) {
        return exceptions.approvedFor(contractIds, supplierIds);
    }

    @Override
    public void lapse(Map<Long, AcceptedRisk.Lapse> lapsed, LocalDate today) {
        Map<Long, RiskException> before = new java.util.HashMap<>();
        exceptions.findAll(lapsed.keySet()).forEach(x -> before.put(x.id(), x));
        LocalDateTime now = LocalDateTime.now(clock);
        for (AcceptedRisk.Lapse reason : AcceptedRisk.Lapse.values()) {
            List<Long> ids = lapsed.entrySet().stream()
                    .filter(e -> e.getValue() == reason)
                    .map(Map.Entry::getKey)
                    .toList();
            if (!ids.isEmpty()) {
                exceptions.close(ids, ExceptionState.LAPSED, reason.name(), system.currentActor(), now);
            }
        }
        List<AuditTrail.Event> events = exceptions.findAll(lapsed.keySet()).stream()
                .map(after -> new AuditTrail.Event(after.id(), AuditAction.UPDATE, before.get(after.id()), after))
                .toList();
        audit.recordAll(ExceptionService.AUDIT_TYPE, events);
    }
}
