package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.hoshimi.db.Tables.CONTRACT;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A risk manager files a contract, answers the decision chart, adds a two-level sub-contractor chain
 * and sees it in the tree.
 */
class ContractJourneyBrowserTest extends BrowserTest {

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeJourneyContract() {
        dsl.deleteFrom(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.eq("BR-2026-0001"))
                .execute();
    }

    private static Locator option(Page page, String overlayItem, String text) {
        return page.locator(overlayItem)
                .filter(new Locator.FilterOptions().setHasText(text))
                .first();
    }

    private static void pickSupplier(Page page, String fieldSelector, String search, String name) {
        page.locator(fieldSelector + " input").fill(search);
        option(page, "vaadin-combo-box-item", name).click();
    }

    private static void answer(Page page, String question, String answer) {
        page.locator(question + " vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText(answer))
                .locator("input")
                .check();
    }

    @Test
    void a_risk_manager_files_a_contract_with_the_decision_chart_and_a_two_level_chain() {
        Page page = newPage("ja-JP");
        signIn(page, "risk", DEMO_PASSWORD);
        page.navigate(url("contracts"));
        page.locator("#contract-create").click();

        page.locator("#contract-number input").fill("BR-2026-0001");
        page.locator("#contract-title input").fill("設備リモート保守委託契約");
        pickSupplier(page, "#contract-supplier", "ﾃﾞｰﾀﾌｫｰﾄ", "株式会社データフォート");
        page.locator("#contract-unit").click();
        option(page, "vaadin-select-item", "星見精工 情報システム部").click();
        answer(page, "#chart-q1", "はい");
        answer(page, "#chart-q2", "いいえ");
        answer(page, "#chart-q3", "はい");
        assertThat(page.locator("#chart-suggestion")).hasText("推奨レベル：★4 Standard");
        screenshot(page, "10-contract-decision-chart.png");
        page.locator("#contract-save").click();

        // the contract page, with the answers kept as the record of why ★4 is required
        assertThat(page.locator(".view-toolbar h2")).containsText("BR-2026-0001");
        assertThat(page.locator("#decision-record")).containsText("推奨レベル：★4 Standard");

        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("再委託先"))
                .click();
        page.locator("#chain-add-first").click();
        pickSupplier(page, "#chain-child", "ｸﾗｳﾄﾞ", "みらいクラウド株式会社");
        page.locator("vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText("機密情報が渡る"))
                .locator("input")
                .check();
        page.locator("#chain-save").click();
        assertThat(page.locator("#chain-tree")).containsText("みらいクラウド株式会社");

        // second level: under the cloud provider
        page.locator("#chain-tree vaadin-grid-cell-content vaadin-button[aria-label='みらいクラウド株式会社 の再委託先を追加']")
                .click();
        pickSupplier(page, "#chain-child", "ｾｷｭｱﾈｯﾄ", "株式会社セキュアネット東海");
        page.locator("#chain-save").click();

        assertThat(page.locator("#chain-tree")).containsText("株式会社セキュアネット東海");
        assertThat(page.locator("#chain-tree")).containsText("第3階層");
        screenshot(page, "11-contract-chain.png");
    }
}
