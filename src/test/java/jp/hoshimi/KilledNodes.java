package jp.hoshimi;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionTimeoutException;
import org.jooq.DSLContext;
import org.springframework.core.env.Environment;

/**
 * The kill loop's work on one database, in rounds — each round: apply a supplier file, sync the ★ register
 * (its feed changed for the round), send the alerts that follow — driven over the REST API of one app node
 * after another, the way an operator would: whatever the database does not show as done is asked for again
 * (the round's file uploaded again unless an import of it was applied, a sync started again unless one of the
 * round succeeded). A round begins when the one before is done, so both databases pass through the same states.
 * What is done is read from the database only, never from what a node answered, since a node can die between
 * doing a thing and saying so.
 */
final class KilledNodes {

    /** Where a node is killed: the state to see in the database first. */
    enum Point {
        IMPORT_APPLY,
        REGISTER_SYNC,
        ALERT_DISPATCH
    }

    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";
    /** The host of the killed nodes' links and Message-IDs ({@code <hoshimi-alert-…@killed.hoshimi.test>}). */
    static final String KILLED_HOST = "killed.hoshimi.test";

    private final DSLContext dsl;
    private final Environment environment;
    private final String schema;
    private final int smtpPort;
    private final List<Round> rounds;
    private final long firstImportMark;
    private int round = -1;
    private long importMark;
    private long syncMark;
    private Process node;
    private int killsDuringWork;
    private int port;
    private CompletableFuture<?> importing = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> syncing = CompletableFuture.completedFuture(null);

    /** One round of the work: a supplier file to apply, and the register feed to write before it begins. */
    record Round(String fileName, byte[] file, Feed feed) {}

    /** Writes the register feed of a round. */
    interface Feed {
        void write() throws IOException;
    }

    /** The work on {@code schema}, round after round; runs and events before now are not part of it. */
    KilledNodes(DSLContext dsl, Environment environment, String schema, int smtpPort, List<Round> rounds)
            throws IOException {
        this.dsl = dsl;
        this.environment = environment;
        this.schema = schema;
        this.smtpPort = smtpPort;
        this.rounds = rounds;
        this.firstImportMark = maxId("import_run");
        begin(0);
    }

    /** The round's feed written; its runs are those after now. */
    private void begin(int next) throws IOException {
        rounds.get(next).feed().write();
        importMark = maxId("import_run");
        syncMark = maxId("register_sync_run");
        round = next;
    }

    /** Starts a node, asks it for what is not done, kills it at {@code point} plus {@code after}; what it hit. */
    String killDuring(int life, Point point, Duration after) throws IOException {
        int sentMark = count("alert_outbox", "status = 'SENT'");
        start("kill-loop-node-" + life + ".log");
        boolean seen = poll(
                Duration.ofMinutes(3),
                this::askForWhatIsNotDone,
                () -> switch (point) {
                    case IMPORT_APPLY -> count("import_run", "id > " + importMark + " and status = 'APPLYING'") > 0;
                    case REGISTER_SYNC ->
                        count("register_sync_run", "id > " + syncMark + " and outcome = 'RUNNING'") > 0;
                    case ALERT_DISPATCH ->
                        count("alert_outbox", "status = 'SENDING'") > 0
                                || count("alert_outbox", "status = 'SENT'") > sentMark;
                },
                () -> switch (point) {
                    case IMPORT_APPLY -> importApplied();
                    case REGISTER_SYNC -> synced();
                    case ALERT_DISPATCH -> allDone();
                });
        await().pollDelay(after).atMost(after.plusSeconds(5)).until(() -> true);
        String at = state(); // just before the kill: the data cannot move on after it
        boolean working = !(done() && importing.isDone()); // the round's work (a next one is not begun)
        kill();
        if (working) {
            killsDuringWork++;
        }
        return "round " + (round + 1) + ", " + point + " +" + after.toMillis() + " ms, "
                + (seen ? "reached" : "passed unseen") + ", "
                + (working ? "killed during the work" : "killed with nothing in progress") + "; " + at;
    }

    /** How many kills came while some of the work was still to do. */
    int killsDuringWork() {
        return killsDuringWork;
    }

    /** A last node, not killed, finishes the work: it is asked until the database shows everything done. */
    String finish(String log) throws IOException {
        start(log);
        return finishOn(port);
    }

    /** Drives the node on {@code nodePort} (this test's own, for the reference) until the work is done. */
    String finishOn(int nodePort) {
        port = nodePort;
        return finishOn();
    }

    /** Drives the current node until the work is done. */
    String finishOn() {
        try {
            await().atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        askForWhatIsNotDone();
                        return allDone();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the work did not finish: " + state(), e);
        }
        for (Round each : rounds) {
            if (count(
                            "import_run",
                            "id > " + firstImportMark + " and status = 'APPLIED' and file_name = '" + each.fileName()
                                    + "'")
                    != 1) {
                throw new AssertionError(each.fileName() + " was not applied exactly once: " + state());
            }
        }
        return state();
    }

    /** The last round done, and the answer to its upload in. */
    boolean allDone() {
        return round == rounds.size() - 1 && done() && importing.isDone();
    }

    /**
     * The round done: its file applied, a sync succeeded and its re-evaluation done, every alert handed on.
     */
    private boolean done() {
        return importApplied()
                && synced()
                && count(
                                "register_sync_run",
                                "id > " + syncMark + " and outcome = 'SUCCEEDED' and evaluated_at is not null")
                        > 0
                && count(
                                "alert_cursor",
                                "last_id < (select coalesce(max(id), 0) from `" + schema + "`.compliance_event)")
                        == 0
                && count("alert_outbox", "status in ('PENDING', 'SENDING') and not digest") == 0;
    }

    /** The points whose work in this round is not done yet; all of them when everything is done. */
    List<Point> openPoints() {
        List<Point> open = new java.util.ArrayList<>();
        if (!importApplied()) {
            open.add(Point.IMPORT_APPLY);
        }
        if (!synced()) {
            open.add(Point.REGISTER_SYNC);
        }
        if (!done()) {
            open.add(Point.ALERT_DISPATCH);
        }
        return open.isEmpty() ? List.of(Point.values()) : open;
    }

    /**
     * What an administrator does with the deliveries a kill left UNCERTAIN (Alerts → Deliveries, "send again":
     * the same statement as {@code AlertRepository.requeue}); the ids of those deliveries.
     */
    List<Long> sendUncertainAgain() {
        List<Long> uncertain = dsl.fetch("select id from `" + schema + "`.alert_outbox where status = 'UNCERTAIN'")
                .getValues(0, Long.class);
        dsl.execute("update `" + schema + "`.alert_outbox set status = 'PENDING', attempts = 0, due_at ="
                + " utc_timestamp(6), version = version + 1 where status = 'UNCERTAIN'");
        return uncertain;
    }

    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
    }

    private void kill() {
        try {
            node.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        importing.cancel(true);
        syncing.cancel(true);
    }

    /**
     * Begins the next round when this one is done; uploads the round's file unless it was applied; starts a sync
     * unless one of the round succeeded (or one asked for still runs).
     */
    private void askForWhatIsNotDone() {
        if (round < rounds.size() - 1 && done() && importing.isDone()) {
            try {
                begin(round + 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (importing.isDone() && !importApplied()) {
            importing = postImport();
        }
        if (syncing.isDone() && !synced()) {
            syncing = startSync();
        }
    }

    private boolean importApplied() {
        return count(
                        "import_run",
                        "id > " + importMark + " and status = 'APPLIED' and file_name = '"
                                + rounds.get(round).fileName() + "'")
                > 0;
    }

    private boolean synced() {
        return count("register_sync_run", "id > " + syncMark + " and outcome = 'SUCCEEDED'") > 0;
    }

    private void start(String log) throws IOException {
        port = TwoNodesTest.freePort();
        node = AppNode.start(
                environment.getProperty("spring.datasource.url").replace("/" + KillLoopTest.REFERENCE, "/" + schema),
                environment,
                log,
                List.of(
                        "--server.port=" + port,
                        "--spring.quartz.scheduler-name=hoshimi-kill-loop",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--hoshimi.dev.register-sync-at-start=false",
                        "--hoshimi.alert.dispatch-interval=1s",
                        "--hoshimi.alert.batch-size=5",
                        "--hoshimi.alert.send-lease=6s",
                        // the killed nodes' Message-IDs end in their own host: their mails are told apart from the
                        // reference's, whose deliveries have the same ids (the database was copied)
                        "--hoshimi.alert.base-url=http://" + KILLED_HOST + "/",
                        "--hoshimi.register.lease=6s",
                        "--hoshimi.import.heartbeat=2s",
                        "--hoshimi.register.star.url=" + environment.getProperty("hoshimi.register.star.url"),
                        "--hoshimi.register.security-action.url="));
        AppNode.awaitReady(node, port, log);
        importing = CompletableFuture.completedFuture(null);
        syncing = CompletableFuture.completedFuture(null);
    }

    /** The file, applied at once when it has no errors; the answer comes when the apply and its evaluation end. */
    private CompletableFuture<?> postImport() {
        String boundary = "----kill-loop";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + rounds.get(round).fileName() + "\"\r\nContent-Type:"
                        + " application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(rounds.get(round).file());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.sendAsync(
                request("/api/v1/imports?kind=suppliers&dryRun=false", PROCUREMENT)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a sync; done when its run is no longer RUNNING (a SKIPPED one — a dead node's lease — ends at once). */
    private CompletableFuture<?> startSync() {
        long run;
        try {
            run = AppNode.startSync(port);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.completedFuture(null); // asked again at the next look
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return CompletableFuture.runAsync(() -> await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count("register_sync_run", "id = " + run + " and outcome = 'RUNNING'") == 0));
    }

    String state() {
        return "round " + (round + 1) + " of " + rounds.size() + ": imports "
                + values("status", "import_run", "id > " + importMark) + ", syncs "
                + values(
                        "concat(outcome, if(evaluated_at is null, '', '+evaluated'))",
                        "register_sync_run",
                        "id > " + syncMark)
                + ", outbox " + values("status", "alert_outbox", "true") + ", events "
                + count("compliance_event", "true") + ", alerts " + count("alert", "true");
    }

    private String values(String column, String table, String condition) {
        return dsl.fetch("select " + column + ", count(*) from `" + schema + "`.`" + table + "` where " + condition
                        + " group by 1 order by 1")
                .formatCSV(false)
                .strip()
                .replace('\n', ' ');
    }

    private long maxId(String table) {
        return dsl.fetchOne("select coalesce(max(id), 0) from `" + schema + "`.`" + table + "`")
                .get(0, Long.class);
    }

    private int count(String table, String condition) {
        return KillLoopTest.BusinessData.count(dsl, schema, table, condition);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    /**
     * Waits until {@code reached} (true) or {@code over} (false: the state passed unseen); when neither comes
     * within {@code deadline} the kill lands anyway (false).
     */
    private static boolean poll(
            Duration deadline,
            Runnable ask,
            java.util.concurrent.Callable<Boolean> reached,
            java.util.concurrent.Callable<Boolean> over) {
        boolean[] seen = {false};
        try {
            await().atMost(deadline).pollInterval(Duration.ofMillis(20)).until(() -> {
                ask.run();
                seen[0] = reached.call();
                return seen[0] || over.call();
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("Kill loop: the kill point was not reached in " + deadline + "; killing anyway");
        }
        return seen[0];
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
