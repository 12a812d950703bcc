package jp.hoshimi.alert;

import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.security.SystemAuthentication;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ui.MessageBundle;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One business date, one count of days (issue 13): with the demo's fixed business date (2026-12-01) and
 * the real clock weeks later, a renewal's days left read the same on the screen and in the mail (a real
 * SMTP server, GreenMail), both counted from the business date.
 */
@SpringBootTest(
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

    private void expiringEvent(Finding f) {
        var e = COMPLIANCE_EVENT;
        dsl.insertInto(e)
                .set(e.OCCURRED_AT, LocalDateTime.now(clock))
                .set(e.EVALUATED_ON, businessDate.today())
                .set(e.SUBJECT, "LINK")
                .set(e.CONTRACT_ID, f.contractId())
                .set(e.SUPPLIER_ID, f.supplierId())
                .set(e.OLD_STATUS, "EXPIRING")
                .set(e.NEW_STATUS, "EXPIRING")
                .set(e.OLD_WARNING_DAYS, f.verdict().warningDays())
                .set(e.NEW_WARNING_DAYS, 7)
                .set(e.REQUIRED_LEVEL, f.verdict().required().name())
                .set(e.HELD_LEVEL, f.verdict().heldLevel().name())
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
