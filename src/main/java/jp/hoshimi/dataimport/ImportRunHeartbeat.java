package jp.hoshimi.dataimport;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.hoshimi.dataimport.internal.ImportRunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@code hoshimi.import.heartbeat} (30 s) this node's active import runs show they are alive, and runs
 * of any node that stopped beating for three heartbeats (killed, crashed) are marked failed: they can never
 * finish (their files were on that node) and nothing of them was committed. Also at start-up.
 * docs/decisions/0019-short-leases-heartbeat.md.
 */
@Component
class ImportRunHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(ImportRunHeartbeat.class);

    private final ImportRunRepository runs;
    private final ImportWorker worker;
    private final Clock clock;
    private final Duration beat;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hoshimi-import-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ImportRunHeartbeat(
            ImportRunRepository runs,
            ImportWorker worker,
            Clock clock,
            @Value("${hoshimi.import.heartbeat:30s}") Duration beat) {
        this.runs = runs;
        this.worker = worker;
        this.clock = clock;
        this.beat = beat;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        beat();
        timer.scheduleWithFixedDelay(this::beat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    void beat() {
        try {
            LocalDateTime now = LocalDateTime.now(clock);
            runs.beat(worker.workerName(), now);
            int failed = runs.failAbandoned(now.minus(beat.multipliedBy(3)), "import.failed.interrupted");
            if (failed > 0) {
                log.warn("{} import run(s) of a stopped node were marked failed; nothing of them was applied", failed);
            }
        } catch (RuntimeException e) {
            log.warn("Import heartbeat failed: {}", e.getMessage());
        }
    }
}
