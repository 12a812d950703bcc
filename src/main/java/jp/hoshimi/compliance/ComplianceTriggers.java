package jp.hoshimi.compliance;

import java.util.HashSet;
import java.util.Set;
import jp.hoshimi.compliance.internal.ComplianceRepository;
import jp.hoshimi.register.RegisterSyncedEvent;
import jp.hoshimi.settings.PolicyChangedEvent;
import jp.hoshimi.shared.MasterDataChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-evaluates what an edit, an import or a register sync can have changed. Edits are gathered per
 * transaction and evaluated once after it commits (an import of 20,000 rows is one evaluation, a rolled
 * back import check none); a scope larger than {@code hoshimi.compliance.full-threshold} ids becomes a
 * full evaluation. The evaluation runs in the thread that committed, so a screen shows the new status
 * as soon as its save returns.
 */
@Component
class ComplianceTriggers {

    private static final Logger log = LoggerFactory.getLogger(ComplianceTriggers.class);

    private final ComplianceEvaluator evaluator;
    private final ComplianceRepository repository;
    private final int fullThreshold;

    ComplianceTriggers(
            ComplianceEvaluator evaluator,
            ComplianceRepository repository,
            @Value("${hoshimi.compliance.full-threshold:20000}") int fullThreshold) {
        this.evaluator = evaluator;
        this.repository = repository;
        this.fullThreshold = fullThreshold;
    }

    /** What one transaction changed, evaluated after it commits. */
    private final class Pending implements TransactionSynchronization {
        final Set<Long> suppliers = new HashSet<>();
        final Set<Long> contracts = new HashSet<>();
        final Set<Long> chainMembers = new HashSet<>();

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ComplianceTriggers.this);
            if (status == STATUS_COMMITTED) {
                evaluate(suppliers, contracts, chainMembers);
            }
        }
    }

    @EventListener
    void onMasterDataChanged(MasterDataChangedEvent event) {
        // who is in these chains now: they need a new status even if they leave (or the contract goes)
        Set<Long> chainMembers = event.contractIds().isEmpty()
                ? Set.of()
                : new HashSet<>(repository.suppliersInFindings(event.contractIds()));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evaluate(event.supplierIds(), event.contractIds(), chainMembers);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.suppliers.addAll(event.supplierIds());
        pending.contracts.addAll(event.contractIds());
        pending.chainMembers.addAll(chainMembers);
    }

    /** Lead times and the sub-contractor rule apply to every chain: everything, once the save committed. */
    @TransactionalEventListener
    void onPolicyChanged(PolicyChangedEvent event) {
        try {
            evaluator.evaluateAll();
        } catch (RuntimeException e) {
            log.error("Compliance evaluation after a policy change failed; the daily evaluation will redo it", e);
        }
    }

    /** The first successful sync is the baseline: everything, once, with no "before" (decision 0010). */
    @EventListener
    void onRegisterSynced(RegisterSyncedEvent event) {
        if (baseline()) {
            return;
        }
        if (event.changed()) {
            Set<Long> suppliers = new HashSet<>(evaluator.suppliersChangedInRun(event.syncRunId()));
            log.debug("Register sync run {} changed the entries of {} suppliers", event.syncRunId(), suppliers.size());
            evaluate(suppliers, Set.of(), Set.of());
        }
    }

    private boolean baseline() {
        try {
            return evaluator.evaluateIfNeverEvaluated();
        } catch (RuntimeException e) {
            log.error("The first compliance evaluation failed; the daily evaluation will redo it", e);
            return true;
        }
    }

    private void evaluate(Set<Long> suppliers, Set<Long> contracts, Set<Long> chainMembers) {
        try {
            evaluator.evaluate(suppliers, contracts, chainMembers, fullThreshold);
        } catch (RuntimeException e) {
            // the change itself is committed; the daily evaluation (or the next change) catches up
            log.error("Compliance evaluation after a change failed; the daily evaluation will redo it", e);
        }
    }
}
