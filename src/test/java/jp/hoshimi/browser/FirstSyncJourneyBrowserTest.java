package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 13, point 2: a new installation whose register has never been read. The risk manager's dashboard
 * and lists say that they wait for the first register sync instead of showing statuses; an administrator
 * syncs; the dashboard then shows its figures, and nobody has an alert about a "change" from 未登録.
 * A database of its own, with the dev app's sync at start-up turned off.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hoshimi.dev-db.database=hoshimi_first_sync_journey", "hoshimi.dev.register-sync-at-start=false"})
class FirstSyncJourneyBrowserTest extends BrowserTest {

    @Test
    void screens_wait_for_the_first_sync_and_the_first_sync_alerts_nobody() {
        Page risk = newPage("ja-JP");
        signIn(risk, "risk", DEMO_PASSWORD);
        assertThat(risk.locator("#waiting-for-sync")).containsText("台帳の初回同期を待っています");
        assertThat(risk.locator("#register-freshness-header")).containsText("台帳の初回同期を待っています");
        assertThat(risk.locator("#kpis")).hasCount(0);
        screenshot(risk, "first-sync-01-dashboard-waiting.png");
        risk.navigate(url("contracts"));
        assertThat(risk.locator("#waiting-for-sync")).isVisible();
        assertThat(risk.locator("#contract-grid .compliance-badge")).hasCount(0);
        screenshot(risk, "first-sync-02-contracts-waiting.png");

        Page admin = newPage("ja-JP");
        signIn(admin, "admin", DEMO_PASSWORD);
        admin.navigate(url("register"));
        admin.locator("#register-sync-now").click();
        // the register's very first load is one initial-load event (issue 17), and the notice says so
        assertThat(admin.locator("vaadin-notification-card")
                        .filter(new Locator.FilterOptions().setHasText("初回読み込み"))
                        .first())
                .isVisible();

        risk.navigate(url(""));
        assertThat(risk.locator("#kpis")).isVisible();
        assertThat(risk.locator("#waiting-for-sync")).hasCount(0);
        assertThat(risk.locator("#alert-bell")).hasAttribute("data-unread", "0");
        screenshot(risk, "first-sync-03-dashboard-after-sync.png");
    }
}
