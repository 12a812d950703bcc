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
 * App nodes in child JVMs on one test database, one after another, each given the same work over the API
 * (apply an import file, sync the ★ register; its dispatcher sends the alerts due) and killed (SIGKILL) at a
 * chosen point. Leases are a few seconds long so that the next node takes the work over quickly.
 */
final class KilledNodes {

    /** Where a node is killed: the state to see in the database first. */
    enum Point {
        IMPORT_APPLY,
        REGISTER_SYNC,
        ALERT_DISPATCH
    }

    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";

    private final DSLContext dsl;
    private final Environment environment;
    private final String schema;
    private final int smtpPort;
    private final byte[] importFile;
    private Process node;
    private int port;

    KilledNodes(DSLContext dsl, Environment environment, String schema, int smtpPort, byte[] importFile) {
        this.dsl = dsl;
        this.environment = environment;
        this.schema = schema;
        this.smtpPort = smtpPort;
        this.importFile = importFile;
    }

    /** Starts a node, gives it the work, kills it at {@code point} plus {@code after}; says what it hit. */
    String killDuring(int life, Point point, Duration after) throws IOException, InterruptedException {
        long importMark = maxId("import_run");
        long syncMark = maxId("register_sync_run");
        int sentMark = count("alert_outbox", "status = 'SENT'");
        start("kill-loop-node-" + life + ".log");
        CompletableFuture<?> imported = postImport();
        CompletableFuture<?> synced = syncUntilNotSkipped();
        boolean seen = poll(
                Duration.ofMinutes(2),
                () -> switch (point) {
                    case IMPORT_APPLY -> count("import_run", "id > " + importMark + " and status = 'APPLYING'") > 0;
                    case REGISTER_SYNC ->
                        count("register_sync_run", "id > " + syncMark + " and outcome = 'RUNNING'") > 0;
                    case ALERT_DISPATCH ->
                        count("alert_outbox", "status = 'SENDING'") > 0
                                || count("alert_outbox", "status = 'SENT'") > sentMark;
                },
                () -> switch (point) {
                    case IMPORT_APPLY -> imported.isDone();
                    case REGISTER_SYNC -> synced.isDone();
                    case ALERT_DISPATCH ->
                        count("alert_outbox", "status in ('PENDING', 'SENDING')") == 0
                                && imported.isDone()
                                && synced.isDone();
                });
        await().pollDelay(after).atMost(after.plusSeconds(5)).until(() -> true);
        node.destroyForcibly().waitFor();
        imported.cancel(true);
        synced.cancel(true);
        return point + " +" + after.toMillis() + " ms, " + (seen ? "while in progress" : "after it ended") + "; "
                + state(importMark, syncMark);
    }

    /** A last node, not killed, finishes the work: the import applied, a sync done, nothing left to send. */
    void finish() throws IOException, InterruptedException {
        long syncMark = maxId("register_sync_run");
        start("kill-loop-node-last.log");
        CompletableFuture<?> imported = postImport();
        CompletableFuture<?> synced = syncUntilNotSkipped();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> imported.isDone()
                        && synced.isDone()
                        // the import's own alert is made by a later dispatcher run than the apply
                        && count("alert", "kind = 'IMPORT_FINISHED'") > 0
                        && count("alert_outbox", "status in ('PENDING', 'SENDING')") == 0);
        if (count("import_run", "status = 'APPLIED'") != 1) {
            throw new AssertionError("the import was not applied exactly once: " + state(0, syncMark));
        }
        System.out.println("Last node: " + state(0, syncMark));
    }

    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
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
                        "--hoshimi.alert.dispatch-interval=1s",
                        "--hoshimi.alert.batch-size=5",
                        "--hoshimi.alert.send-lease=6s",
                        "--hoshimi.alert.base-url=http://hoshimi.test/",
                        "--hoshimi.register.lease=6s",
                        "--hoshimi.import.heartbeat=2s",
                        "--hoshimi.register.star.url=" + environment.getProperty("hoshimi.register.star.url"),
                        "--hoshimi.register.security-action.url="));
        AppNode.awaitReady(node, port, log);
    }

    /**
     * Sends the file to be imported and applied, unless an earlier node applied it already (as an operator
     * would: an import that did not apply is run again, one that did is not — it would add a second run).
     */
    private CompletableFuture<?> postImport() {
        if (count("import_run", "status = 'APPLIED'") > 0) {
            return CompletableFuture.completedFuture(null);
        }
        String boundary = "----kill-loop";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kill-loop.csv\""
                                + "\r\nContent-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(importFile);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .sendAsync(
                        request("/api/v1/imports?kind=suppliers&dryRun=false", PROCUREMENT)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Asks the node for a sync until one is not skipped (a dead node's lease lapses first), and it ends. */
    private CompletableFuture<?> syncUntilNotSkipped() {
        long[] run = {0};
        Process asked = node;
        return CompletableFuture.runAsync(() -> await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!asked.isAlive()) {
                        return true; // killed: the next node asks again
                    }
                    String outcome = run[0] == 0
                            ? "SKIPPED"
                            : dsl.fetchOne(
                                            "select outcome from `" + schema + "`.register_sync_run where id = ?",
                                            run[0])
                                    .get(0, String.class);
                    if (outcome.equals("SKIPPED")) {
                        run[0] = AppNode.startSync(port);
                        return false;
                    }
                    return !outcome.equals("RUNNING");
                }));
    }

    private String state(long importMark, long syncMark) {
        return "imports " + values("status", "import_run", "id > " + importMark) + ", syncs "
                + values("outcome", "register_sync_run", "id > " + syncMark) + ", outbox "
                + values("status", "alert_outbox", "true");
    }

    private String values(String column, String table, String condition) {
        return dsl.fetch("select " + column + ", count(*) from `" + schema + "`.`" + table + "` where " + condition
                        + " group by " + column + " order by " + column)
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

    /** Waits until {@code reached} (true) or {@code over} (false: the state passed unseen). */
    private static boolean poll(
            Duration deadline,
            java.util.concurrent.Callable<Boolean> reached,
            java.util.concurrent.Callable<Boolean> over) {
        boolean[] seen = {false};
        try {
            await().atMost(deadline).pollInterval(Duration.ofMillis(20)).until(() -> {
                seen[0] = reached.call();
                return seen[0] || over.call();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the node never got to its kill point", e);
        }
        return seen[0];
    }
}
