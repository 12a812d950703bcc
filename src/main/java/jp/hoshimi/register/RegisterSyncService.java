package jp.hoshimi.register;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import jp.hoshimi.register.internal.RegisterRepository;
import jp.hoshimi.register.source.FeedParser;
import jp.hoshimi.register.source.FetchResult;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSource;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.register.source.UploadedFeed;
import jp.hoshimi.register.source.Validators;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs the register: fetch (conditional), parse everything into staging, compare, and apply the
 * differences in one transaction with set-based SQL. Never infers removals from a failed fetch, and
 * asks an administrator before removing more than the guard allows. A database lease makes sure only
 * one node applies at a time; every run is recorded, including refused and skipped ones.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class RegisterSyncService {

    static final String LEASE = "register-sync";
    private static final Logger log = LoggerFactory.getLogger(RegisterSyncService.class);

    private final RegisterRepository register;
    private final RegisterSources sources;
    private final RegisterProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final SystemAuthentication system;
    private final Clock clock;
    private final String holder;
    private final Map<RegisterKind, String> progress = new ConcurrentHashMap<>();
    private final Map<Long, java.util.concurrent.CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    private final SecurityContextHolderStrategy contexts;
    private final TaskExecutor background;
    // the lease is short and renewed by this heartbeat while we hold it (docs/decisions/0019-short-leases-heartbeat.md)
    private final ScheduledFuture<?> heartbeat;
    private volatile boolean holding;
    private volatile boolean applying;
    private volatile boolean leaseLost;

    RegisterSyncService(
            RegisterRepository register,
            RegisterSources sources,
            RegisterProperties properties,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            SystemAuthentication system,
            SecurityContextHolderStrategy contexts,
            Clock clock,
            @Qualifier(RegisterSyncThreads.RUNS) TaskExecutor background,
            @Qualifier(RegisterSyncThreads.HEARTBEAT) TaskScheduler heartbeats) {
        this.contexts = contexts;
        this.background = background;
        this.register = register;
        this.sources = sources;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.system = system;
        this.clock = clock;
        this.holder = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        Duration beat = Duration.ofMillis(Math.max(1, properties.lease().toMillis() / 3));
        this.heartbeat = heartbeats.scheduleWithFixedDelay(
                this::beat, heartbeats.getClock().instant().plus(beat), beat);
    }

    /**
     * At start-up: runs that a stopped node left RUNNING are marked interrupted, once its lease has lapsed
     * (taking the lease does that) — otherwise the next sync that takes the lease over does it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @PermitAll // Spring calls it at start, before anyone signs in; the class default would refuse it
    void recoverAtStart() {
        recoverAbandoned();
    }

    /** What every node does at start-up, on demand (tools and tests). */
    public void recoverAbandonedRuns() {
        recoverAbandoned();
    }

    private void recoverAbandoned() {
        if (acquireLease()) {
            releaseLease();
        }
    }

    @jakarta.annotation.PreDestroy
    @PermitAll // Spring calls it at shutdown, with nobody signed in
    void stopHeartbeat() {
        heartbeat.cancel(true);
    }

    /** Shows the runs of this node alive, and renews the lease while a sync here holds it. */
    private void beat() {
        try {
            LocalDateTime now = now();
            register.beat(holder, now);
            if (holding && !applying && !register.renewLease(LEASE, holder, now.plus(properties.lease()))) {
                leaseLost = true;
                log.warn("The register sync lease was taken over by another node; this sync stops without applying");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next beat tries again (the lease lapses if it stays away)
            log.warn("Register sync heartbeat failed: {}", e.getMessage());
        }
    }

    /** Syncs one kind from its configured source now, and returns the finished run. */
    public SyncRun sync(RegisterKind kind, SyncRun.Trigger trigger) {
        RegisterSource source = sources.source(kind).orElseThrow(() -> new NoRegisterSourceException(kind));
        return run(kind, trigger, source.id(), source::fetch);
    }

    /** Waits (at most {@code wait}) for a sync started with {@link #startSync} on this node to end. */
    public void await(long runId, java.time.Duration wait) {
        java.util.concurrent.CompletableFuture<Void> future = started.remove(runId);
        if (future != null) {
            try {
                future.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the run records its own outcome
            }
        }
    }

    /** Syncs one kind from the given source (tools and tests: another server, a file). */
    public SyncRun syncFrom(RegisterKind kind, RegisterSource source, SyncRun.Trigger trigger) {
        return run(kind, trigger, source.id(), source::fetch);
    }

    /** Syncs every configured source (the scheduled job). */
    public void syncAll(SyncRun.Trigger trigger) {
        for (RegisterKind kind : RegisterKind.values()) {
            if (sources.source(kind).isPresent()) {
                sync(kind, trigger);
            }
        }
    }

    /** An administrator's upload of a register export (CSV, JSON or .xlsx, told apart by content): the same checks and apply as a fetch. */
    public SyncRun upload(RegisterKind kind, String fileName, InputStream content) {
        // read before the run is recorded: an upload broken off is no run
        try (UploadedFeed upload = UploadedFeed.spool(fileName, content, properties.spoolDir())) {
            return run(kind, SyncRun.Trigger.UPLOAD, upload.id(), upload::fetch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies a run that waited for confirmation because it removes many entries. */
    public SyncRun confirmRemovals(long runId) {
        SyncRun run = register.run(runId).orElseThrow(() -> new IllegalArgumentException("no sync run " + runId));
        if (run.outcome() != SyncRun.Outcome.NEEDS_CONFIRMATION) {
            return run;
        }
        if (!acquireLease()) {
            return run;
        }
        try {
            if (register.appliedSince(runId, run.kind())) {
                // its differences were counted against a register that has changed since
                register.clearStaging(runId);
                return finish(runId, RunOutcome.stale(RunOutcome.Counts.of(run)));
            }
            RegisterRepository.Difference difference = register.stagedDifference(runId, run.kind(), run.entriesTotal());
            return applyStaged(runId, run.kind(), difference, run.sourceId(), true, new Timings());
        } finally {
            progress.remove(run.kind());
            releaseLease();
        }
    }

    /** What a running sync of this kind is doing, for the progress line; empty when none runs here. */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<String> progress(RegisterKind kind) {
        return Optional.ofNullable(progress.get(kind));
    }

    /**
     * Records a run and syncs in the background as the current user; returns the run id at once (poll
     * the run until its outcome is no longer RUNNING).
     */
    public long startSync(RegisterKind kind, SyncRun.Trigger trigger) {
        sources.source(kind).orElseThrow(() -> new NoRegisterSourceException(kind));
        return startSyncs(List.of(kind), trigger).get(0);
    }

    /**
     * "Sync now": records a run for every register with a source (★ and SECURITY ACTION) and syncs them
     * one after the other in the background (they share the lease); returns the run ids at once.
     */
    public List<Long> startSyncAll(SyncRun.Trigger trigger) {
        return startSyncs(
                Arrays.stream(RegisterKind.values())
                        .filter(kind -> sources.source(kind).isPresent())
                        .toList(),
                trigger);
    }

    private List<Long> startSyncs(List<RegisterKind> kinds, SyncRun.Trigger trigger) {
        List<Long> runIds = new ArrayList<>();
        List<Runnable> steps = new ArrayList<>();
        for (RegisterKind kind : kinds) {
            RegisterSource source = sources.source(kind).orElseThrow();
            long runId = register.startRun(kind, source.id(), trigger, system.currentActor(), holder, now());
            runIds.add(runId);
            steps.add(() -> execute(runId, kind, source.id(), source::fetch));
        }
        if (runIds.isEmpty()) {
            return runIds;
        }
        SecurityContext asker = contexts.getContext();
        java.util.concurrent.CompletableFuture<Void> all = java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                    contexts.setContext(asker);
                    try {
                        steps.forEach(Runnable::run);
                    } finally {
                        contexts.clearContext();
                    }
                },
                background);
        runIds.forEach(runId -> started.put(runId, all));
        all.whenComplete((done, error) -> runIds.forEach(started::remove));
        return runIds;
    }

    private SyncRun run(
            RegisterKind kind, SyncRun.Trigger trigger, String sourceId, Function<Validators, FetchResult> fetch) {
        long runId = register.startRun(kind, sourceId, trigger, system.currentActor(), holder, now());
        return execute(runId, kind, sourceId, fetch);
    }

    private SyncRun execute(long runId, RegisterKind kind, String sourceId, Function<Validators, FetchResult> fetch) {
        if (!acquireLease()) {
            return finish(runId, RunOutcome.skipped("register.sync.busy"));
        }
        FetchResult.Fetched fetched = null;
        try {
            Timings timings = new Timings();
            progress.put(kind, "register.progress.fetching");
            // a body read under an older field mapping is read again under the new one (docs/decisions/0029)
            Optional<SyncRun> previous = register.lastWithContent(kind, sourceId)
                    .filter(run -> !sources.mappingChangedSince(kind, run.startedAt()));
            Validators validators = previous.map(p -> new Validators(p.etag(), p.lastModified()))
                    .orElse(Validators.none());
            FetchResult result = fetch.apply(validators);
            checkLeaseHeld();
            if (result instanceof FetchResult.NotModified notModified) {
                register.recordFetch(
                        runId,
                        validators.etag(),
                        validators.lastModified(),
                        previous.map(SyncRun::contentSha256).orElse(null),
                        null,
                        notModified.attempts());
                return notModified(runId, kind, null);
            }
            fetched = (FetchResult.Fetched) result;
            register.recordFetch(
                    runId,
                    fetched.validators().etag(),
                    fetched.validators().lastModified(),
                    fetched.sha256(),
                    fetched.bytes(),
                    fetched.attempts());
            if (previous.isPresent() && Objects.equals(previous.get().contentSha256(), fetched.sha256())) {
                return notModified(runId, kind, "register.sync.identical");
            }
            timings.mark("fetch");
            FieldMapping mapping = sources.mapping(kind); // as an administrator saved it (issue 23)
            if (!register.holdsAny(kind)) {
                // nothing to compare with: straight into the register (docs/decisions/0044-register-first-load.md)
                return firstLoad(runId, kind, sourceId, fetched, mapping, timings);
            }
            progress.put(kind, "register.progress.parsing");
            RegisterRepository.Difference difference;
            // compared while parsed: only the differences are staged (docs/decisions/0008-register-sync.md)
            try (RegisterRepository.Staging staging = register.staging(runId, kind, properties.spoolDir())) {
                timings.mark("read stored");
                ContentHasher hasher = new ContentHasher();
                FeedParser.parse(
                        fetched.body(),
                        fetched.format(),
                        kind,
                        mapping,
                        sources.spreadsheetLimits(),
                        entry -> staging.add(entry, hasher.hash(entry)));
                timings.mark("parse and compare");
                difference = staging.load();
                timings.mark("stage");
            }
            checkLeaseHeld();
            return applyStaged(runId, kind, difference, sourceId, false, timings);
        } catch (RegisterSourceException e) {
            register.clearStaging(runId);
            register.recordAttempts(runId, e.attempts());
            register.finishRun(runId, RunOutcome.failed(e.code(), e.detail()), now());
            register.recordFailureText(runId, e.text());
            log.warn("Register sync {} ({}) failed: {}", runId, kind, e.detail());
            return register.run(runId).orElseThrow();
        } catch (LeaseLostException e) {
            register.clearStaging(runId);
            return finish(runId, RunOutcome.failed("register.sync.leaseLost", null));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Register sync {} ({}) failed, reference {}", runId, kind, reference, e);
            register.clearStaging(runId);
            return finish(runId, RunOutcome.failed("register.sync.unexpected", reference));
        } finally {
            progress.remove(kind);
            releaseLease();
            if (fetched != null) {
                fetched.deleteBody();
            }
        }
    }

    private SyncRun applyStaged(
            long runId,
            RegisterKind kind,
            RegisterRepository.Difference difference,
            String sourceId,
            boolean confirmed,
            Timings timings) {
        int guard = properties.removalGuardPercent();
        boolean suspicious =
                difference.activeBefore() > 0 && difference.removed() * 100L > (long) guard * difference.activeBefore();
        if (suspicious && !confirmed) {
            String why = difference.removed() + " of " + difference.activeBefore() + " entries would be removed (guard "
                    + guard + "%)";
            // the staging rows wait for the confirmation
            return finish(runId, RunOutcome.needsConfirmation(difference.counts(), why));
        }
        progress.put(kind, "register.progress.applying");
        LocalDateTime at = now();
        boolean initialLoad = fenced(at, () -> {
            boolean first = register.apply(runId, kind, sourceId, at, difference);
            register.finishRun(runId, RunOutcome.applied(difference.counts()), now());
            return first;
        });
        timings.mark("apply");
        register.clearStaging(runId);
        timings.mark("clear");
        if (initialLoad) {
            log.info("Register sync {} ({}): initial load: {} entries; {}", runId, kind, difference.added(), timings);
        } else {
            log.info(
                    "Register sync {} ({}): {} entries, {} new, {} changed, {} removed; {}",
                    runId,
                    kind,
                    difference.total(),
                    difference.added(),
                    difference.changed(),
                    difference.removed(),
                    timings);
        }
        boolean changed = difference.added() + difference.changed() + difference.removed() > 0;
        evaluated(new RegisterSyncedEvent(runId, kind, changed));
        return register.run(runId).orElseThrow();
    }

    /**
     * A kind's very first load: one transaction that parses the feed and writes its entries straight into the
     * register as they come (the lease fenced first, as for an apply), and records the run as the initial load.
     * A bad entry anywhere in the feed rolls everything back; the caller records why.
     */
    private SyncRun firstLoad(
            long runId,
            RegisterKind kind,
            String sourceId,
            FetchResult.Fetched fetched,
            FieldMapping mapping,
            Timings timings) {
        checkLeaseHeld();
        progress.put(kind, "register.progress.loading");
        LocalDateTime at = now();
        // called on this thread only, which hashes and formats while the parser's thread parses
        ContentHasher hasher = new ContentHasher();
        int loaded = fenced(at, () -> {
            int entries = register.loadFirst(
                    runId,
                    kind,
                    sourceId,
                    at,
                    parsed -> FeedParser.parse(
                            fetched.body(), fetched.format(), kind, mapping, sources.spreadsheetLimits(), parsed),
                    hasher::hash);
            register.finishRun(runId, RunOutcome.applied(new RunOutcome.Counts(entries, entries, 0, 0, 0)), now());
            return entries;
        });
        timings.mark("parse and load");
        evaluated(new RegisterSyncedEvent(runId, kind, true));
        timings.mark("evaluate");
        log.info("Register sync {} ({}): initial load: {} entries; {}", runId, kind, loaded, timings);
        return register.run(runId).orElseThrow();
    }

    /**
     * One transaction: the lease is the fence (a node that lost it writes nothing), then {@code work}. The
     * transaction holds the lease row locked, so the heartbeat leaves it alone meanwhile.
     */
    private <T> T fenced(LocalDateTime at, java.util.function.Supplier<T> work) {
        applying = true;
        try {
            return Objects.requireNonNull(transaction.execute(status -> {
                if (!register.renewLease(LEASE, holder, at.plus(properties.lease()))) {
                    throw new LeaseLostException();
                }
                register.beat(holder, at); // locks our run rows: a start-up sweep elsewhere waits for this commit
                return work.get();
            }));
        } finally {
            applying = false;
        }
    }

    private void checkLeaseHeld() {
        if (leaseLost) {
            throw new LeaseLostException();
        }
    }

    /** The heartbeat found another node holding the lease: this sync stops, and nothing of it is applied. */
    private static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("the sync lease was lost to another node; nothing applied");
        }
    }

    /** How long each phase of a sync took, for the log line that ends it (and the benchmark's reader). */
    private static final class Timings {
        private final StringBuilder text = new StringBuilder();
        private long since = System.nanoTime();

        void mark(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ")
                    .append(phase)
                    .append(' ')
                    .append((now - since) / 1_000_000)
                    .append(" ms");
            since = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Publishes the sync (its listeners re-evaluate synchronously), then marks the run's evaluation complete. */
    private void evaluated(RegisterSyncedEvent event) {
        events.publishEvent(event);
        register.markEvaluated(event.syncRunId(), now());
    }

    /** Nothing to apply: every entry the register holds was confirmed unchanged, and the run says so. */
    private SyncRun notModified(long runId, RegisterKind kind, String note) {
        register.finishRun(runId, RunOutcome.notModified(register.countActive(kind), note), now());
        evaluated(new RegisterSyncedEvent(runId, kind, false));
        return register.run(runId).orElseThrow();
    }

    /** Records how the run ended, and returns it as recorded. */
    private SyncRun finish(long runId, RunOutcome outcome) {
        register.finishRun(runId, outcome, now());
        return register.run(runId).orElseThrow();
    }

    /** Takes the lease when free or lapsed; taking over a lapsed one marks its dead holder's runs interrupted. */
    private boolean acquireLease() {
        LocalDateTime now = now();
        boolean held = Boolean.TRUE.equals(transaction.execute(status -> {
            RegisterRepository.LeaseTaken taken = register.takeLease(LEASE, holder, now, now.plus(properties.lease()));
            if (taken.held()) {
                interruptAbandoned(taken.expiredHolder(), now);
            }
            return taken.held();
        }));
        if (held) {
            leaseLost = false;
            holding = true;
            finishEvaluations(now);
        }
        return held;
    }

    /**
     * The lease covers a sync's re-evaluation too: holding it, a run that ended without its re-evaluation belongs
     * to a node that stopped in between (kill -9 after the apply committed), and the evaluation is done now —
     * otherwise the compliance statuses would miss the run's changes until the daily evaluation. Evaluating the
     * same changes twice is harmless: the second finds nothing new. Older runs were covered by a daily evaluation.
     */
    private void finishEvaluations(LocalDateTime now) {
        for (SyncRun run : register.unevaluatedRuns(holder, now.minusDays(1))) {
            log.warn(
                    "Register sync run {} ({}) ended without its compliance re-evaluation; evaluating now",
                    run.id(),
                    run.kind());
            system.runAsSystem(() -> evaluated(
                    new RegisterSyncedEvent(run.id(), run.kind(), run.added() + run.changed() + run.removed() > 0)));
        }
    }

    private void interruptAbandoned(String expiredHolder, LocalDateTime now) {
        // a live node's runs beat every lease/3: three leases without a beat is a node that is gone
        LocalDateTime staleBefore = now.minus(properties.lease().multipliedBy(3));
        int interrupted = register.interruptAbandoned(expiredHolder, staleBefore, now, "register.sync.interrupted");
        if (interrupted > 0) {
            log.warn(
                    "{} register sync run(s) left running by a stopped node ({}) marked interrupted; nothing of them"
                            + " was applied",
                    interrupted,
                    expiredHolder == null ? "no heartbeat" : expiredHolder);
        }
    }

    private void releaseLease() {
        holding = false;
        register.releaseLease(LEASE, holder);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "local";
        }
    }
}
