package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * A buyer checks a supplier before placing a ★4 contract, then opens a contract whose chain has a
 * sub-contractor missing from the register and sees which one and why.
 */
class ComplianceJourneyBrowserTest extends BrowserTest {

    @Test
    void a_buyer_checks_a_supplier_and_reads_a_chain() {
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        page.navigate(url("check"));

        page.locator("#check-level").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("★4"))
                .click();
        page.locator("#check-supplier input").fill("S-10008");
        page.locator("vaadin-combo-box-item").first().click();
        assertThat(page.locator("#check-verdict")).containsText("不可");
        assertThat(page.locator("#check-reason")).containsText("★4 が必要です");
        screenshot(page, "compliance-01-check.png");

        page.navigate(url("contracts"));
        page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("HMC-2026-0001"))
                .first()
                .click();
        assertThat(page.locator("#evaluation-summary")).containsText("株式会社ネクストリモート");
        assertThat(page.locator("#evaluation-summary")).containsText("台帳に登録がありません");
        screenshot(page, "compliance-02-contract.png");

        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("再委託"))
                .click();
        assertThat(page.locator("#chain-tree .compliance-badge[data-status='MISSING']"))
                .not()
                .hasCount(0);
        screenshot(page, "compliance-03-chain.png");
    }
}
