package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, points 1 and 5: 碧海精密プレス工業 holds a valid ★4, so its page, its list row and its export say
 * 適合, while the contract whose tier-2 sub-contractor is not registered shows apart, with that cause. The
 * header shows the business date the judgements are made as of, and when the register was last synced.
 */
class SupplierOwnStatusJourneyBrowserTest extends BrowserTest {

    static final String NAME = "碧海精密プレス工業株式会社";

    @Test
    void a_supplier_s_headline_is_its_own_standing_and_failing_contracts_show_apart() throws Exception {
        Page page = newPage("ja-JP");
        page.setViewportSize(1400, 1400);
        signIn(page, "risk", DEMO_PASSWORD);
        page.navigate(url("suppliers"));
        page.locator("#supplier-search input").fill("碧海精密プレス");
        Locator row = page.locator("#supplier-grid vaadin-grid-cell-content");
        assertThat(row.filter(new Locator.FilterOptions().setHasText("2028-03-31")))
                .hasCount(1);
        assertThat(page.locator("#supplier-count")).hasText("1 件");
        // the grid keeps the cells of rows it no longer shows, hidden: only the visible one counts
        Locator badge = row.locator(".compliance-badge").filter(new Locator.FilterOptions().setVisible(true));
        assertThat(badge).hasCount(1);
        assertThat(badge).hasAttribute("data-status", "OK");
        assertThat(row.filter(new Locator.FilterOptions().setHasText("★4")))
                .not()
                .hasCount(0);
        screenshot(page, "ownstatus-01-list-row.png");

        Download download =
                page.waitForDownload(() -> page.locator("#supplier-export-csv").click());
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(line -> line.startsWith(NAME)))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("適合").contains("2028-03-31"));

        row.filter(new Locator.FilterOptions().setHasText(NAME)).first().click();
        assertThat(page.locator("#evaluation-summary .compliance-badge").first())
                .hasAttribute("data-status", "OK");
        assertThat(page.locator("#supplier-own-standing")).containsText("2028-03-31");
        assertThat(page.locator("#supplier-own-standing")).containsText(NAME);
        assertThat(page.locator("#supplier-failing-contracts")).containsText("この取引先が含まれる契約で不適合のもの");
        assertThat(page.locator("#supplier-failing-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("HMC-2026-0001")))
                .hasCount(1);
        assertThat(page.locator("#supplier-failing-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("2次委託先 株式会社ネクストリモート: 未登録")))
                .not()
                .hasCount(0);
        // one business date: the header's and the judgement's
        assertThat(page.locator("#header-business-date")).hasText("判定日 2026-12-01");
        assertThat(page.locator("#header-register-sync")).containsText("台帳の最終同期");
        screenshot(page, "ownstatus-02-supplier-page.png");

        page.navigate(url("check"));
        page.locator("#check-level").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("★4"))
                .click();
        page.locator("#check-supplier input").fill("S-10001");
        page.locator("vaadin-combo-box-item").first().click();
        assertThat(page.locator("#check-verdict")).hasText(java.util.regex.Pattern.compile("^可："));
        assertThat(page.locator("#check-answer .compliance-badge")).hasAttribute("data-status", "OK");
        assertThat(page.locator("#check-answer")).containsText("2026-12-01 時点の判定");
        assertThat(page.locator("#header-business-date")).containsText("2026-12-01");
        screenshot(page, "ownstatus-03-check-and-header.png");
    }
}
