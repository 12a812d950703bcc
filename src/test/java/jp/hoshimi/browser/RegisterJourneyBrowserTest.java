package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * An administrator opens the register (synced from the local demo register server at start-up), finds
 * a supplier, sees its history start with the register's initial load, syncs now and sees the 304 run in the
 * list beside the initial-load run; every header says how current the register is.
 */
class RegisterJourneyBrowserTest extends BrowserTest {

    @Test
    void an_administrator_searches_the_register_and_syncs_now() {
        Page page = newPage("ja-JP");
        signIn(page, "admin", DEMO_PASSWORD);
        page.navigate(url("register"));

        assertThat(page.locator("#register-freshness-header")).containsText("台帳");
        assertThat(page.locator("#register-freshness-header")).hasAttribute("data-stale", "false");
        page.locator("#register-search input").fill("4120041270230");
        assertThat(page.locator("#register-entries vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("4120041270230")))
                .hasCount(1);
        screenshot(page, "register-01-search.png");

        // issue 17: the start-up sync was the register's first load: the entry's history starts with it
        page.locator("#register-entries vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("4120041270230"))
                .first()
                .click();
        assertThat(page.locator("vaadin-dialog-overlay")).containsText("台帳の初回読み込みで登録を確認");
        screenshot(page, "register-01b-entry-history-initial-load.png");
        page.keyboard().press("Escape");

        page.locator("#register-sync-now").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("変更なし")))
                .hasCount(1);
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("同期の記録"))
                .click();
        assertThat(page.locator("#register-runs vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("手動")))
                .not()
                .hasCount(0);
        // the first load is one event on its run, not a "new" change per entry
        assertThat(page.locator("#register-runs vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("初回読み込み")))
                .not()
                .hasCount(0);
        screenshot(page, "register-02-runs.png");
    }
}
