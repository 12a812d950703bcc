package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.hoshimi.alert.ExpiredLinkEvents;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "phone and tablet": a risk manager on a 768 × 1024 tablet (iPad portrait). Every main screen fits
 * the width (the document never scrolls sideways), logout stays in reach, and the lists show each row's key
 * and status on the screen. Screenshots: target/screenshots/tablet-*.png.
 */
class TabletLayoutBrowserTest extends SmallScreenBrowserTest {

    static final int WIDTH = 768;
    static final int HEIGHT = 1024;

    static void assertOnScreen(Locator locator) {
        assertWithinWidth(locator, WIDTH);
    }

    /** The document is no wider than the window, logout is on the screen; then a screenshot. */
    void assertFitsTheTablet(Page page, String screenshot) {
        assertOnScreen(page.locator("#logout"));
        assertOnScreen(page.locator("#register-freshness-header"));
        Object fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        assertThat((Boolean) fits).as("no horizontal overflow on " + page.url()).isTrue();
        assertThat((Boolean) page.evaluate(FITS_THE_WIDTH))
                .as("no sideways scrolling of the view on " + page.url())
                .isTrue();
        screenshot(page, screenshot);
    }

    /** The first row's cell that holds a status badge is wholly on the screen. */
    static void assertStatusInReach(Page page, String grid) {
        assertOnScreen(page.locator(grid + " vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHas(page.locator(".compliance-badge")))
                .first());
    }

    @Test
    void every_main_screen_fits_a_768_px_tablet_with_logout_and_each_rows_key_and_status_in_reach() {
        Page page = newPage("ja-JP", WIDTH, HEIGHT);
        signIn(page, "risk", DEMO_PASSWORD);
        assertThat(page.locator("#kpis")).isVisible();
        assertThat(page.locator("#riskiest .risk-table")).isVisible();
        assertFitsTheTablet(page, "tablet-01-dashboard.png");

        page.navigate(url("check"));
        page.locator("#check-supplier input").fill("碧海精密");
        page.locator("vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(PRESS))
                .first()
                .click();
        assertThat(page.locator("#check-verdict")).isVisible();
        assertOnScreen(page.locator("#check-supplier"));
        assertFitsTheTablet(page, "tablet-02-check.png");

        page.locator("#check-answer a[href^='suppliers/']").click();
        assertThat(page.locator(".view-toolbar h2")).hasText(PRESS);
        assertThat(page.locator("#evaluation-summary")).isVisible();
        assertFitsTheTablet(page, "tablet-03-supplier.png");

        page.navigate(url("suppliers"));
        assertOnScreen(page.locator("#supplier-grid vaadin-grid-cell-content .name-cell")
                .first());
        assertStatusInReach(page, "#supplier-grid");
        assertFitsTheTablet(page, "tablet-04-suppliers.png");

        page.navigate(url("contracts"));
        Locator number = page.locator("#contract-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^HMC-\\d{4}-\\d{4}$")))
                .first();
        assertOnScreen(number);
        assertStatusInReach(page, "#contract-grid");
        assertFitsTheTablet(page, "tablet-05-contracts.png");

        page.navigate(url("contracts"));
        page.locator("#contract-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("HMC-2026-0001"))
                .first()
                .click();
        assertThat(page.locator(".view-toolbar h2")).containsText("HMC-2026-0001");
        assertFitsTheTablet(page, "tablet-06-contract.png");

        // a supplier event in two contracts that require different levels: one alert, each contract with its
        // own required level and status
        ExpiredLinkEvents.expireTogether(dsl, dispatcher, system, "HMC-2026-0001", "STAR4", "HMC-2026-0013", "STAR3");
        page.navigate(url("alerts"));
        Locator alertTitle = page.locator("#alert-notifications vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("HMC-2026-0001 ほか"))
                .first();
        assertOnScreen(alertTitle);
        alertTitle.click();
        Locator details = page.locator(".alert-details").first();
        assertThat(details).containsText("HMC-2026-0001 ダイカスト部品供給契約（要求 ★4 Standard・期限間近 → 失効）");
        assertThat(details).containsText("（要求 ★3 Basic・適合 → 失効）");
        assertThat(details).not().containsText("要求レベル");
        assertFitsTheTablet(page, "tablet-07-alerts.png");
    }
}
