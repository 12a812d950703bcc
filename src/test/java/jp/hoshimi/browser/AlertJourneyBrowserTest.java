package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import jp.hoshimi.register.source.LocalRegisterServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A buyer has read all their alerts; the register then says that the ★4 press supplier's registration
 * ended; an administrator syncs; the buyer's bell rings and the notification centre says what expired.
 * The administrator sends the due mails and sees the buyer's mail on the dev sent-mail screen. The app
 * polls its own copy of the demo register (a local register server over a file this test edits), in a
 * database of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hoshimi.dev-db.database=hoshimi_alert_journey")
class AlertJourneyBrowserTest extends BrowserTest {

    static final Path FEED = Path.of("target/tmp/alert-journey/register-star.csv");
    static final String PRESS_BEFORE = "4180094482246,碧海精密プレス工業株式会社,STAR4,2025-04-01,2028-03-31";
    static final String PRESS_AFTER = "4180094482246,碧海精密プレス工業株式会社,STAR4,2025-04-01,2026-11-15";
    static LocalRegisterServer register;

    @DynamicPropertySource
    static void ownRegister(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(FEED.getParent());
        Files.copy(Path.of("sample-data/register-star.csv"), FEED, StandardCopyOption.REPLACE_EXISTING);
        register = LocalRegisterServer.start(FEED);
        registry.add(
                "hoshimi.register.star.url",
                () -> register.url(FEED.getFileName().toString()).toString());
    }

    @AfterAll
    static void stopRegister() {
        if (register != null) {
            register.close();
        }
    }

    /** Signs in and waits until the app shows the signed-in frame, so the next navigation is authenticated. */
    void signedIn(Page page, String user) {
        signIn(page, user, DEMO_PASSWORD);
        assertThat(page.locator("#current-user")).isVisible();
    }

    static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    @Test
    void the_bell_shows_new_alerts_after_a_sync_expires_a_registration() throws IOException {
        Page buyer = newPage("ja-JP");
        signedIn(buyer, "procurement");
        buyer.navigate(url("alerts"));
        // the first sync at start-up was the baseline: no alert says a supplier "was not registered"
        assertThat(buyer.locator("#alert-bell")).hasAttribute("data-unread", "0");
        buyer.locator("#alert-mark-all-read").click();
        assertThat(buyer.locator("#alert-bell")).hasAttribute("data-unread", "0");

        String feed = Files.readString(FEED);
        org.assertj.core.api.Assertions.assertThat(feed).contains(PRESS_BEFORE);
        Files.writeString(FEED, feed.replace(PRESS_BEFORE, PRESS_AFTER));

        Page admin = newPage("ja-JP");
        signedIn(admin, "admin");
        admin.navigate(url("register"));
        admin.locator("#register-sync-now").click();
        assertThat(admin.locator("vaadin-notification-card").filter(text("反映済み")))
                .hasCount(1);

        buyer.navigate(url("contracts"));
        assertThat(buyer.locator("#alert-bell")).not().hasAttribute("data-unread", "0");
        assertThat(buyer.locator("#alert-bell-count")).isVisible();
        screenshot(buyer, "alerts-01-bell.png");

        buyer.locator("#alert-bell").click();
        // one alert for the supplier, listing both of the buyer's contracts with it (not one per contract)
        Locator expired =
                buyer.locator("#alert-notifications vaadin-grid-cell-content").filter(text("失効: 碧海精密プレス工業株式会社"));
        assertThat(expired).hasCount(1);
        assertThat(expired).containsText("（契約 HMC-2026-0001 ほか");
        expired.click();
        assertThat(buyer.locator(".alert-details")).containsText("2026-11-15");
        assertThat(buyer.locator(".alert-details .alert-contracts")).containsText("HMC-2026-0001");
        assertThat(buyer.locator(".alert-details .alert-contracts")).containsText("HMC-2026-0007");
        screenshot(buyer, "alerts-02-notification-centre.png");

        buyer.locator("vaadin-tab").filter(text("通知設定")).click();
        assertThat(buyer.locator("#alert-mail-mode")).containsText("開発用ビルド");
        screenshot(buyer, "alerts-03-preferences.png");

        admin.navigate(url("alerts"));
        admin.locator("vaadin-tab").filter(text("送信状況")).click();
        admin.locator("#alert-dispatch-now").click();
        assertThat(admin.locator("#alert-deliveries vaadin-grid-cell-content").filter(text("失効: 碧海精密プレス工業株式会社")))
                .not()
                .hasCount(0);
        screenshot(admin, "alerts-04-deliveries.png");

        admin.navigate(url("dev/mail"));
        assertThat(admin.locator("#dev-mail vaadin-grid-cell-content").filter(text("procurement@example.jp")))
                .not()
                .hasCount(0);
        screenshot(admin, "alerts-05-dev-mail.png");
    }
}
