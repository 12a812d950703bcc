package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.alert.AlertDispatcher;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19, from flag to fix: procurement asks a supplier that is not registered for the level, from the
 * supplier's failing finding; the letter arrives over SMTP (GreenMail) with its link; the supplier opens it
 * without an account on a 390 px phone and answers in Japanese; the buyer sees the answer; a register sync
 * that shows the supplier closes the request by itself and the finding turns OK.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hoshimi.dev-db.database=hoshimi_request_journey", "hoshimi.alert.dispatch-interval=0"})
class RequestJourneyBrowserTest extends BrowserTest {

    static final Path FEED = Path.of("target/tmp/request-journey/register-star.csv");
    static final int SMTP_PORT = freePort();
    static LocalRegisterServer register;
    static GreenMail smtp;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(FEED.getParent());
        Files.copy(Path.of("sample-data/register-star.csv"), FEED, StandardCopyOption.REPLACE_EXISTING);
        register = LocalRegisterServer.start(FEED);
        registry.add(
                "hoshimi.register.star.url",
                () -> register.url(FEED.getFileName().toString()).toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        register.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    RegisterSyncService registerSync;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    /** A supplier of 購買部 that the register does not know, and its 法人番号. */
    Record2<Long, String> notRegistered() {
        return dsl.selectDistinct(SUPPLIER.ID, SUPPLIER.CORPORATE_NUMBER)
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(COMPLIANCE_FINDING.SUPPLIER_ID))
                .where(COMPLIANCE_FINDING.STATUS.eq(ComplianceStatus.MISSING))
                .and(ORG_UNIT.CODE.like("HMC-%"))
                .and(SUPPLIER.CORPORATE_NUMBER.isNotNull())
                .orderBy(SUPPLIER.ID)
                .limit(1)
                .fetchSingle();
    }

    static String text(MimeMessage mail, String type) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        return find(parts, type);
    }

    static String find(Multipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                String found = find(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
        }
        return null;
    }

    @Test
    void a_risk_manager_edits_a_letter_template_with_a_preview_and_resets_it() {
        Page risk = newPage("ja-JP");
        signIn(risk, "risk", DEMO_PASSWORD);
        risk.navigate(url("settings"));
        risk.locator("#settings-request-templates").click();
        assertThat(risk.locator("#template-preview")).containsText("株式会社サンプル部品");
        assertThat(risk.locator("#template-origin")).containsText("既定の文面");
        var body = risk.locator("#template-body textarea");
        body.fill(body.inputValue().replace("{dueDate}", "{期限}"));
        body.press("Tab");
        assertThat(risk.locator("#template-body")).containsText("不明なプレースホルダーです：{期限}");
        assertThat(risk.locator("#template-preview-problem")).isVisible();
        screenshot(risk, "requests-09-template-unknown-placeholder.png");

        body.fill(body.inputValue().replace("{期限}", "{dueDate}").replace("幸いです。", "幸いです。ご多忙のところ恐縮です。"));
        body.press("Tab");
        assertThat(risk.locator("#template-preview")).containsText("ご多忙のところ恐縮です。");
        risk.locator("#template-save").click();
        assertThat(risk.locator("#template-origin")).containsText("リスク 太郎");
        screenshot(risk, "requests-10-template-editor.png");

        risk.locator("#template-reset").click();
        risk.locator(
                        "vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], #template-reset-confirm vaadin-button[slot='confirm-button']")
                .first()
                .click();
        assertThat(risk.locator("#template-origin")).containsText("既定の文面");
        assertThat(risk.locator("#template-preview")).not().containsText("ご多忙のところ恐縮です。");
    }

    @Test
    void procurement_asks_the_supplier_answers_by_phone_and_the_register_closes_the_request() throws Exception {
        Record2<Long, String> supplier = notRegistered();
        Page buyer = newPage("ja-JP");
        signIn(buyer, "procurement", DEMO_PASSWORD);
        assertThat(buyer.locator("#current-user")).isVisible();
        buyer.navigate(url("suppliers/" + supplier.value1()));
        buyer.locator("vaadin-tab").filter(text("適合状況")).first().click();
        buyer.locator(".finding-ask").first().click();
        assertThat(buyer.locator("#request-dialog vaadin-text-area, vaadin-dialog-overlay #request-message"))
                .not()
                .hasCount(0);
        buyer.locator("#request-contact-email input").fill("tanaka@supplier-journey.test");
        screenshot(buyer, "requests-01-dialog.png");
        buyer.locator("#request-send").click();
        assertThat(buyer.locator("#request-facts")).containsText("送付済み");
        screenshot(buyer, "requests-02-sent.png");

        dispatcher.dispatch();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        String plain = text(mail, "text/plain");
        Matcher link = Pattern.compile("(http://localhost:\\d+/reply/[A-Za-z0-9_-]{43})")
                .matcher(plain);
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        org.assertj.core.api.Assertions.assertThat(plain).contains("ご担当者様").contains("SECURITY ACTION");
        // the rendered mail reads as a fair buyer's business letter: 敬語, the reason and date, help, no threat
        org.assertj.core.api.Assertions.assertThat(plain)
                .contains("平素より大変お世話になっております。")
                .contains("お知らせいただけますと幸いです。")
                .contains("IPA")
                .contains("ご一緒に進め方を検討させていただきます。")
                .contains("何卒よろしくお願い申し上げます。")
                .containsPattern("何卒よろしくお願い申し上げます。\\R+\\s*調達 花子") // signed by the sender
                .doesNotContain("{")
                .doesNotContain("取引停止")
                .doesNotContain("取引を停止");

        Page phone = newPage("ja-JP", 390, 844);
        phone.setContent(text(mail, "text/html"));
        screenshot(phone, "requests-03-mail-390.png");

        phone.navigate(link.group(1));
        assertThat(phone.locator("#reply-intro")).containsText("ご登録をお願いしております");
        screenshot(phone, "requests-04-answer-page-390.png");
        org.assertj.core.api.Assertions.assertThat(
                        (Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("nothing scrolls sideways at 390 px")
                .isTrue();
        phone.locator("#reply-kind vaadin-radio-button").filter(text("取得予定")).click();
        phone.locator("#reply-planned-level input").fill("★3");
        phone.locator("#reply-planned-level input").press("Enter");
        phone.locator("#reply-planned-date input").fill("2027/3/31");
        phone.locator("#reply-planned-date input").press("Enter");
        phone.locator("#reply-comment textarea").fill("来年3月までに★3を登録する予定です。");
        phone.locator("#reply-send").click();
        assertThat(phone.locator("#reply-thanks")).isVisible();
        assertThat(phone.locator("#reply-thanks")).containsText("ご回答を送信しました");
        assertThat(phone.locator("#reply-summary")).containsText("取得予定");
        assertThat(phone.locator("#reply-summary")).containsText("★3");
        assertThat(phone.locator("#reply-summary")).containsText("2027-03-31");
        assertThat(phone.locator("#reply-summary")).containsText("来年3月までに★3を登録する予定です。");
        assertThat(phone.locator("#reply-form")).hasCount(0); // no form left holding the values
        screenshot(phone, "requests-05-answered-390.png");

        Page unknown = newPage("ja-JP", 390, 844);
        unknown.navigate(url("reply/" + "A".repeat(43)));
        assertThat(unknown.locator("#reply-neutral")).isVisible();
        assertThat(unknown.locator("#reply-form")).hasCount(0);

        buyer.reload();
        assertThat(buyer.locator("#request-facts")).containsText("回答あり");
        assertThat(buyer.locator("#request-answers")).containsText("来年3月までに");
        assertThat(buyer.locator("#request-timeline")).containsText("取引先から回答がありました：取得予定。");
        assertThat(buyer.locator("#request-timeline")).containsText("調達 花子 (Procurement)");
        assertThat(buyer.locator("#request-timeline")).not().containsText("PLANNED");
        assertThat(buyer.locator("#request-facts")).containsText("調達 花子 (Procurement)");
        screenshot(buyer, "requests-06-owner-sees-answer.png");

        Files.writeString(
                FEED,
                supplier.value2() + ",登録テスト株式会社,STAR4,2026-11-01,2029-10-31,ACTIVE,全社,\n",
                StandardOpenOption.APPEND);
        SyncRun run = system.callAsSystem(() -> registerSync.sync(RegisterKind.STAR, SyncRun.Trigger.MANUAL));
        org.assertj.core.api.Assertions.assertThat(run.outcome().name()).isEqualTo("SUCCEEDED");
        buyer.reload();
        assertThat(buyer.locator("#request-facts")).containsText("完了");
        assertThat(buyer.locator("#request-timeline")).containsText("台帳で依頼した水準の登録が確認されたため");
        buyer.locator("#request-timeline").scrollIntoViewIfNeeded();
        buyer.locator("#request-timeline")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of("target/screenshots/requests-08-timeline.png")));
        screenshot(buyer, "requests-07-closed-by-register.png");
        phone.navigate(link.group(1));
        assertThat(phone.locator("#reply-neutral")).isVisible();
        buyer.navigate(url("suppliers/" + supplier.value1()));
        assertThat(buyer.locator("#supplier-own-status")).containsText("適合");
    }
}
