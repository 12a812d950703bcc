package jp.hoshimi.legalentity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.LegalEntityRun.Trigger;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.internal.LegalEntityRepository.StoredSource;
import jp.hoshimi.legalentity.source.NtaCursor;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.legalentity.source.NtaFetch;
import jp.hoshimi.legalentity.source.NtaSource;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.HttpUrls;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The NTA difference fetch: from the configured source (a file path, a company mirror, the Web-API) into a
 * run, loaded exactly like an uploaded difference file. "Sync now" starts it in the background and answers
 * with the run at once; the schedule runs it as the system. A failed fetch is a FAILED run whose reason says
 * what happened (timeout, HTTP error, garbage) and stores nothing; the source's cursor (validators, the
 * Web-API's last day) moves only in the transaction that applied what it fetched.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class LegalEntitySyncService {

    public static final String AUDIT_ENTITY = "legal_entity_source";
    /** A RUNNING run this old was left by a stopped node (a 5-million-row load takes minutes, not hours). */
    static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(LegalEntitySyncService.class);

    private final LegalEntityRepository repository;
    private final LegalEntitySources sources;
    private final LegalEntityLoader loader;
    private final TransactionTemplate transactions;
    private final SystemAuthentication actor;
    private final SecurityContextHolderStrategy contexts;
    private final AuditTrail audit;
    private final LegalEntityProperties properties;
    private final Clock clock;
    private final AtomicLong running = new AtomicLong();
    private final Map<Long, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    private final Executor background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hoshimi-legal-entity-sync");
        thread.setDaemon(true);
        return thread;
    });

    LegalEntitySyncService(
            LegalEntityRepository repository,
            LegalEntitySources sources,
            LegalEntityLoader loader,
            TransactionTemplate transactions,
            SystemAuthentication actor,
            SecurityContextHolderStrategy contexts,
            AuditTrail audit,
            LegalEntityProperties properties,
            Clock clock) {
        this.properties = properties;
        this.repository = repository;
        this.sources = sources;
        this.loader = loader;
        this.transactions = transactions;
        this.actor = actor;
        this.contexts = contexts;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @PermitAll // Spring calls it at start, before anyone signs in; the class default would refuse it
    void failAbandonedRuns() {
        LocalDateTime now = LocalDateTime.now(clock);
        int abandoned = transactions.execute(status -> repository.failAbandoned(now.minus(ABANDONED_AFTER), now));
        if (abandoned > 0) {
            log.warn("{} NTA runs left running by a stopped node are marked interrupted", abandoned);
        }
    }

    /**
     * "Sync now": records a run and fetches in the background as the current user; returns the run id at
     * once (poll the run until its outcome is no longer RUNNING).
     *
     * @throws NoLegalEntitySourceException when no source is configured
     * @throws LegalEntitySyncBusyException when a fetch runs on this node already
     */
    public long startSync(Trigger trigger) {
        StoredSource stored = repository.source();
        NtaSource source = sources.from(stored).orElseThrow(NoLegalEntitySourceException::new);
        long runId = begin(stored, source, trigger);
        SecurityContext asker = contexts.getContext();
        CompletableFuture<Void> future = CompletableFuture.runAsync(
                () -> {
                    contexts.setContext(asker);
                    try {
                        execute(runId, source);
                    } finally {
                        contexts.clearContext();
                    }
                },
                background);
        started.put(runId, future);
        future.whenComplete((done, error) -> started.remove(runId));
        return runId;
    }

    /** Fetches and loads now, in this thread (the scheduled job); empty when no source is configured. */
    public Optional<LegalEntityRun> sync(Trigger trigger) {
        StoredSource stored = repository.source();
        Optional<NtaSource> source = sources.from(stored);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        long runId = begin(stored, source.get(), trigger);
        return Optional.of(execute(runId, source.get()));
    }

    /** Waits (at most {@code wait}) for a sync started on this node with {@link #startSync} to end. */
    public void await(long runId, Duration wait) {
        CompletableFuture<Void> future = started.get(runId);
        if (future != null) {
            try {
                future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the run records its own outcome
            }
        }
    }

    /**
     * Asks the Web-API ({@code /num}) for the current state of these corporations and applies it like a
     * difference file: for a supplier's number that a full file does not have yet.
     */
    public LegalEntityRun refreshNumbers(List<String> corporateNumbers) {
        List<String> numbers = corporateNumbers.stream()
                .map(number -> CorporateNumber.parse(number).value())
                .distinct()
                .toList();
        if (numbers.isEmpty()) {
            throw new ValidationException(FieldProblem.of("numbers", "validation.required"));
        }
        var api = sources.webApi().orElseThrow(NoLegalEntitySourceException::new);
        long runId = loader.startRun(
                SourceType.WEB_API,
                api.id() + "/num",
                FileKind.DIFF,
                NtaEdition.UNICODE,
                actor.currentActor(),
                null,
                Trigger.MANUAL);
        Path file = null;
        try {
            NtaFetch.Fetched fetched = api.numbers(numbers);
            file = fetched.file();
            return loader.loadInto(runId, file, fetched.description(), FileKind.DIFF, NtaEdition.UNICODE, () -> {});
        } catch (RegisterSourceException e) {
            return failed(runId, e);
        } finally {
            delete(file);
        }
    }

    /** The Web-API's address to offer when an administrator chooses it ({@code hoshimi.legal-entity.web-api-url}). */
    public String defaultWebApiUrl() {
        return properties.webApiUrl().toString();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public LegalEntitySourceSettings source() {
        return settingsOf(repository.source());
    }

    /**
     * Stores where the scheduled fetch reads.
     *
     * @param applicationId the Web-API's application id; null or blank keeps the stored one
     * @throws ValidationException for a missing or invalid location, or a Web-API without an application id
     * @throws ConcurrentEditException when someone saved since {@code version}
     */
    @Transactional
    public LegalEntitySourceSettings saveSource(
            SourceType type, String location, NtaEdition edition, String applicationId, int version) {
        StoredSource before = repository.source();
        SourceType clean = type == null ? SourceType.NONE : type;
        if (clean == SourceType.UPLOAD) {
            throw new ValidationException(FieldProblem.of("type", "legalEntity.source.type.invalid"));
        }
        String place = location == null || location.isBlank() ? null : location.strip();
        String id = applicationId == null || applicationId.isBlank() ? null : applicationId.strip();
        if (clean != SourceType.NONE && place == null) {
            throw new ValidationException(FieldProblem.of("location", "validation.required"));
        }
        if (place != null && place.length() > 1000) {
            throw new ValidationException(FieldProblem.of("location", "legalEntity.source.location.tooLong"));
        }
        if ((clean == SourceType.HTTP || clean == SourceType.WEB_API) && !HttpUrls.isHttpUrl(place)) {
            throw new ValidationException(FieldProblem.of("location", "registerSource.url.invalid"));
        }
        if (clean == SourceType.FILE && !Path.of(place).isAbsolute()) {
            throw new ValidationException(FieldProblem.of("location", "legalEntity.source.path.absolute"));
        }
        if (id != null && (id.length() > 200 || !id.matches("[\\x21-\\x7e]+"))) {
            throw new ValidationException(FieldProblem.of("applicationId", "legalEntity.source.applicationId.invalid"));
        }
        if (clean == SourceType.WEB_API && id == null && before.applicationId() == null) {
            throw new ValidationException(FieldProblem.of("applicationId", "validation.required"));
        }
        if (!repository.saveSource(
                clean,
                clean == SourceType.NONE ? null : place,
                edition == null ? NtaEdition.UNICODE : edition,
                id,
                actor.currentActor(),
                LocalDateTime.now(clock),
                version)) {
            throw new ConcurrentEditException(AUDIT_ENTITY, 1);
        }
        LegalEntitySourceSettings after = settingsOf(repository.source());
        audit.record(AUDIT_ENTITY, 1, AuditAction.UPDATE, settingsOf(before), after); // never the id itself
        return after;
    }

    private long begin(StoredSource stored, NtaSource source, Trigger trigger) {
        long busy = running.get();
        if (busy != 0) {
            throw new LegalEntitySyncBusyException(busy);
        }
        long runId = loader.startRun(
                stored.type(), source.id(), FileKind.DIFF, stored.edition(), actor.currentActor(), null, trigger);
        if (!running.compareAndSet(0, runId)) {
            loader.fail(runId, "BUSY", String.valueOf(running.get()));
            throw new LegalEntitySyncBusyException(running.get());
        }
        return runId;
    }

    private LegalEntityRun execute(long runId, NtaSource source) {
        Path file = null;
        try {
            NtaCursor cursor = sources.cursor();
            NtaFetch fetch = source.fetch(cursor);
            if (fetch instanceof NtaFetch.Fetched fetched) {
                file = fetched.file();
                repository.recordBytes(runId, fetched.bytes());
                NtaCursor next = fetched.next();
                return loader.loadInto(
                        runId, file, source.id(), FileKind.DIFF, fetched.edition(), () -> saveCursor(next));
            }
            NtaCursor next = fetch.next();
            transactions.executeWithoutResult(status -> {
                saveCursor(next);
                repository.finishUnchanged(runId, LocalDateTime.now(clock));
            });
            return repository.run(runId).orElseThrow();
        } catch (RegisterSourceException e) {
            return failed(runId, e);
        } catch (RuntimeException e) {
            log.error("NTA sync from {} (run {}) failed", source.id(), runId, e);
            loader.fail(runId, "UNEXPECTED", String.valueOf(e.getMessage()));
            return repository.run(runId).orElseThrow();
        } finally {
            delete(file);
            running.compareAndSet(runId, 0);
        }
    }

    private void saveCursor(NtaCursor next) {
        repository.saveCursor(next.validators().etag(), next.validators().lastModified(), next.fetchedThrough());
    }

    /** The source's reason (timeout, HTTP error, garbage…) with its detail in plain words. */
    private LegalEntityRun failed(long runId, RegisterSourceException e) {
        log.warn("NTA fetch failed (run {}): {}", runId, e.getMessage());
        loader.fail(runId, "SOURCE_" + e.reason().name(), e.detail());
        return repository.run(runId).orElseThrow();
    }

    private static LegalEntitySourceSettings settingsOf(StoredSource stored) {
        return new LegalEntitySourceSettings(
                stored.type(),
                stored.location(),
                stored.edition(),
                stored.applicationId() != null,
                stored.fetchedThrough(),
                stored.updatedBy(),
                stored.updatedAt(),
                stored.version());
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a left-over download in the work directory is harmless
            }
        }
    }
}
