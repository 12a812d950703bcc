package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.hoshimi.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: the contract list keeps its search text and filters in the URL, as the supplier list does, so a
 * reload or a bookmark shows the same list. Screenshots: target/screenshots/contract13-*.png.
 */
class ContractSearchUrlJourneyBrowserTest extends BrowserTest {

    static final String SEARCH = "供給契約";

    @Autowired
    DSLContext dsl;

    @Test
    void the_search_text_and_filters_are_kept_in_the_url_and_survive_a_reload() {
        Page page = newPage("ja-JP");
        signIn(page, "risk", DEMO_PASSWORD);
        page.navigate(url("contracts"));
        String all = page.locator("#contract-count").innerText();

        page.locator("#contract-search input").fill(SEARCH);
        page.waitForURL(u -> decoded(u).contains("contracts?q=" + SEARCH));
        assertThat(page.locator("#contract-count")).not().hasText(all);
        String searched = page.locator("#contract-count").innerText();
        screenshot(page, "contract13-01-search-in-url.png");

        page.reload();
        assertThat(page.locator("#contract-search input")).hasValue(SEARCH);
        assertThat(page.locator("#contract-count")).hasText(searched);
        assertThat(decoded(page.url())).endsWith("contracts?q=" + SEARCH);

        // a bookmark with the text, a level and an owner opens the list so filtered
        var owner = dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq("procurement"))
                .fetchSingle();
        String bookmark = "contracts?q=" + SEARCH + "&level=STAR4&owner=" + owner.value1();
        page.navigate(url(bookmark));
        assertThat(page.locator("#contract-search input")).hasValue(SEARCH);
        assertThat(page.locator("#contract-owner input")).hasValue(owner.value2());
        assertThat(page.locator("#contract-level-filter")).containsText("★4 Standard");
        assertThat(page.locator("#contract-count")).not().hasText(searched);
        String filtered = page.locator("#contract-count").innerText();
        assertThat(page.locator("#contract-grid")).containsText("HMC-2026-0001");
        assertThat(page.locator("#contract-grid")).not().containsText("HMC-2026-0002");

        page.reload();
        assertThat(page.locator("#contract-count")).hasText(filtered);
        assertThat(page.locator("#contract-owner input")).hasValue(owner.value2());
        assertThat(decoded(page.url()))
                .contains("q=" + SEARCH)
                .contains("level=STAR4")
                .contains("owner=" + owner.value1());
        screenshot(page, "contract13-02-filters-after-reload.png");
    }

    static String decoded(String url) {
        return URLDecoder.decode(url, StandardCharsets.UTF_8);
    }
}
