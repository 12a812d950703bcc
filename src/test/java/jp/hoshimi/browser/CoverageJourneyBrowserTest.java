package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a buyer lists the contracts whose registrations end before the contract does, opens one and
 * reads its term against each registration (the timeline, in Japanese), checks a supplier for a planned
 * three-year period, and looks at the renewal outlook.
 */
class CoverageJourneyBrowserTest extends BrowserTest {

    @Test
    void a_buyer_sees_which_contracts_outlast_their_registrations_and_how_many_renewals_they_need() {
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);

        page.navigate(url("contracts?coverageShort=true"));
        assertThat(page.locator("vaadin-checkbox#contract-coverage-short")).hasAttribute("checked", "");
        Locator shortCell = page.locator(".coverage-cell.coverage-short")
                .filter(new Locator.FilterOptions().setHasText("20"))
                .first();
        assertThat(shortCell).isVisible();
        shortCell.scrollIntoViewIfNeeded(); // the grid scrolls sideways to its last column
        screenshot(page, "coverage-01-list-filter.png");

        shortCell.click();
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("契約期間と登録"))
                .click();
        assertThat(page.locator("#contract-coverage svg.coverage-timeline")).isVisible();
        assertThat(page.locator("#coverage-renewals")).containsText("回必要です");
        assertThat(page.locator("#coverage-text")).containsText("次）");
        screenshot(page, "coverage-02-contract-timeline.png");

        page.navigate(url("check"));
        page.locator("#check-supplier input").fill("S-10008");
        page.locator("vaadin-combo-box-item").first().click();
        page.locator("#check-period-start input").fill("2026/04/01");
        page.locator("#check-period-start input").press("Enter");
        page.locator("#check-period-end input").fill("2029/03/31");
        page.locator("#check-period-end input").press("Enter");
        assertThat(page.locator("#check-period")).containsText("契約は 2029-03-31 まで続くため、更新が 2 回必要です");
        screenshot(page, "coverage-03-check-period.png");

        page.navigate(url("renewals"));
        assertThat(page.locator("#renewal-months")).isVisible();
        assertThat(page.locator("#renewal-dependencies")).isVisible();
        screenshot(page, "coverage-04-renewal-outlook.png");
    }
}
