package jp.hoshimi.alert;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_CURSOR;
import static jp.hoshimi.db.Tables.ALERT_OUTBOX;
import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import jp.hoshimi.alert.internal.AlertSettingsRepository;
import jp.hoshimi.alert.internal.NotificationRepository;
import jp.hoshimi.alert.internal.OutboxRepository;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.dataimport.ImportCounts;
import jp.hoshimi.dataimport.ImportFinishedEvent;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole alert pipeline against a real MariaDB of its own, a real SMTP server in-process (GreenMail)
 * and a local HTTP server standing in for Teams/Slack. Compliance events are inserted as the engine
 * writes them; the dispatcher runs only when a test calls it, on a clock the test moves.
 */
@SpringBootTest(
        properties = {
            "hoshimi.dev-db.database=hoshimi_alert",
            // the engine judges by the test's clock, not the demo's fixed date
            "hoshimi.clock.fixed-date=",
            "hoshimi.alert.dispatch-interval=0",
            "hoshimi.alert.max-attempts=3",
            "hoshimi.alert.retry-backoff=1m",
            "hoshimi.alert.send-lease=5m",
            "hoshimi.alert.base-url=http://hoshimi.test/",
            "hoshimi.alert.mail-from=alerts@hoshimi.test"
        })
class AlertPipelineTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp;
    static HttpServer webhookServer;
    static final Queue<String> webhookBodies = new ConcurrentLinkedQueue<>();
    static final Queue<Integer> webhookAnswers = new ConcurrentLinkedQueue<>();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    AlertProducer producer;

    @Autowired
    AlertService service;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    AlertSettingsRepository settings;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    SystemAuthentication system;

    @Autowired
    TestClock clock;

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ComplianceService compliance;

    @BeforeAll
    static void startServers() throws IOException {
        startSmtp();
        webhookServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookServer.createContext("/hook", exchange -> {
            webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer status = webhookAnswers.poll();
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        webhookServer.start();
    }

    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        webhookServer.stop(0);
    }

    /** Whatever the demo data's own evaluation left is sent first, so each test sees only its own mail. */
    @BeforeEach
    void drain() throws Exception {
        // the demo's second risk manager (four eyes for exceptions) takes no mail here: the counts below are per person
        prefer("risk2", false, false, "ja");
        system.runAsSystem(() -> {
            service.saveWebhook(
                    new WebhookSettings(null, false, "ja", service.webhook().version()));
            dispatcher.dispatch();
        });
        smtp.purgeEmailFromAllMailboxes();
        webhookBodies.clear();
        webhookAnswers.clear();
    }

    // --- helpers -----------------------------------------------------------------------------------

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long contract(String number) {
        return dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.eq(number))
                .fetchSingle(CONTRACT.ID);
    }

    long supplierOf(long contractId) {
        return dsl.select(CONTRACT.SUPPLIER_ID)
                .from(CONTRACT)
                .where(CONTRACT.ID.eq(contractId))
                .fetchSingle(CONTRACT.SUPPLIER_ID);
    }

    long user(String username) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchSingle(APP_USER.ID);
    }

    /** A LINK event as the compliance engine writes it; a validity no demo entry has keeps keys apart. */
    long event(long contractId, String from, Integer fromDays, String to, Integer toDays, LocalDate validUntil) {
        return event(contractId, supplierOf(contractId), from, fromDays, to, toDays, validUntil);
    }

    /** The same for a supplier somewhere in the contract's chain. */
    long event(
            long contractId,
            long supplierId,
            String from,
            Integer fromDays,
            String to,
            Integer toDays,
            LocalDate validUntil) {
        return event(contractId, supplierId, "STAR4", from, fromDays, to, toDays, validUntil);
    }

    /** The same for a link that requires {@code requiredLevel} of the supplier. */
    long event(
            long contractId,
            long supplierId,
            String requiredLevel,
            String from,
            Integer fromDays,
            String to,
            Integer toDays,
            LocalDate validUntil) {
        var e = COMPLIANCE_EVENT;
        return dsl.insertInto(e)
                .set(e.OCCURRED_AT, LocalDateTime.now(clock))
                .set(e.EVALUATED_ON, LocalDate.now(clock))
                .set(e.SUBJECT, "LINK")
                .set(e.CONTRACT_ID, contractId)
                .set(e.SUPPLIER_ID, supplierId)
                .set(e.OLD_STATUS, from == null ? null : ComplianceStatus.valueOf(from))
                .set(e.NEW_STATUS, ComplianceStatus.valueOf(to))
                .set(e.OLD_WARNING_DAYS, fromDays)
                .set(e.NEW_WARNING_DAYS, toDays)
                .set(e.REQUIRED_LEVEL, RequiredLevel.valueOf(requiredLevel))
                .set(e.HELD_LEVEL, StarLevel.STAR4)
                .set(e.VALID_UNTIL, validUntil)
                .set(e.REASON_CODE, to)
                .returningResult(e.ID)
                .fetchSingle()
                .value1();
    }

    static LocalDate uniqueValidity() {
        return LocalDate.of(2040, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 3000));
    }

    List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equals(address))) {
                result.add(message);
            }
        }
        return result;
    }

    /** The text/plain or text/html part of a mail. */
    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    List<Notification> notificationsOf(String username) {
        return notifications.notifications(user(username), false, 0, 500);
    }

    void prefer(String username, boolean email, boolean digest, String language) {
        long id = user(username);
        AlertPreferences current = settings.preferences(id).orElse(new AlertPreferences(true, false, "ja", -1));
        settings.savePreferences(
                id, new AlertPreferences(email, digest, language, current.version()), LocalDateTime.now(clock));
    }

    int outboxRows() {
        return dsl.fetchCount(ALERT_OUTBOX);
    }

    // --- tests -------------------------------------------------------------------------------------

    @Test
    void an_expired_link_reaches_owner_unit_members_and_risk_managers_by_mail_and_in_app() throws Exception {
        prefer("procurement", true, false, "ja");
        prefer("risk", true, false, "ja");
        long contract = contract("HMC-2026-0001");
        LocalDate validUntil = uniqueValidity();
        event(contract, "EXPIRING", 30, "EXPIRED", null, validUntil);

        AlertDispatcher.Report report = system.callAsSystem(dispatcher::dispatch);

        assertThat(report.alertsMade()).isGreaterThanOrEqualTo(1);
        assertThat(notificationsOf("procurement"))
                .anySatisfy(n -> assertThat(n.alert().validUntil()).isEqualTo(validUntil));
        assertThat(notificationsOf("risk"))
                .anySatisfy(n -> assertThat(n.alert().validUntil()).isEqualTo(validUntil));
        // members of other units, and the group-wide administrator and auditor, are not told
        assertThat(notificationsOf("procurement2"))
                .noneMatch(n -> validUntil.equals(n.alert().validUntil()));
        assertThat(notificationsOf("auditor"))
                .noneMatch(n -> validUntil.equals(n.alert().validUntil()));

        List<MimeMessage> toOwner = mailsTo("procurement@example.jp");
        assertThat(toOwner).hasSize(1);
        MimeMessage mail = toOwner.get(0);
        assertThat(mail.getSubject()).startsWith("[星見] 失効").contains("HMC-2026-0001");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@hoshimi.test");
        assertThat(mail.getMessageID()).startsWith("<hoshimi-alert-").endsWith("@hoshimi.test>");
        String text = part(mail, "text/plain");
        assertThat(text)
                .contains("ダイカスト部品供給契約")
                .contains("有効期限: " + validUntil)
                .contains("期限間近 → 失効")
                .contains("http://hoshimi.test/contracts/" + contract);
        assertThat(part(mail, "text/html"))
                .contains("<html lang=\"ja\"")
                .contains("href=\"http://hoshimi.test/contracts/" + contract + "\"");
        assertThat(mailsTo("risk@example.jp")).hasSize(1);
        assertThat(mailsTo("procurement2@example.jp")).isEmpty();
    }

    @Test
    void english_speakers_get_english_mail() throws Exception {
        prefer("procurement2", true, false, "en");
        event(contract("HSK-2026-0004"), "OK", null, "REVOKED", null, uniqueValidity());

        system.callAsSystem(dispatcher::dispatch);

        List<MimeMessage> mails = mailsTo("procurement2@example.jp");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject())
                .startsWith("[Hoshimi] Suspended or revoked")
                .contains("HSK-2026-0004");
        assertThat(part(mails.get(0), "text/plain"))
                .contains("Contract: HSK-2026-0004")
                .contains("Compliant → Suspended or revoked");
    }

    @Test
    void reading_the_same_events_again_or_restarting_never_duplicates_an_alert_or_a_mail() throws Exception {
        prefer("procurement", true, false, "ja");
        long contract = contract("HMC-2026-0002");
        LocalDate validUntil = uniqueValidity();
        event(contract, "OK", null, "EXPIRING", 90, validUntil);
        event(contract, "EXPIRING", 90, "EXPIRING", 30, validUntil);
        system.callAsSystem(dispatcher::dispatch);
        int notifications = notificationsOf("procurement").size();
        int rows = outboxRows();
        int mails = smtp.getReceivedMessages().length;
        assertThat(mailsTo("procurement@example.jp")).hasSize(1); // both thresholds in one mail
        assertThat(part(mailsTo("procurement@example.jp").get(0), "text/plain"))
                .contains("90日以内")
                .contains("30日以内");

        // as after a crash that lost the cursor: every event is read again
        dsl.update(ALERT_CURSOR).set(ALERT_CURSOR.LAST_ID, 0L).execute();
        producer.catchUpCompliance();
        system.callAsSystem(dispatcher::dispatch);
        // and as after a restart: a new dispatcher run over the same database
        system.callAsSystem(dispatcher::dispatch);

        assertThat(notificationsOf("procurement")).hasSize(notifications);
        assertThat(outboxRows()).isEqualTo(rows);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void a_finding_that_recovers_and_fails_again_is_told_again() {
        long contract = contract("HMC-2026-0003");
        LocalDate validUntil = uniqueValidity();
        event(contract, "OK", null, "MISSING", null, validUntil);
        event(contract, "MISSING", null, "OK", null, validUntil);
        event(contract, "OK", null, "MISSING", null, validUntil);
        producer.catchUpCompliance();

        List<Notification> mine = notificationsOf("risk").stream()
                .filter(n ->
                        validUntil.equals(n.alert().validUntil()) || n.alert().kind() == AlertKind.RESOLVED)
                .filter(n -> n.alert().contractId() == contract)
                .toList();
        assertThat(mine.stream().filter(n -> n.alert().kind() == AlertKind.STATUS))
                .hasSize(2);
        assertThat(mine.stream().filter(n -> n.alert().kind() == AlertKind.RESOLVED))
                .isNotEmpty();
        // the contract belongs to 物流部: procurement (購買部, 電子部品調達部) does not see it, so is not told
        assertThat(notificationsOf("procurement"))
                .noneMatch(n -> n.alert().contractId() != null && n.alert().contractId() == contract);
    }

    @Test
    void a_crash_between_sending_and_recording_leaves_the_delivery_uncertain_and_never_sends_it_twice()
            throws Exception {
        prefer("procurement", true, false, "ja");
        event(contract("HMC-2026-0001"), "OK", null, "INSUFFICIENT", null, uniqueValidity());
        producer.catchUpCompliance();

        // the dispatcher claims and sends, then its node dies before it records the outcome
        String token = UUID.randomUUID().toString();
        assertThat(dispatcher.claim(token)).isPositive();
        for (AlertDispatcher.Message message : dispatcher.group(outbox.claimed(token))) {
            dispatcher.deliver(message, message.key("hoshimi.test"));
        }
        assertThat(mailsTo("procurement@example.jp")).hasSize(1);

        // another node (or the restarted one) runs while the claim is still fresh: nothing is sent
        system.callAsSystem(dispatcher::dispatch);
        assertThat(mailsTo("procurement@example.jp")).hasSize(1);

        // once the claim has run out, the rows are marked uncertain for an administrator, not re-sent
        clock.advance(Duration.ofMinutes(6));
        AlertDispatcher.Report report = system.callAsSystem(dispatcher::dispatch);
        assertThat(report.abandoned()).isPositive();
        assertThat(mailsTo("procurement@example.jp")).hasSize(1);
        List<Delivery> uncertain = system.callAsSystem(() -> service.deliveries(DeliveryStatus.UNCERTAIN, 0, 50));
        assertThat(uncertain).isNotEmpty();
        assertThat(uncertain.get(0).lastError()).isEqualTo("alert.delivery.abandoned");

        // the administrator decides to send it again: exactly one more mail
        system.runAsSystem(() -> uncertain.forEach(d -> service.sendAgain(d.id())));
        system.callAsSystem(dispatcher::dispatch);
        assertThat(mailsTo("procurement@example.jp")).hasSize(2);
    }

    @Test
    void a_claim_renewed_by_a_dispatcher_still_at_work_is_not_taken_for_abandoned() throws Exception {
        prefer("procurement", true, false, "ja");
        event(contract("HMC-2026-0001"), "OK", null, "INSUFFICIENT", null, uniqueValidity());
        producer.catchUpCompliance();
        String token = UUID.randomUUID().toString();
        assertThat(dispatcher.claim(token)).isPositive();

        // a slow send: the claim's heartbeat renews it before the 5-minute lease runs out, twice
        clock.advance(Duration.ofMinutes(4));
        dispatcher.renewClaim(token);
        clock.advance(Duration.ofMinutes(4));
        dispatcher.renewClaim(token);
        clock.advance(Duration.ofMinutes(2)); // 10 minutes after the claim, 2 after its last renewal

        AlertDispatcher.Report report = system.callAsSystem(dispatcher::dispatch);
        assertThat(report.abandoned()).isZero();
        assertThat(system.callAsSystem(() -> service.deliveries(DeliveryStatus.UNCERTAIN, 0, 50)))
                .isEmpty();

        // the dispatcher finishes: exactly one mail
        for (AlertDispatcher.Message message : dispatcher.group(outbox.claimed(token))) {
            assertThat(dispatcher.send(token, message)).isTrue();
        }
        assertThat(mailsTo("procurement@example.jp")).hasSize(1);
    }

    @Test
    void a_daily_digest_waits_for_the_digest_hour_and_groups_the_alerts_into_one_mail() throws Exception {
        prefer("procurement", true, true, "ja");
        prefer("risk", true, false, "ja");
        long contract = contract("HMC-2026-0002");
        for (int i = 0; i < 3; i++) {
            event(contract, "OK", null, "EXPIRED", null, uniqueValidity());
        }
        system.callAsSystem(dispatcher::dispatch);

        assertThat(mailsTo("procurement@example.jp")).isEmpty(); // waits for 08:00 in Tokyo
        assertThat(mailsTo("risk@example.jp")).hasSize(1); // immediate, but three alerts in one mail
        assertThat(mailsTo("risk@example.jp").get(0).getSubject()).isEqualTo("[星見] 新しい通知 3 件");

        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZonedDateTime next = ZonedDateTime.ofInstant(clock.instant(), tokyo)
                .plusDays(1)
                .toLocalDate()
                .atTime(8, 0)
                .atZone(tokyo);
        clock.moveTo(next.toInstant());
        system.callAsSystem(dispatcher::dispatch);

        List<MimeMessage> digest = mailsTo("procurement@example.jp");
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0).getSubject()).startsWith("[星見] 日次まとめ").endsWith("3 件");
        assertThat(part(digest.get(0), "text/plain").split("■ ", -1)).hasSize(4);
        prefer("procurement", true, false, "ja");
    }

    @Test
    void a_failing_smtp_server_is_retried_with_backoff_then_reported_and_can_be_sent_again() throws Exception {
        prefer("procurement", true, false, "ja");
        prefer("risk", false, false, "ja");
        event(contract("HMC-2026-0001"), "OK", null, "MISSING", null, uniqueValidity());
        smtp.stop();
        try {
            AlertDispatcher.Report first = system.callAsSystem(dispatcher::dispatch);
            assertThat(first.attemptsFailed()).isEqualTo(1);
            // not due yet: nothing is tried
            assertThat(system.callAsSystem(dispatcher::dispatch).attemptsFailed())
                    .isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(system.callAsSystem(dispatcher::dispatch).attemptsFailed())
                    .isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(system.callAsSystem(dispatcher::dispatch).attemptsFailed())
                    .isZero(); // backoff doubled
            clock.advance(Duration.ofMinutes(1));
            assertThat(system.callAsSystem(dispatcher::dispatch).attemptsFailed())
                    .isEqualTo(1);
        } finally {
            startSmtp();
        }
        List<Delivery> failed = system.callAsSystem(() -> service.deliveries(DeliveryStatus.FAILED, 0, 50));
        assertThat(failed).anySatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.address()).isEqualTo("procurement@example.jp");
            assertThat(d.lastError()).startsWith("SMTP: ");
        });
        clock.advance(Duration.ofHours(2));
        assertThat(system.callAsSystem(dispatcher::dispatch).messagesSent()).isZero(); // reported, not retried

        system.runAsSystem(() -> failed.forEach(d -> service.sendAgain(d.id())));
        system.callAsSystem(dispatcher::dispatch);
        assertThat(mailsTo("procurement@example.jp")).hasSize(1);
        prefer("risk", true, false, "ja");
    }

    @Test
    void the_webhook_gets_teams_and_slack_compatible_json_and_is_retried_after_an_error() {
        String url = "http://127.0.0.1:" + webhookServer.getAddress().getPort() + "/hook";
        system.runAsSystem(() -> service.saveWebhook(
                new WebhookSettings(url, true, "en", service.webhook().version())));
        webhookAnswers.add(500);
        event(contract("HMC-2026-0001"), "OK", null, "EXPIRED", null, uniqueValidity());

        assertThat(system.callAsSystem(dispatcher::dispatch).attemptsFailed()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        system.callAsSystem(dispatcher::dispatch);

        assertThat(webhookBodies).hasSize(2);
        String body = webhookBodies.stream().reduce((a, b) -> b).orElseThrow();
        assertThat(body)
                .contains("\"@type\":\"MessageCard\"")
                .contains("\"text\":\"• Expired: ")
                .contains("HMC-2026-0001")
                .contains("\"id\":\"<hoshimi-alert-")
                .contains("\"kind\":\"STATUS\"")
                .contains("http://hoshimi.test/contracts/");
    }

    @Test
    void the_person_who_ran_an_import_hears_how_it_ended() throws Exception {
        prefer("procurement", true, false, "ja");
        long runId = 900_000 + Math.floorMod(UUID.randomUUID().hashCode(), 10_000);
        events.publishEvent(new ImportFinishedEvent(
                runId,
                ImportKind.SUPPLIERS,
                ImportStatus.APPLIED,
                "取引先.xlsx",
                "procurement",
                new ImportCounts(12, 5, 4, 2, 1)));
        system.callAsSystem(dispatcher::dispatch);

        assertThat(notificationsOf("procurement")).anySatisfy(n -> {
            assertThat(n.alert().kind()).isEqualTo(AlertKind.IMPORT_FINISHED);
            assertThat(n.alert().link()).isEqualTo("imports/run/" + runId);
        });
        assertThat(notificationsOf("risk"))
                .noneMatch(n -> n.alert().importRunId() != null && n.alert().importRunId() == runId);
        MimeMessage mail = mailsTo("procurement@example.jp").get(0);
        assertThat(mail.getSubject()).isEqualTo("[星見] 取り込みを反映しました: 取引先.xlsx");
        assertThat(part(mail, "text/plain"))
                .contains("12 行: 新規 5、変更 4、変更なし 2、エラー 1")
                .contains("http://hoshimi.test/imports/run/" + runId);
    }

    @Test
    void administrators_hear_once_that_the_register_is_stale() throws Exception {
        clock.advance(Duration.ofDays(3));
        system.callAsSystem(dispatcher::dispatch);
        system.callAsSystem(dispatcher::dispatch);

        assertThat(notificationsOf("admin").stream().filter(n -> n.alert().kind() == AlertKind.REGISTER_STALE))
                .hasSize(1);
        assertThat(notificationsOf("procurement")).noneMatch(n -> n.alert().kind() == AlertKind.REGISTER_STALE);
        assertThat(system.callAsSystem(() -> service.deliveries(DeliveryStatus.SENT, 0, 500)))
                .filteredOn(d -> d.alert().kind() == AlertKind.REGISTER_STALE)
                .singleElement()
                .satisfies(d -> assertThat(d.address()).isEqualTo("admin@example.jp"));
    }

    @Test
    void expiry_thresholds_crossed_by_moving_the_clock_are_each_told_once() throws Exception {
        prefer("procurement", true, false, "ja");
        long contract = contract("HMC-2026-0001");
        long supplier = supplierOf(contract);
        // it would end on 2027-09-02, before the dates below, and an ended contract is judged no more
        dsl.update(CONTRACT)
                .set(CONTRACT.END_DATE, LocalDate.of(2029, 3, 31))
                .where(CONTRACT.ID.eq(contract))
                .execute();
        // the demo register has its ★4 supplier valid until 2028-03-31; ★4 warns 180, 90 and 30 days before
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        for (String day : List.of("2027-10-02", "2027-10-04", "2028-01-02", "2028-03-02", "2028-03-03")) {
            clock.moveTo(LocalDate.parse(day).atTime(9, 0).atZone(tokyo).toInstant());
            system.callAsSystem(compliance::evaluateAll);
        }
        system.callAsSystem(compliance::evaluateAll); // a re-run on the same day changes nothing
        system.callAsSystem(dispatcher::dispatch);

        List<Integer> thresholds = notificationsOf("procurement").stream()
                .map(Notification::alert)
                .filter(a -> a.kind() == AlertKind.EXPIRING)
                .filter(a -> a.supplierId() == supplier)
                .filter(a -> a.contracts().stream().anyMatch(c -> c.id() == contract))
                .map(Alert::warningDays)
                .sorted()
                .toList();
        assertThat(thresholds).containsExactly(30, 90, 180);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mailsTo("procurement@example.jp")) {
            subjects.add(part(mail, "text/plain"));
        }
        assertThat(String.join("\n", subjects))
                .contains("碧海精密プレス工業株式会社: 登録の有効期限まで180日以内（2028-03-31まで、契約 HMC-2026-0001")
                .contains("碧海精密プレス工業株式会社: 登録の有効期限まで30日以内");
    }

    @Test
    void one_supplier_expiring_in_six_contracts_is_one_alert_and_one_mail_per_person_listing_their_contracts()
            throws Exception {
        prefer("procurement", true, false, "ja");
        prefer("procurement2", true, false, "ja");
        prefer("risk", true, false, "ja");
        long supplier = supplierOf(contract("HMC-2026-0001"));
        LocalDate validUntil = uniqueValidity();
        // 購買部 and 電子部品調達部 (procurement), 物流部 (risk only), 星見精工 購買部 (procurement2)
        List<String> numbers = List.of(
                "HMC-2026-0001", "HMC-2026-0002", "HMC-2026-0007", "HMC-2026-0003", "HMC-2026-0008", "HSK-2026-0004");
        long before = Long.MAX_VALUE;
        for (String number : numbers) {
            before = Math.min(
                    before, event(contract(number), supplier, "EXPIRING", 30, "EXPIRED", null, validUntil) - 1);
        }

        system.callAsSystem(dispatcher::dispatch);

        assertThat(dsl.fetchCount(ALERT, ALERT.SUPPLIER_ID.eq(supplier).and(ALERT.VALID_UNTIL.eq(validUntil))))
                .as("one alert for the supplier event")
                .isEqualTo(1);
        assertThat(listed(mailsTo("risk@example.jp"), validUntil)).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(listed(mailsTo("procurement@example.jp"), validUntil))
                .containsExactlyInAnyOrder("HMC-2026-0001", "HMC-2026-0002", "HMC-2026-0007");
        assertThat(listed(mailsTo("procurement2@example.jp"), validUntil)).containsExactly("HSK-2026-0004");
        Notification inApp = notificationsOf("procurement").stream()
                .filter(n -> validUntil.equals(n.alert().validUntil()))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), found -> {
                    assertThat(found).hasSize(1);
                    return found.get(0);
                }));
        assertThat(inApp.alert().contracts())
                .extracting(AlertContract::number)
                .containsExactlyInAnyOrder("HMC-2026-0001", "HMC-2026-0002", "HMC-2026-0007");
        assertThat(inApp.alert().link()).isEqualTo("suppliers/" + supplier);

        // these events read again: still one alert, one mail each
        dsl.update(ALERT_CURSOR).set(ALERT_CURSOR.LAST_ID, before).execute();
        producer.catchUpCompliance();
        system.callAsSystem(dispatcher::dispatch);
        assertThat(dsl.fetchCount(ALERT, ALERT.SUPPLIER_ID.eq(supplier).and(ALERT.VALID_UNTIL.eq(validUntil))))
                .isEqualTo(1);
        assertThat(mailsTo("risk@example.jp")).hasSize(1);
        assertThat(mailsTo("procurement@example.jp")).hasSize(1);
    }

    @Test
    void a_grouped_alert_shows_each_contract_with_its_own_required_level_and_status() throws Exception {
        prefer("risk", true, false, "ja");
        long first = contract("HMC-2026-0001");
        long second = contract("HMC-2026-0002");
        long supplier = supplierOf(first);
        LocalDate validUntil = uniqueValidity();
        event(first, supplier, "STAR3", "EXPIRING", 30, "EXPIRED", null, validUntil);
        event(second, supplier, "STAR4", "OK", null, "EXPIRED", null, validUntil);

        system.callAsSystem(dispatcher::dispatch);

        List<MimeMessage> mails = mailsTo("risk@example.jp");
        assertThat(mails).hasSize(1);
        String text = part(mails.get(0), "text/plain");
        assertThat(text)
                .containsPattern("契約: HMC-2026-0001 .*（要求 ★3 Basic・期限間近 → 失効）")
                .containsPattern("契約: HMC-2026-0002 .*（要求 ★4 Standard・適合 → 失効）")
                // no alert-wide level or status that would be only the first contract's
                .doesNotContain("要求レベル: ")
                .doesNotContain("状態: ");
        assertThat(part(mails.get(0), "text/html"))
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape("（要求 ★4 Standard・適合 → 失効）"));

        Notification inApp = notificationsOf("risk").stream()
                .filter(n -> validUntil.equals(n.alert().validUntil()))
                .findFirst()
                .orElseThrow();
        assertThat(inApp.alert().contracts())
                .extracting(AlertContract::number, AlertContract::requiredLevel, AlertContract::previousStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "HMC-2026-0001", RequiredLevel.STAR3, ComplianceStatus.EXPIRING),
                        org.assertj.core.groups.Tuple.tuple("HMC-2026-0002", RequiredLevel.STAR4, ComplianceStatus.OK));
    }

    /** The contract numbers one mail (the only one) lists under 契約 for the alert of this validity. */
    List<String> listed(List<MimeMessage> mails, LocalDate validUntil) throws Exception {
        assertThat(mails).hasSize(1);
        String text = part(mails.get(0), "text/plain");
        assertThat(text).contains("有効期限: " + validUntil).contains("期限間近 → 失効");
        return java.util.Arrays.stream(text.split("\n"))
                .map(String::strip)
                .filter(line -> line.startsWith("契約: "))
                .map(line -> line.substring("契約: ".length()).split(" ")[0])
                .toList();
    }

    @Test
    void the_next_digest_is_at_eight_in_tokyo() {
        // 2026-11-27 22:59 UTC is 07:59 on the 28th in Tokyo; 23:00 UTC is 08:00, so the next is the 29th
        assertThat(producer.nextDigest(LocalDateTime.of(2026, 11, 27, 22, 59)))
                .isEqualTo(LocalDateTime.of(2026, 11, 27, 23, 0));
        assertThat(producer.nextDigest(LocalDateTime.of(2026, 11, 27, 23, 0)))
                .isEqualTo(LocalDateTime.of(2026, 11, 28, 23, 0));
    }
}
