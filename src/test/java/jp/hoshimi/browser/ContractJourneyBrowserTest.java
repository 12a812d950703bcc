package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.hoshimi.db.Tables.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    void a_risk_manager_files_a_contract_with_the_decision_chart_and_a_two_level_chain() throws IOException {
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
        // the link dialog asks the contract chart's three questions, in its words
        assertThat(page.locator("#chain-q2")).containsText("取引先が停止した場合、自社の事業に許容できない遅延が生じますか？");
        answer(page, "#chain-q1", "はい");
        page.locator("#chain-save").click();
        assertThat(page.locator("#chain-tree")).containsText("みらいクラウド株式会社");

        // second level: under the cloud provider
        page.locator("#chain-tree vaadin-grid-cell-content vaadin-button[aria-label='みらいクラウド株式会社 の再委託先を追加']")
                .click();
        pickSupplier(page, "#chain-child", "ｾｷｭｱﾈｯﾄ", "株式会社セキュアネット東海");
        // issue 22: only "business critical = yes" — the sub-contractor must still meet the contract's ★4;
        // each question is yes / no / not answered, and Q3 stays not answered
        assertThat(page.locator("#chain-q3 vaadin-radio-button")).hasText(new String[] {"はい", "いいえ", "未回答"});
        answer(page, "#chain-q2", "はい");
        answer(page, "#chain-q1", "いいえ");
        screenshot(page, "11-contract-link-dialog.png");
        page.locator("#chain-save").click();

        assertThat(page.locator("#chain-tree")).containsText("株式会社セキュアネット東海");
        assertThat(page.locator("#chain-tree")).containsText("第3階層");
        assertThat(page.locator("#chain-tree .chain-level-reason").last()).hasText("停止すると業務に許容できない遅延が生じるため ★4");
        // the open question is a data-quality hint in the tree, never a "no"
        assertThat(page.locator("#chain-tree .chain-unanswered").last()).hasText("Q3（システム接続）未回答");
        screenshot(page, "12-contract-chain.png");

        // the chain exports with the three answers in words
        Download download =
                page.waitForDownload(() -> page.locator("#chain-export-csv").click());
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(line -> line.contains("株式会社セキュアネット東海")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("いいえ,はい,未回答"));
    }

    @Test
    void an_english_reader_sees_the_unanswered_question_and_filters_for_it() {
        long contractId = dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.eq("HMC-2026-0001"))
                .fetchSingle()
                .value1();
        Page page = newPage("en-US");
        signIn(page, "risk", DEMO_PASSWORD);
        page.navigate(url("contracts/" + contractId));
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("Sub-contractors"))
                .click();
        // the demo's heat-treatment link was never asked about its stoppage: a hint, not a "no"
        assertThat(page.locator("#chain-tree .chain-unanswered").first()).hasText("Q2 (stoppage) not answered");
        assertThat(page.locator("#chain-tree .chain-level-reason").first())
                .hasText(
                        "★4 because its stoppage would cause an unacceptable delay to our business, and its environment"
                                + " can connect into our internal systems");
        screenshot(page, "13-chain-tree-en.png");

        page.locator("#chain-only-unanswered input").check();
        assertThat(page.locator("#chain-tree")).containsText("株式会社キタムラ熱処理");
        // the root (kept as the parent) and the one unanswered link
        assertThat(page.locator("#chain-tree [aria-rowcount]").first()).hasAttribute("aria-rowcount", "2");
        screenshot(page, "14-chain-tree-en-unanswered.png");
    }
}
