package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A risk manager opens the dashboard over the evaluated demo data, follows the expired count to the
 * filtered contract list, exports it, and goes on to the supplier behind an expired contract; then lists
 * the contracts that have ended (issue 13).
 */
class DashboardJourneyBrowserTest extends BrowserTest {

    @Test
    void from_the_expired_count_to_the_filtered_list_and_the_supplier_with_its_reasons() throws Exception {
        Page page = newPage("ja-JP");
        // tall enough for the whole dashboard in one screenshot (the layout scrolls inside, not the page)
        page.setViewportSize(1400, 2300);
        signIn(page, "risk", DEMO_PASSWORD);
        assertThat(page.locator("#kpis")).isVisible();
        assertThat(page.locator("#heat-map .heat-table")).isVisible();
        assertThat(page.locator("#expiry-timeline svg")).isVisible();
        String expired = page.locator("#kpi-expired .kpi-value").innerText();
        assertThat(Integer.parseInt(expired)).isPositive();
        // the heat map's rows line up with its header: every unit in the first column, every total under 合計
        // (its grid once had a column too few for the statuses, shifting each row one cell further)
        double unitColumn = page.locator(".heat-table > .table-header").first().boundingBox().x;
        double totalColumn = page.locator(".heat-table > .table-header").last().boundingBox().x;
        assertThat(page.locator(".heat-table > .table-header").last()).hasText("合計");
        assertThat(page.locator(".heat-table > .heat-unit")
                        .evaluateAll("cells => cells.map(c => Math.round(c.getBoundingClientRect().x))"))
                .asList()
                .isNotEmpty()
                .allSatisfy(x -> assertThat(((Number) x).doubleValue())
                        .isCloseTo(unitColumn, org.assertj.core.data.Offset.offset(1.0)));
        assertThat(page.locator(".heat-table > .heat-total")
                        .evaluateAll("cells => cells.map(c => Math.round(c.getBoundingClientRect().x))"))
                .asList()
                .hasSize(page.locator(".heat-table > .heat-unit").count())
                .allSatisfy(x -> assertThat(((Number) x).doubleValue())
                        .isCloseTo(totalColumn, org.assertj.core.data.Offset.offset(1.0)));
        screenshot(page, "dashboard-01.png");

        page.setViewportSize(1400, 900);
        page.locator("#kpi-expired").click();
        assertThat(page).hasURL(Pattern.compile(".*/contracts\\?status=EXPIRED$"));
        assertThat(page.locator("#contract-count")).hasText(expired + " 件");
        assertThat(page.locator("#contract-grid .compliance-badge[data-status='EXPIRED']"))
                .hasCount(Integer.parseInt(expired));
        screenshot(page, "dashboard-02-expired-contracts.png");

        Download download =
                page.waitForDownload(() -> page.locator("#contract-export-csv").click());
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(download.suggestedFilename()).startsWith("contracts-").endsWith(".csv");
        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1 + Integer.parseInt(expired));
        assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).contains("失効"));

        page.locator("#contract-grid vaadin-grid-cell-content .compliance-badge[data-status='EXPIRED']")
                .first()
                .click();
        assertThat(page.locator("#evaluation-summary")).containsText("まででした（期限切れ）");
        // the evaluation names the chain supplier whose registration expired; its page says why
        page.locator("#evaluation-summary a[href^='suppliers/']").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/suppliers/\\d+$"));
        assertThat(page.locator(".compliance-badge[data-status='EXPIRED']").first())
                .isVisible();
        assertThat(page.locator("#evaluation-summary")).containsText("まででした（期限切れ）");
        screenshot(page, "dashboard-03-supplier.png");

        // contracts past their end date are ended: marked, listed by their filter, never a status badge
        page.navigate(url("contracts?ended=true"));
        assertThat(page.locator("#contract-ended-only input")).isChecked();
        assertThat(page.locator("#contract-grid .contract-ended").first()).hasText("終了");
        assertThat(page.locator("#contract-grid .compliance-badge")).hasCount(0);
        screenshot(page, "dashboard-04-ended-contracts.png");
        page.locator("#contract-ended-only").click();
        assertThat(page).hasURL(Pattern.compile(".*/contracts$"));
        assertThat(page.locator("#contract-grid .compliance-badge").first()).isVisible();
    }
}
