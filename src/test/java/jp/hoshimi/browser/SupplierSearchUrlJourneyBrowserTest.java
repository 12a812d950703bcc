package jp.hoshimi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 13: the supplier search is kept in the URL, so a reload or a bookmark shows the same list. */
class SupplierSearchUrlJourneyBrowserTest extends BrowserTest {

    @Test
    void a_search_is_kept_in_the_url_and_survives_a_reload() {
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        page.navigate(url("suppliers"));
        page.locator("#supplier-count").getByText("60 件").waitFor();

        page.locator("#supplier-search input").fill("ミナト");
        page.locator("#supplier-count").getByText("1 件").waitFor();
        page.waitForURL(u -> URLDecoder.decode(u, StandardCharsets.UTF_8).contains("suppliers?q=ミナト"));
        screenshot(page, "supplier13-01-search-in-url.png");

        page.reload();
        page.locator("#supplier-count").getByText("1 件").waitFor();

        assertThat(URLDecoder.decode(page.url(), StandardCharsets.UTF_8)).endsWith("suppliers?q=ミナト");
        assertThat(page.locator("#supplier-search input").inputValue()).isEqualTo("ミナト");
        assertThat(page.locator("#supplier-grid").textContent()).contains("株式会社ミナト電装");
        screenshot(page, "supplier13-02-search-after-reload.png");
    }
}
