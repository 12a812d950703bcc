package jp.hoshimi.legalentity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.internal.LegalEntityRepository.NameIndexState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the name fragments a very first NTA file committed without (docs/decisions/0046): chunk by chunk
 * in order of 法人番号, each chunk its own short transaction holding the same cluster lock as an apply, so a
 * difference file applied meanwhile never interleaves with a chunk. Progress is stored: after a restart the
 * build goes on where it stopped (at start, or after the next load). Several nodes may run it at once; they
 * take chunks in turn.
 */
@Component
class NameFragmentBuild {

    private static final Logger log = LoggerFactory.getLogger(NameFragmentBuild.class);

    private final LegalEntityRepository repository;
    private final TransactionTemplate transactions;
    private final LegalEntityProperties properties;
    private final Clock clock;
    private final AtomicReference<CompletableFuture<NameIndexProgress>> running = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hoshimi-legal-entity-name-index");
        thread.setDaemon(true);
        return thread;
    });

    NameFragmentBuild(
            LegalEntityRepository repository,
            TransactionTemplate transactions,
            LegalEntityProperties properties,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    NameIndexProgress progress() {
        return toProgress(repository.nameIndex());
    }

    /** One chunk in its own transaction; the progress after it. */
    NameIndexProgress buildChunk() {
        NameIndexState state = transactions.execute(status -> {
            repository.lockForApply();
            return repository.buildNameFragments(properties.nameFragmentChunk(), LocalDateTime.now(clock));
        });
        return toProgress(state);
    }

    /** Chunks until the build is complete (at once when nothing is pending). */
    NameIndexProgress buildAll() {
        long started = System.nanoTime();
        NameIndexProgress progress = progress();
        boolean any = progress.pending();
        while (progress.pending()) {
            progress = buildChunk();
        }
        if (any) {
            log.info(
                    "NTA name fragments built for {} corporations in {} ms",
                    repository.nameIndex().built(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return progress;
    }

    /**
     * Starts {@link #buildAll} on this node's build thread when a build is pending and none runs here yet
     * (unless {@code hoshimi.legal-entity.name-fragments-in-background} is off).
     */
    CompletableFuture<NameIndexProgress> startIfPending() {
        if (!properties.nameFragmentsInBackground() || !progress().pending()) {
            return CompletableFuture.completedFuture(progress());
        }
        CompletableFuture<NameIndexProgress> next = new CompletableFuture<>();
        CompletableFuture<NameIndexProgress> current = running.get();
        if (current != null && !current.isDone() || !running.compareAndSet(current, next)) {
            return running.get();
        }
        background.execute(() -> {
            try {
                next.complete(buildAll());
            } catch (RuntimeException e) {
                // a lock wait that timed out behind a long apply, a lost connection: the next load or start resumes
                log.warn("Building the NTA name fragments stopped; it resumes after the next load or start", e);
                next.completeExceptionally(e);
            }
        });
        return next;
    }

    /** At start (no role checks here: the class has none; callers check, as {@link LegalEntityService} does). */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAtStart() {
        startIfPending();
    }

    private static NameIndexProgress toProgress(NameIndexState state) {
        return state.pending() ? new NameIndexProgress(true, state.built(), state.total()) : NameIndexProgress.COMPLETE;
    }
}
