package jp.hoshimi.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.hoshimi.compliance.internal.ChainRows.ContractRow;
import jp.hoshimi.compliance.internal.ChainRows.FindingRow;
import jp.hoshimi.compliance.internal.ChainRows.LinkRow;
import jp.hoshimi.compliance.internal.Chains;
import jp.hoshimi.compliance.internal.ComplianceRepository;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates contracts' chains against the register and stores the findings, the contract and supplier
 * statuses and an event per change — in one transaction per evaluation, serialised across the cluster by
 * a database lock, in batches of contracts (memory stays flat at any size). Reads and compares in Java
 * with {@link ComplianceRules}; writes only what changed; aggregates in SQL. Internal machinery: it is
 * called by the triggers and the daily job (as the system user) and, for people, through
 * {@link ComplianceService}.
 */
@Component
public class ComplianceEvaluator {

    private static final Logger log = LoggerFactory.getLogger(ComplianceEvaluator.class);
    static final int BATCH = 10_000;
    static final int LOCK_WAIT_SECONDS = 300;

    /** What an evaluation did. */
    public record Result(int contracts, int findingsWritten, long events, Duration took, LocalDate evaluatedOn) {}

    /** Which contracts an evaluation judges. */
    private sealed interface Scope {

        /** Every contract, then the day's snapshot for the trend. */
        record All() implements Scope {}

        /**
         * These contracts' chains, and the statuses of {@code suppliers} besides (their facts changed, or they
         * were in a changed chain).
         */
        record Some(Set<Long> contractIds, Set<Long> suppliers) implements Scope {}

        default boolean all() {
            return this instanceof All;
        }
    }

    /** The compliance events an evaluation wrote: the ids after {@code before} up to {@code last}. */
    private record EventRange(long before, long last) {
        long count() {
            return last - before;
        }
    }

    /**
     * What an evaluation counted under the lock, and how long its first two parts took since it started: the
     * chains (reading and judging them, and writing the findings), then the contract statuses. The supplier
     * statuses take the rest.
     */
    private record Tally(
            int contracts, int findingsWritten, EventRange events, Duration chains, Duration contractStatuses) {}

    private final ComplianceRepository repository;
    private final SettingsService settings;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final SystemAuthentication system;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RegisterService register;
    private final AcceptedRisks acceptedRisks;
    private volatile boolean registerSynced;

    ComplianceEvaluator(
            ComplianceRepository repository,
            SettingsService settings,
            BusinessDate businessDate,
            Clock clock,
            SystemAuthentication system,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            RegisterService register,
            AcceptedRisks acceptedRisks) {
        this.repository = repository;
        this.settings = settings;
        this.businessDate = businessDate;
        this.clock = clock;
        this.system = system;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.register = register;
        this.acceptedRisks = acceptedRisks;
    }

    /**
     * Whether the ★ register has ever been synced successfully. Before that every finding would be MISSING
     * for want of data, and the first real evaluation would read as hundreds of changes: nothing is
     * evaluated until then (docs/decisions/0010, "Before the first sync"). Once true it stays true.
     */
    public boolean registerSynced() {
        if (!registerSynced) {
            registerSynced = system.callAsSystem(() -> register.freshness().lastSuccess() != null);
        }
        return registerSynced;
    }

    /** Every contract, then today's snapshot for the trend. */
    public Result evaluateAll() {
        return run(new Scope.All());
    }

    /**
     * Evaluates everything when nothing was ever evaluated (a new installation after its first register
     * sync, or data loaded by SQL); answers whether it did. Waits for the first sync like every evaluation.
     */
    public boolean evaluateIfNeverEvaluated() {
        if (!registerSynced() || Boolean.TRUE.equals(transaction.execute(status -> repository.hasAnyEvaluation()))) {
            return false;
        }
        evaluateAll();
        return true;
    }

    /**
     * Rewrites the supplier statuses that are not the worst of the findings about the supplier (written
     * by the older "worst over its contracts" rule, or left behind), with a SUPPLIER event each; on
     * start-up, so an upgraded database shows own statuses at once. Set-based; reads no chain.
     */
    public long repairSupplierStatuses() {
        return system.callAsSystem(() -> {
            EventRange written = underLock("the supplier statuses were not repaired.", () -> {
                long before = repository.lastEventId();
                repository.prepareScope(List.of());
                repository.addSuppliersOutsideEveryChainToScope();
                repository.addSuppliersWithoutCurrentStatusToScope();
                repository.refreshSupplierStatuses(businessDate.today(), LocalDateTime.now(clock));
                return new EventRange(before, repository.lastEventId());
            });
            if (written.count() > 0) {
                log.info("Repaired {} supplier statuses to their own standing", written.count());
                events.publishEvent(new ComplianceEvaluatedEvent(written.before(), written.last(), false));
            }
            return written.count();
        });
    }

    /** These contracts' chains (e.g. after an edit), and the statuses of everyone in them. */
    public Result evaluateContracts(Collection<Long> contractIds) {
        return contractIds.isEmpty() ? empty() : run(new Scope.Some(new LinkedHashSet<>(contractIds), Set.of()));
    }

    /** Every contract these suppliers appear in (e.g. after their register entry changed). */
    public Result evaluateSuppliers(Collection<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return empty();
        }
        Set<Long> contracts =
                new LinkedHashSet<>(transaction.execute(status -> repository.contractIdsInvolving(supplierIds)));
        return run(new Scope.Some(contracts, new HashSet<>(supplierIds)));
    }

    /**
     * After changes: the contracts given, every contract of the suppliers whose facts changed, and the
     * status of {@code chainMembers} (suppliers that were in the changed chains). Everything when the
     * scope is large anyway.
     */
    Result evaluate(Set<Long> supplierIds, Set<Long> contractIds, Set<Long> chainMembers, int fullThreshold) {
        if (supplierIds.size() + contractIds.size() > fullThreshold) {
            return evaluateAll();
        }
        Set<Long> contracts = new LinkedHashSet<>(contractIds);
        if (!supplierIds.isEmpty()) {
            contracts.addAll(transaction.execute(status -> repository.contractIdsInvolving(supplierIds)));
        }
        Set<Long> statusOnly = new HashSet<>(supplierIds);
        statusOnly.addAll(chainMembers);
        return contracts.isEmpty() && statusOnly.isEmpty() ? empty() : run(new Scope.Some(contracts, statusOnly));
    }

    /** The suppliers whose register entries a sync run changed. */
    List<Long> suppliersChangedInRun(long syncRunId) {
        return transaction.execute(status -> repository.suppliersChangedInRun(syncRunId));
    }

    private Result empty() {
        return new Result(0, 0, 0, Duration.ZERO, businessDate.today());
    }

    /** Nothing before the first successful register sync. */
    private Result run(Scope scope) {
        if (!registerSynced()) {
            log.debug("Compliance evaluation skipped: waiting for the first register sync");
            return empty();
        }
        return system.callAsSystem(() -> {
            long started = System.nanoTime();
            PolicySettings policy = settings.policy();
            LocalDate today = businessDate.today();
            LocalDateTime now = LocalDateTime.now(clock);
            Tally tally = underLock("this one did nothing.", () -> evaluate(scope, policy, today, now, started));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            (scope.all() ? log.atInfo() : log.atDebug())
                    .log(
                            "Compliance evaluation as of {}: {} contracts, {} findings written, {} events in {} ms"
                                    + " ({} ms for the chains, {} ms for contract statuses, the rest for supplier"
                                    + " statuses)",
                            today,
                            scope.all() ? "all " + tally.contracts() : tally.contracts(),
                            tally.findingsWritten(),
                            tally.events().count(),
                            took.toMillis(),
                            tally.chains().toMillis(),
                            tally.contractStatuses().toMillis());
            events.publishEvent(new ComplianceEvaluatedEvent(
                    tally.events().before(), tally.events().last(), scope.all()));
            return new Result(
                    tally.contracts(), tally.findingsWritten(), tally.events().count(), took, today);
        });
    }

    /**
     * In a transaction of its own, holding the lock that serialises evaluations across the cluster; throws when
     * another evaluation held it too long ({@code otherwise}: what that means for this one).
     */
    private <T> T underLock(String otherwise, Supplier<T> work) {
        return transaction.execute(status -> {
            if (!repository.lock(LOCK_WAIT_SECONDS)) {
                throw new IllegalStateException(
                        "Another compliance evaluation held the lock for " + LOCK_WAIT_SECONDS + " s; " + otherwise);
            }
            return work.get();
        });
    }

    /** Judges the scope's chains and refreshes the statuses they touch; under the lock. */
    private Tally evaluate(Scope scope, PolicySettings policy, LocalDate today, LocalDateTime now, long started) {
        long before = repository.lastEventId();
        // the first evaluation is the baseline: its findings have no "before", so no change events
        boolean baseline = !repository.hasAnyEvaluation();
        Set<Long> ended = new HashSet<>();
        int contracts = 0;
        int findingsWritten = 0;
        if (scope instanceof Scope.Some some) {
            Set<Long> leftChains = new HashSet<>(some.suppliers());
            List<Long> ids = new ArrayList<>(some.contractIds());
            for (int from = 0; from < ids.size(); from += BATCH) {
                var batch =
                        new ComplianceRepository.Batch(ids.subList(from, Math.min(ids.size(), from + BATCH)), false);
                findingsWritten +=
                        evaluateBatch(batch, null, policy, today, now, leftChains, new HashSet<>(), baseline, ended);
            }
            contracts = ids.size();
            repository.prepareScope(ids);
            repository.addSuppliersToScope(leftChains);
        } else {
            Set<Long> leftChains = new HashSet<>();
            Map<Long, RegisterFacts> facts = repository.allFacts();
            // statuses are recomputed only where a finding changed: the rest cannot have
            Set<Long> touched = new HashSet<>();
            long after = 0;
            List<Long> ids;
            while (!(ids = repository.contractIdsAfter(after, BATCH)).isEmpty()) {
                var batch = new ComplianceRepository.Batch(ids, true);
                findingsWritten +=
                        evaluateBatch(batch, facts, policy, today, now, leftChains, touched, baseline, ended);
                contracts += ids.size();
                after = ids.get(ids.size() - 1);
            }
            repository.prepareScope(touched);
            repository.addSuppliersToScope(leftChains);
            // … and where a status is missing or stale for another reason (a contract moved
            // to another unit whose evaluation after the save failed, a supplier left behind)
            repository.addContractsWithoutCurrentStatusToScope();
            repository.addSuppliersOutsideEveryChainToScope();
            repository.addSuppliersWithoutCurrentStatusToScope();
        }
        repository.deleteContractStatuses(ended);
        long chainsDone = System.nanoTime();
        repository.refreshContractStatuses(today, now);
        long contractsDone = System.nanoTime();
        repository.refreshSupplierStatuses(today, now);
        if (scope.all()) {
            repository.writeSnapshot(today);
        }
        return new Tally(
                contracts,
                findingsWritten,
                new EventRange(before, repository.lastEventId()),
                Duration.ofNanos(chainsDone - started),
                Duration.ofNanos(contractsDone - chainsDone));
    }

    /**
     * Evaluates one batch of contracts; returns how many findings were written or deleted, and adds the
     * contracts those belong to to {@code touched}.
     */
    private int evaluateBatch(
            ComplianceRepository.Batch batch,
            Map<Long, RegisterFacts> allFacts,
            PolicySettings policy,
            LocalDate today,
            LocalDateTime now,
            Set<Long> leftChains,
            Set<Long> touched,
            boolean baseline,
            Set<Long> ended) {
        List<ContractRow> contracts = repository.contracts(batch);
        Map<Long, List<LinkRow>> links = new HashMap<>();
        Set<Long> suppliers = new HashSet<>();
        for (ContractRow contract : contracts) {
            suppliers.add(contract.supplierId());
        }
        for (LinkRow link : repository.links(batch)) {
            links.computeIfAbsent(link.contractId(), id -> new ArrayList<>()).add(link);
            suppliers.add(link.childId());
        }
        Map<Long, RegisterFacts> facts =
                allFacts != null ? allFacts : suppliers.isEmpty() ? Map.of() : repository.facts(suppliers);
        Map<Long, List<FindingRow>> stored = repository.findings(batch);

        List<FindingRow> inserts = new ArrayList<>();
        List<FindingRow> updates = new ArrayList<>();
        List<FindingRow> deletes = new ArrayList<>();
        List<FindingRow[]> changes = new ArrayList<>();
        RegisterFacts nothing = new RegisterFacts(null, null, null);
        Acceptances acceptances = new Acceptances(acceptedRisks.approvedFor(batch.ids(), suppliers));
        List<Judged> judged = new ArrayList<>();
        for (ContractRow contract : contracts) {
            Map<Long, FindingRow> before = new HashMap<>();
            stored.getOrDefault(contract.id(), List.of()).forEach(row -> before.put(row.supplierId(), row));
            // an ended contract is judged no more: its findings go, with no event (nobody is told)
            var requirements = contract.endedBy(today)
                    ? Map.<Long, Chains.Requirement>of()
                    : Chains.requirements(
                            contract, links.getOrDefault(contract.id(), List.of()), policy.subcontractorPolicy());
            if (contract.endedBy(today)) {
                ended.add(contract.id());
            }
            for (var requirement : requirements.entrySet()) {
                long supplier = requirement.getKey();
                Verdict verdict = ComplianceRules.evaluate(
                        facts.getOrDefault(supplier, nothing),
                        requirement.getValue().level(),
                        today,
                        policy);
                acceptances.check(contract.id(), supplier, verdict);
                judged.add(new Judged(
                        contract.id(), supplier, requirement.getValue().tier(), verdict, before.remove(supplier)));
            }
            deletes.addAll(before.values());
            before.keySet().forEach(leftChains::add);
        }
        for (Judged one : judged) {
            Verdict verdict = acceptances.apply(one.contractId(), one.supplierId(), one.rules(), policy);
            FindingRow old = one.old();
            FindingRow fresh = row(one.contractId(), one.supplierId(), one.tier(), verdict, old, now);
            if (old == null) {
                inserts.add(fresh);
            } else if (!fresh.sameAs(old)) {
                updates.add(fresh);
            }
            if (!baseline && isEvent(old, fresh)) {
                changes.add(new FindingRow[] {old, fresh});
            }
        }
        if (!acceptances.lapsed().isEmpty()) {
            acceptedRisks.lapse(acceptances.lapsed(), today);
        }
        for (List<FindingRow> written : List.of(inserts, updates, deletes)) {
            written.forEach(row -> touched.add(row.contractId()));
        }
        repository.insertFindings(inserts, today, now);
        repository.updateFindings(updates, today, now);
        repository.deleteFindings(deletes);
        repository.insertLinkEvents(changes, today, now);
        return inserts.size() + updates.size() + deletes.size();
    }

    /** One finding as the rules judged it, before exceptions apply, with the stored row it replaces. */
    private record Judged(long contractId, long supplierId, int tier, Verdict rules, FindingRow old) {}

    private static FindingRow row(
            long contractId, long supplierId, int tier, Verdict v, FindingRow old, LocalDateTime now) {
        ComplianceStatus status = v.status();
        boolean changed = old == null || old.status() != status;
        return new FindingRow(
                contractId,
                supplierId,
                tier,
                v.required(),
                v.heldLevel(),
                v.registerStatus(),
                v.validUntil(),
                status,
                v.reason().name(),
                v.warningDays(),
                changed ? now : old.statusSince(),
                changed ? (old == null ? null : old.status()) : old.previousStatus(),
                v.acceptance() == null ? null : v.acceptance().exceptionId(),
                v.acceptance() == null ? null : v.acceptance().until());
    }

    /** A new status, or a further lead time crossed; a first finding only when it is not OK. */
    private static boolean isEvent(FindingRow old, FindingRow fresh) {
        if (old == null) {
            return fresh.status() != ComplianceStatus.OK;
        }
        return old.status() != fresh.status() || !java.util.Objects.equals(old.warningDays(), fresh.warningDays());
    }
}
