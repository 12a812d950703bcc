package jp.hoshimi.alert;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.shared.ui.MessageBundle;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One business date, one count of days (issue 13): with the demo's fixed business date (2026-12-01) and
 * the real clock weeks later, a renewal's days left read the same on the screen and in the mail (a real
 * SMTP server, GreenMail), both counted from the business date. One clock (issue 18): the register's
 * freshness, the stale alert and the API's freshness answer are judged as of that date too.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hoshimi.dev-db.database=hoshimi_onedate",
            "hoshimi.clock.fixed-date=2026-12-01",
            "hoshimi.alert.dispatch-interval=0",
            "hoshimi.alert.base-url=http://hoshimi.test/",
            "hoshimi.alert.mail-from=alerts@hoshimi.test"
        })
@Import(AlertPipelineTest.Clocks.class)
class OneBusinessDateTest {

    static final int SMTP_PORT = AlertPipelineTest.freePort();
    static final Pattern DAYS_LEFT = Pattern.compile("残り (\\d+) 日");
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    ComplianceService compliance;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    MessageBundle messages;

    @Autowired
    TestClock clock;

    @Autowired
    DSLContext dsl;

    @Autowired
    RegisterService register;

    @Autowired
    AlertProducer producer;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_renewal_has_the_same_days_left_on_the_screen_and_in_the_mail() throws Exception {
        // the alert is made and mailed weeks after the business date
        clock.moveTo(Instant.parse("2027-01-15T00:00:00Z"));
        system.runAsSystem(dispatcher::dispatch);
        smtp.purgeEmailFromAllMailboxes();
        // S-10029: ★4 valid until 2026-12-20, so renewing as of 2026-12-01
        long supplierId = system.callAsSystem(() -> suppliers.findByCode("S-10029"))
                .orElseThrow()
                .id();
        Finding onScreen = system.callAsSystem(() -> compliance.supplierEvaluation(supplierId)).findings().stream()
                .filter(f -> f.verdict().reason() == Reason.EXPIRING)
                .findFirst()
                .orElseThrow();
        String screenText = messages.getTranslation(
                onScreen.verdict().reason().messageKey(),
                Locale.JAPANESE,
                onScreen.verdict().reasonArguments());
        long screenDays = daysLeftIn(screenText);
        // a further lead time crossed, as the engine records it, for the same registration
        expiringEvent(onScreen);

        system.runAsSystem(dispatcher::dispatch);

        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> text(m).contains(onScreen.contractNumber()))
                .findFirst()
                .orElseThrow();
        assertThat(daysLeftIn(text(mail))).isEqualTo(screenDays);
        assertThat(screenDays)
                .isEqualTo(BusinessDate.daysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20)))
                .isEqualTo(businessDate.daysUntil(onScreen.verdict().validUntil()));
    }

    @Test
    void the_register_is_stale_or_fresh_as_of_the_fixed_business_date_not_the_real_clock() throws Exception {
        // the real clock is weeks past the business date: by it, every sync of the demo would be stale
        clock.moveTo(Instant.parse("2027-01-15T00:00:00Z"));
        int limit = system.callAsSystem(register::freshness).limitHours();
        assertThat(limit).as("the staleness limit the checks below assume").isGreaterThanOrEqualTo(24);
        // the business day 2026-12-01 starts at this moment (UTC); "now" is that day at the clock's time of day
        LocalDateTime businessDayStart = LocalDate.of(2026, 12, 1)
                .atStartOfDay(BusinessDate.ZONE)
                .withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
        LocalDateTime staleSync = businessDayStart.minusHours(limit);
        String staleKey = "REGISTER_STALE:" + staleSync;
        Map<Long, String> successfulRuns = dsl.select(REGISTER_SYNC_RUN.ID, REGISTER_SYNC_RUN.OUTCOME)
                .from(REGISTER_SYNC_RUN)
                .where(REGISTER_SYNC_RUN.OUTCOME.in("SUCCEEDED", "NOT_MODIFIED"))
                .fetchMap(REGISTER_SYNC_RUN.ID, REGISTER_SYNC_RUN.OUTCOME);
        long runId = 0;
        try {
            // the only successful sync is the test's (the demo's own are put aside and restored below)
            dsl.update(REGISTER_SYNC_RUN)
                    .set(REGISTER_SYNC_RUN.OUTCOME, "FAILED")
                    .where(REGISTER_SYNC_RUN.ID.in(successfulRuns.keySet()))
                    .execute();
            runId = dsl.insertInto(REGISTER_SYNC_RUN)
                    .set(REGISTER_SYNC_RUN.KIND, "STAR")
                    .set(REGISTER_SYNC_RUN.SOURCE_ID, "http:one-clock-test")
                    .set(REGISTER_SYNC_RUN.TRIGGER_TYPE, "SCHEDULE")
                    .set(REGISTER_SYNC_RUN.STARTED_BY, "system")
                    .set(REGISTER_SYNC_RUN.STARTED_AT, staleSync.minusMinutes(1))
                    .set(REGISTER_SYNC_RUN.FINISHED_AT, staleSync)
                    .set(REGISTER_SYNC_RUN.OUTCOME, "SUCCEEDED")
                    .returning(REGISTER_SYNC_RUN.ID)
                    .fetchOne(REGISTER_SYNC_RUN.ID);

            // synced the limit before the business day began: stale on it, whatever the time of day
            RegisterService.Freshness stale = system.callAsSystem(register::freshness);
            assertThat(stale.lastSuccess()).isEqualTo(staleSync);
            assertThat(stale.stale()).isTrue();
            assertThat(stale.businessDate()).isEqualTo(LocalDate.of(2026, 12, 1));
            HttpResponse<String> staleAnswer = freshnessOverHttp();
            JsonNode staleJson = new ObjectMapper().readTree(staleAnswer.body());
            assertThat(staleJson.get("stale").asBoolean())
                    .as(staleAnswer.body())
                    .isTrue();
            assertThat(staleJson.get("businessDate").asText()).isEqualTo("2026-12-01");
            assertThat(staleAnswer.headers().firstValue("X-Register-Stale")).hasValue("true");
            assertThat(producer.checkRegisterFreshness())
                    .as("administrators hear of it")
                    .isTrue();
            assertThat(dsl.fetchExists(ALERT, ALERT.DEDUP_KEY.eq(staleKey))).isTrue();

            // synced as the business day began: fresh on it, although the real clock is weeks later
            dsl.update(REGISTER_SYNC_RUN)
                    .set(REGISTER_SYNC_RUN.FINISHED_AT, businessDayStart)
                    .where(REGISTER_SYNC_RUN.ID.eq(runId))
                    .execute();
            assertThat(system.callAsSystem(register::freshness).stale()).isFalse();
            HttpResponse<String> freshAnswer = freshnessOverHttp();
            assertThat(new ObjectMapper()
                            .readTree(freshAnswer.body())
                            .get("stale")
                            .asBoolean())
                    .as(freshAnswer.body())
                    .isFalse();
            assertThat(freshAnswer.headers().firstValue("X-Register-Stale")).hasValue("false");
            assertThat(producer.checkRegisterFreshness()).as("no stale alert").isFalse();

            // a sync after the business date (the demo syncs on real days after it) is fresh as of it
            dsl.update(REGISTER_SYNC_RUN)
                    .set(REGISTER_SYNC_RUN.FINISHED_AT, LocalDateTime.of(2026, 12, 7, 0, 0))
                    .where(REGISTER_SYNC_RUN.ID.eq(runId))
                    .execute();
            assertThat(system.callAsSystem(register::freshness).stale()).isFalse();
        } finally {
            dsl.deleteFrom(REGISTER_SYNC_RUN)
                    .where(REGISTER_SYNC_RUN.ID.eq(runId))
                    .execute();
            successfulRuns.forEach((id, outcome) -> dsl.update(REGISTER_SYNC_RUN)
                    .set(REGISTER_SYNC_RUN.OUTCOME, outcome)
                    .where(REGISTER_SYNC_RUN.ID.eq(id))
                    .execute());
            dsl.deleteFrom(ALERT).where(ALERT.DEDUP_KEY.eq(staleKey)).execute();
        }
    }

    private HttpResponse<String> freshnessOverHttp() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/register/freshness"))
                                .header("Authorization", "Bearer hsm_demo_risk_manager_token_0001")
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private void expiringEvent(Finding f) {
        var e = COMPLIANCE_EVENT;
        dsl.insertInto(e)
                .set(e.OCCURRED_AT, LocalDateTime.now(clock))
                .set(e.EVALUATED_ON, businessDate.today())
                .set(e.SUBJECT, "LINK")
                .set(e.CONTRACT_ID, f.contractId())
                .set(e.SUPPLIER_ID, f.supplierId())
                .set(e.OLD_STATUS, ComplianceStatus.EXPIRING)
                .set(e.NEW_STATUS, ComplianceStatus.EXPIRING)
                .set(e.OLD_WARNING_DAYS, f.verdict().warningDays())
                .set(e.NEW_WARNING_DAYS, 7)
                .set(e.REQUIRED_LEVEL, f.verdict().required())
                .set(e.HELD_LEVEL, f.verdict().heldLevel())
                .set(e.VALID_UNTIL, f.verdict().validUntil())
                .set(e.REASON_CODE, Reason.EXPIRING.name())
                .execute();
    }

    private static long daysLeftIn(String text) {
        Matcher matcher = DAYS_LEFT.matcher(text);
        assertThat(matcher.find()).as("days left in: %s", text).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String text(MimeMessage mail) {
        try {
            return AlertPipelineTest.part(mail, "text/plain");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
