package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * At 1440 px the names have the room: the contract list's titles and suppliers and the chain tree's
 * suppliers are whole (full text on hover as well), and the register search shows its whole placeholder.
 * Screenshots: target/screenshots/desktop-*.png.
 */
class FullNamesBrowserTest extends BrowserTest {

    Page desktop(String locale) {
        Page page = newPage(locale, 1440, 900);
        signIn(page, "risk", DEMO_PASSWORD);
        assertThat(page.locator("#kpis")).isVisible();
        return page;
    }

    /** The texts of the matching elements that are cut (wider than their box). */
    static List<?> cut(Locator texts) {
        return (List<?>) texts.evaluateAll(
                "els => els.filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)");
    }

    @Test
    void names_in_the_contract_list_and_the_chain_tree_are_whole_at_1440_px() {
        Page page = desktop("ja-JP");
        page.navigate(url("contracts"));
        Locator cells = page.locator("#contract-grid vaadin-grid-cell-content");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("碧海精密プレス工業株式会社"))
                        .first())
                .isVisible();
        assertThat(page.locator("#contract-grid")).hasAttribute("data-narrow", "false");
        assertThat(cut(cells)).as("cut cells in the contract list").isEmpty();
        screenshot(page, "desktop-contract-list.png");

        cells.filter(new Locator.FilterOptions().setHasText("HMC-2026-0001")).click();
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("再委託先"))
                .click();
        Locator names = page.locator("#chain-tree vaadin-grid-cell-content .chain-name");
        assertThat(names.filter(new Locator.FilterOptions().setHasText("株式会社ネクストリモート")))
                .isVisible();
        // the name sits in the tree's toggle, whose slot cuts it with an ellipsis when it has no room
        List<?> cutNames = (List<?>) page.locator("#chain-tree vaadin-grid-tree-toggle")
                .evaluateAll("ts => ts.map(t => t.shadowRoot.querySelector('slot'))"
                        + ".filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.textContent)");
        assertThat(cutNames).as("cut names in the chain tree").isEmpty();
        assertThat(cut(page.locator("#chain-tree vaadin-grid-cell-content")))
                .as("cut cells in the chain tree")
                .isEmpty();
        screenshot(page, "desktop-chain-tree.png");
    }

    @Test
    void the_register_search_shows_its_whole_placeholder_in_english() {
        Page page = desktop("en-US");
        page.navigate(url("register"));
        Locator input = page.locator("#register-search input");
        assertThat(input).hasAttribute("placeholder", "Corporate number or name");
        boolean fits = (Boolean) input.evaluate("""
                i => { const c = document.createElement('canvas').getContext('2d');
                       const s = getComputedStyle(i);
                       c.font = s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
                       return c.measureText(i.placeholder).width <= i.clientWidth; }""");
        assertThat(fits).as("placeholder fits its field").isTrue();
        screenshot(page, "desktop-register-search.png");
    }
}
