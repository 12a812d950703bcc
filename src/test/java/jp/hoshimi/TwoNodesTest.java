package jp.hoshimi;

import static jp.hoshimi.db.Tables.ALERT_OUTBOX;
import static jp.hoshimi.db.Tables.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import jp.hoshimi.alert.AlertDispatcher;
import jp.hoshimi.alert.DeliveryStatus;
import jp.hoshimi.alert.ExpiredLinkEvents;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.awaitility.core.ConditionTimeoutException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15: two app nodes on one database. This test's context is one node; a child JVM running the app on
 * the same database, in the same Quartz cluster (one scheduler name) and with the same SMTP server is the
 * other. A job fired twenty times runs twenty times in all, never twice for one firing; alerts dispatched
 * by both nodes at once reach the SMTP server exactly once each. A register sync on the other node and an import
 * applied on this one at the same time both finish, each with exactly what it would do alone.
 */
@SpringBootTest(
        properties = {
            "hoshimi.dev-db.database=hoshimi_two_nodes",
            "spring.quartz.scheduler-name=hoshimi-two-nodes",
            "hoshimi.alert.dispatch-interval=1s",
            "hoshimi.alert.base-url=http://hoshimi.test/"
        })
class TwoNodesTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    static final Path FEED = Path.of("target", "tmp", "two-nodes-register-star.csv");
    static LocalRegisterServer register;

    @DynamicPropertySource
    static void mailAndRegister(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        GeneratedWork.registerFeed(FEED, 0, false); // the demo register (synced at start), until a test changes it
        register = LocalRegisterServer.start(0, FEED);
        registry.add(
                "hoshimi.register.star.url",
                () -> register.url(FEED.getFileName().toString()).toString());
    }

    @Autowired
    Environment environment;

    @Autowired
    DSLContext dsl;

    @Autowired
    Scheduler scheduler;

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    SystemAuthentication system;

    @Autowired
    ImportService imports;

    @Autowired
    RegisterService registerRuns;

    Process otherNode;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtpAndRegister() {
        smtp.stop();
        register.close();
    }

    @AfterEach
    void stopOtherNode() throws InterruptedException {
        if (otherNode != null) {
            otherNode.destroy();
            otherNode.waitFor();
        }
    }

    @Test
    void each_job_firing_runs_on_one_node_and_each_alert_is_mailed_once() throws Exception {
        dsl.execute("create table if not exists two_node_job_run ("
                + "fire_id varchar(200) not null primary key, node varchar(200) not null)");
        otherNode = startOtherNode("two-nodes-other.log");
        assertThat(poll(Duration.ofMinutes(4), () -> schedulerNodes() == 2))
                .as("both nodes checked in to the Quartz cluster")
                .isTrue();

        // a job fired 20 times, once a second, in the cluster both nodes share
        JobKey key = JobKey.jobKey("two-nodes-counting", "test");
        scheduler.scheduleJob(
                JobBuilder.newJob(CountingJob.class).withIdentity(key).build(),
                TriggerBuilder.newTrigger()
                        .withIdentity("two-nodes-counting", "test")
                        .withSchedule(SimpleScheduleBuilder.repeatSecondlyForTotalCount(20))
                        .build());
        // alerts for several contracts while both nodes dispatch (every second there, and here at once)
        List<String> contracts = dsl.select(CONTRACT.CONTRACT_NUMBER)
                .from(CONTRACT)
                .orderBy(CONTRACT.ID)
                .limit(6)
                .fetch(CONTRACT.CONTRACT_NUMBER);
        for (String contract : contracts) {
            ExpiredLinkEvents.expire(dsl, dispatcher, system, contract); // and dispatches on this node
        }

        assertThat(poll(Duration.ofMinutes(2), () -> jobRuns() == 20))
                .as("20 runs")
                .isTrue();
        assertThat(poll(Duration.ofMinutes(2), this::nothingLeftToSend)).isTrue();

        // each firing ran once (its fire id is the key), on one node or the other
        assertThat(jobRuns()).isEqualTo(20);
        // each delivery went out once: as many mails as distinct messages the outbox recorded as sent
        int messagesSent = count(
                "select count(distinct message_id) from alert_outbox where status = 'SENT' and channel = 'EMAIL'");
        assertThat(messagesSent).isPositive();
        assertThat(smtp.getReceivedMessages()).hasSize(messagesSent);
        assertThat(dsl.fetchCount(
                        ALERT_OUTBOX, ALERT_OUTBOX.STATUS.in(DeliveryStatus.UNCERTAIN, DeliveryStatus.FAILED)))
                .isZero();
        scheduler.deleteJob(key);
    }

    @Test
    @WithUserDetails("procurement")
    void a_sync_on_one_node_and_an_import_on_the_other_do_not_interfere() throws Exception {
        int entries = 5000;
        int suppliers = 1000;
        GeneratedWork.registerFeed(FEED, entries, false); // the demo register and 5,000 new entries
        int port = freePort();
        otherNode = startOtherNode("two-nodes-sync.log", "--server.port=" + port);
        AppNode.awaitReady(otherNode, port, "two-nodes-sync.log");

        assertThat(poll(
                        Duration.ofMinutes(2),
                        () -> count("select count(*) from register_sync_run where outcome =" + " 'RUNNING'") == 0))
                .as("this node's sync at start has ended")
                .isTrue();
        long syncRun = AppNode.startSync(port); // the other node syncs …
        ImportRun imported = imports.runToEnd( // … while this one applies an import of 1,000 new suppliers
                ImportKind.SUPPLIERS,
                "two-nodes.csv",
                new ByteArrayInputStream(GeneratedWork.supplierFile("TWO-NODES-", suppliers)),
                false,
                Duration.ofMinutes(5));
        SyncRun synced = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> system.callAsSystem(() -> registerRuns.run(syncRun)),
                        run -> run.outcome() != SyncRun.Outcome.RUNNING);
        System.out.println("Two nodes: sync " + synced.startedAt() + " – " + synced.finishedAt() + " on the other"
                + " node; import " + imported.status() + " here");

        // each finished as it would alone: the sync added exactly the new entries, the import exactly its rows
        assertThat(synced.outcome()).as(synced.toString()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(synced.added()).isEqualTo(entries);
        assertThat(synced.removed()).isZero();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(ImportStatus.APPLIED);
        assertThat(imported.counts().added()).isEqualTo(suppliers);
        assertThat(count("select count(*) from supplier where supplier_code like 'TWO-NODES-%'"))
                .isEqualTo(suppliers);
        assertThat(count("select count(*) from register_entry where name like '生成試験工業株式会社%'"
                        + " and removed_at is null"))
                .isEqualTo(entries);
        // and the imported suppliers point at the entries the sync brought (their numbers are i*10)
        assertThat(count("select count(*) from supplier s join register_entry e on e.corporate_number ="
                        + " s.corporate_number where s.supplier_code like 'TWO-NODES-%'"))
                .isEqualTo(entries / 10);
    }

    /** Stores its firing's id and its node; a second run of one firing would break the primary key. */
    public static class CountingJob implements Job {

        @Autowired
        DSLContext dsl;

        @Override
        public void execute(JobExecutionContext context) {
            dsl.execute(
                    "insert into two_node_job_run (fire_id, node) values (?, ?)",
                    context.getFireInstanceId() + "@"
                            + context.getScheduledFireTime().getTime(),
                    String.valueOf(ProcessHandle.current().pid()));
        }
    }

    private int jobRuns() {
        return count("select count(*) from two_node_job_run");
    }

    private int schedulerNodes() {
        return count("select count(*) from QRTZ_SCHEDULER_STATE where SCHED_NAME = 'hoshimi-two-nodes'");
    }

    private int count(String sql) {
        return dsl.fetchOne(sql).get(0, Integer.class);
    }

    private boolean nothingLeftToSend() {
        return dsl.fetchCount(ALERT_OUTBOX, ALERT_OUTBOX.STATUS.in(DeliveryStatus.PENDING, DeliveryStatus.SENDING)) == 0
                && dsl.fetchCount(ALERT_OUTBOX) > 0;
    }

    private Process startOtherNode(String log, String... more) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.quartz.scheduler-name=hoshimi-two-nodes",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP_PORT,
                "--hoshimi.alert.dispatch-interval=1s",
                "--hoshimi.alert.base-url=http://hoshimi.test/",
                "--hoshimi.register.star.url=" + environment.getProperty("hoshimi.register.star.url"),
                "--hoshimi.register.security-action.url="
                        + environment.getProperty("hoshimi.register.security-action.url", "")));
        arguments.addAll(List.of(more));
        return AppNode.start(environment, log, arguments);
    }

    /** True as soon as the condition holds, false when the deadline passes first. */
    static boolean poll(Duration deadline, BooleanSupplier condition) {
        try {
            await().atMost(deadline).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
