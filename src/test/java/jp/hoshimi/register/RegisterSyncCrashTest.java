package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.hoshimi.AppNode;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Issue 15, item 2: a node killed in the middle of a register sync. The node is a real second JVM running
 * the app on this test's database; its sync hangs on a local register server that never answers, and the
 * test kills it (SIGKILL) while the run is RUNNING and the lease is held. This context then plays the
 * restarted node: once the dead node's short lease has lapsed, its sync takes the lease over, the old run
 * says interrupted, and the new sync succeeds — well within two minutes.
 */
@SpringBootTest(
        properties = {
            "hoshimi.dev-db.database=hoshimi_sync_crash",
            "hoshimi.dev.register-sync-at-start=false",
            "hoshimi.register.lease=6s"
        })
class RegisterSyncCrashTest {

    static final Duration TWO_MINUTES = Duration.ofMinutes(2);

    @Autowired
    RegisterSyncService sync;

    @Autowired
    RegisterService register;

    @Autowired
    SystemAuthentication system;

    @Autowired
    Environment environment;

    LocalRegisterServer hangingRegister;
    Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) {
            node.destroyForcibly().waitFor();
        }
        if (hangingRegister != null) {
            hangingRegister.close();
        }
    }

    @Test
    void a_sync_whose_node_is_killed_is_marked_interrupted_and_the_next_sync_succeeds() throws Exception {
        hangingRegister = LocalRegisterServer.start(0, Path.of("sample-data", "register-star.csv"))
                .next(LocalRegisterServer.Misbehaviour.HANG, 1);
        node = startNode(hangingRegister.url("register-star.csv").toString());

        SyncRun hanging = pollUntil(
                Duration.ofMinutes(4), // a JVM start on a busy build machine
                () -> hangingRegister.requests().isEmpty() ? Optional.empty() : runningStarSync());
        assertThat(hanging.startedBy()).isNotBlank();

        node.destroyForcibly().waitFor(); // kill -9: no shutdown hook, no finally block, the lease stays taken

        SyncRun next = pollUntil(TWO_MINUTES, () -> {
            SyncRun run = system.callAsSystem(() -> sync.sync(RegisterKind.STAR, SyncRun.Trigger.MANUAL));
            return run.outcome() == SyncRun.Outcome.SKIPPED ? Optional.empty() : Optional.of(run);
        });
        assertThat(next.outcome().isSuccess()).as(next.toString()).isTrue();
        SyncRun old = system.callAsSystem(() -> register.run(hanging.id()));
        assertThat(old.outcome()).isEqualTo(SyncRun.Outcome.INTERRUPTED);
        assertThat(old.errorCode()).isEqualTo("register.sync.interrupted");
        assertThat(old.errorDetail()).as("which node stopped").isNotBlank();
        assertThat(old.finishedAt()).isNotNull();
    }

    private Optional<SyncRun> runningStarSync() {
        return system.callAsSystem(() -> register.runs(RegisterKind.STAR, 0, 10)).stream()
                .filter(run -> run.outcome() == SyncRun.Outcome.RUNNING)
                .findFirst();
    }

    /** The app in a child JVM on this test's database, syncing the ★ register from {@code registerUrl} at start. */
    private Process startNode(String registerUrl) throws IOException {
        return AppNode.start(
                environment,
                "sync-crash-node.log",
                List.of(
                        // the demo start-up runner syncs at start, as it does in development
                        "--hoshimi.dev-db.active=true",
                        "--hoshimi.dev.register-sync-at-start=true",
                        "--hoshimi.register.star.url=" + registerUrl,
                        "--hoshimi.register.security-action.url=",
                        "--hoshimi.register.lease=6s",
                        "--hoshimi.register.http.read-timeout=10m",
                        "--hoshimi.register.http.deadline=10m"));
    }

    /** Asks again until there is an answer, failing when the deadline passes first. */
    static <T> T pollUntil(Duration deadline, Supplier<Optional<T>> probe) {
        return await().atMost(deadline)
                .pollInterval(Duration.ofMillis(250))
                .until(probe::get, Optional::isPresent)
                .orElseThrow();
    }
}
