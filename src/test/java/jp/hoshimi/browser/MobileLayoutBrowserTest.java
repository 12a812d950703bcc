package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A risk manager on a 390 × 844 phone: every main screen fits the width (no sideways scrolling of the
 * page or of the frame the views scroll in), logout stays on the screen, and the lists show each row's
 * key and status. Screenshots: target/screenshots/mobile-*.png.
 */
class MobileLayoutBrowserTest extends SmallScreenBrowserTest {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    Page phone() {
        Page page = newPage("ja-JP", WIDTH, HEIGHT);
        signIn(page, "risk", DEMO_PASSWORD);
        assertThat(page.locator("#kpis")).isVisible();
        return page;
    }

    static void assertOnScreen(Locator locator) {
        assertWithinWidth(locator, WIDTH);
        BoundingBox box = locator.boundingBox();
        assertThat(box.y).as("top edge").isGreaterThanOrEqualTo(0);
        assertThat(box.y + box.height).as("bottom edge").isLessThanOrEqualTo(HEIGHT);
    }

    /** The screen fits the phone and the header still offers logout; then a screenshot. */
    static void assertFitsThePhone(Page page, String screenshot, BrowserTest test) {
        assertOnScreen(page.locator("#logout"));
        assertOnScreen(page.locator("#drawer-toggle"));
        assertOnScreen(page.locator("#register-freshness-header"));
        assertThat((Boolean) page.evaluate(FITS_THE_WIDTH))
                .as("no horizontal overflow on " + page.url())
                .isTrue();
        test.screenshot(page, screenshot);
    }

    /** The row's text is whole (wrapped), not cut with an ellipsis. */
    static boolean whole(Locator text) {
        return (Boolean) text.evaluate("e => e.scrollWidth <= e.clientWidth + 1");
    }

    @Test
    void every_main_screen_fits_a_390_px_phone_with_logout_and_the_key_columns_in_reach() {
        Page page = phone();
        assertFitsThePhone(page, "mobile-01-dashboard.png", this);

        // the shell: the drawer opens from the toggle and shows who is signed in
        page.locator("#drawer-toggle").click();
        assertThat(page.locator(".drawer-who .header-user")).hasText("リスク 太郎 (Risk manager)");
        screenshot(page, "mobile-02-drawer.png");
        page.locator("vaadin-side-nav-item")
                .filter(new Locator.FilterOptions().setHasText("取引先チェック"))
                .click();

        // supplier check: the picker fits, and the answer too
        assertThat(page.locator("#check-supplier")).isVisible();
        page.locator("#check-supplier input").fill("碧海精密");
        page.locator("vaadin-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(PRESS))
                .first()
                .click();
        assertThat(page.locator("#check-verdict")).isVisible();
        assertOnScreen(page.locator("#check-supplier"));
        assertFitsThePhone(page, "mobile-03-check.png", this);

        // the answer leads to the supplier page
        page.locator("#check-answer a[href^='suppliers/']").click();
        assertThat(page.locator(".view-toolbar h2")).hasText(PRESS);
        assertThat(page.locator("#evaluation-summary")).isVisible();
        // the contracts it is part of that fail: the cause (which sub-contractor) is readable on the phone
        assertOnScreen(page.locator("#supplier-failing-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("2次委託先"))
                .first());
        assertFitsThePhone(page, "mobile-06-supplier.png", this);

        // supplier list: name and status in every row, the filters folded behind their button
        page.navigate(url("suppliers"));
        Locator supplierRow = page.locator("#supplier-grid vaadin-grid-cell-content .name-cell")
                .first();
        assertOnScreen(supplierRow);
        assertThat(page.locator("#supplier-grid")).hasAttribute("data-narrow", "true");
        assertOnScreen(page.locator("#supplier-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHas(page.locator(".compliance-badge")))
                .first());
        assertThat(page.locator("#supplier-status")).isHidden();
        assertFitsThePhone(page, "mobile-04-suppliers.png", this);
        page.locator("#supplier-filters-toggle").click();
        assertOnScreen(page.locator("#supplier-status"));
        assertFitsThePhone(page, "mobile-05-supplier-filters.png", this);

        // contract list: one compact column (number, title, supplier) beside the status
        page.navigate(url("contracts"));
        Locator contractCell = page.locator("#contract-grid vaadin-grid-cell-content .compact-cell")
                .first();
        assertOnScreen(contractCell.locator(".compact-key"));
        assertThat(contractCell.locator(".compact-key")).hasText(java.util.regex.Pattern.compile("HMC-\\d{4}-\\d{4}"));
        assertOnScreen(page.locator("#contract-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHas(page.locator(".compliance-badge")))
                .first());
        assertThat(whole(contractCell.locator(".compact-title"))).isTrue();
        assertThat(visibleRows(page, "#contract-grid"))
                .as("contract rows on one screen")
                .isGreaterThanOrEqualTo(4);
        assertFitsThePhone(page, "mobile-07-contracts.png", this);

        page.locator("#contract-grid vaadin-grid-cell-content .compact-key")
                .filter(text("HMC-2026-0001"))
                .click();
        assertThat(page.locator(".view-toolbar h2")).containsText("HMC-2026-0001");
        assertFitsThePhone(page, "mobile-08-contract.png", this);
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("再委託先"))
                .click();
        assertThat(page.locator("#chain-tree")).containsText("みらいクラウド株式会社");
        assertFitsThePhone(page, "mobile-09-contract-chain.png", this);

        // alerts: the whole title on its own line, kind and time under it (the demo's first sync is a
        // baseline that alerts nobody, so a registration expires here as the engine would record it)
        expired("HMC-2026-0001");
        page.navigate(url("alerts"));
        Locator alertTitle = page.locator("#alert-notifications vaadin-grid-cell-content .compact-title")
                .first();
        assertOnScreen(alertTitle);
        assertThat(whole(alertTitle)).isTrue();
        assertThat(alertTitle.innerText().length()).isGreaterThan(10);
        assertFitsThePhone(page, "mobile-10-alerts.png", this);
    }

    /** The element does not scroll sideways inside itself. */
    static boolean noInnerScrolling(Locator box) {
        return (Boolean) box.evaluate("e => e.scrollWidth <= e.clientWidth + 1");
    }

    @Test
    void the_dashboard_tables_and_a_suppliers_failing_contracts_read_on_a_phone_without_scrolling_inside() {
        Page page = phone();

        // the riskiest contracts and the heat map: one card per row, no table scrolling in its box
        Locator risk = page.locator("#riskiest .risk-table");
        assertThat(risk).isVisible();
        assertThat(noInnerScrolling(risk)).as("risk table scrolls inside").isTrue();
        assertWithinWidth(risk.locator(".risk-title").first(), WIDTH);
        assertWithinWidth(risk.locator(".risk-status").first(), WIDTH);
        assertThat(risk.locator(".risk-until").first()).hasAttribute("data-label", "最短の有効期限");
        Locator heat = page.locator("#heat-map .heat-table");
        assertThat(noInnerScrolling(heat)).as("heat map scrolls inside").isTrue();
        assertWithinWidth(heat.locator(".heat-total").first(), WIDTH);
        assertThat(heat.locator(".heat-total").first()).hasAttribute("data-label", "合計");
        screenshot(page, "mobile-13-dashboard-tables.png");

        // a supplier's failing contracts: the grid is as tall as its (wrapped) rows, nothing cut or scrolled
        long press = dsl.select(SUPPLIER.ID)
                .from(SUPPLIER)
                .where(SUPPLIER.NAME.eq(PRESS))
                .fetchSingle(SUPPLIER.ID);
        page.navigate(url("suppliers/" + press));
        Locator failing = page.locator("#supplier-failing-grid");
        assertThat(failing).isVisible();
        assertThat(failing).hasAttribute("all-rows-visible", "");
        assertThat((Boolean) failing.evaluate("""
                        g => { const t = g.shadowRoot.querySelector('#table');
                               return t.scrollHeight <= t.clientHeight + 1; }"""))
                .as("the failing contracts scroll inside their box")
                .isTrue();
        failing.scrollIntoViewIfNeeded();
        screenshot(page, "mobile-14-supplier-failing-contracts.png");
    }

    @Test
    void a_failed_save_on_a_phone_says_so_at_the_top_and_focuses_the_first_field_to_fix() {
        Page page = phone();

        // a supplier without a name: the name is the first field
        page.navigate(url("suppliers"));
        page.locator("#supplier-create").click();
        page.locator("#supplier-save").click();
        assertThat(page.locator("#form-problems")).containsText("保存していません");
        assertThat(page.locator("vaadin-dialog-overlay vaadin-text-field[invalid] input")
                        .first())
                .isFocused();
        screenshot(page, "mobile-11-supplier-not-saved.png");
        page.locator("vaadin-dialog-overlay vaadin-button")
                .filter(text("キャンセル"))
                .click();

        // a contract whose level departs from the decision chart without a reason: the reason is at the
        // bottom of the dialog, below the fold of a phone
        page.navigate(url("contracts"));
        page.locator("#contract-create").click();
        page.locator("#contract-number input").fill("MOBILE-2026-0001");
        page.locator("#contract-title input").fill("スマートフォン検証契約");
        page.locator("#contract-supplier input").fill("碧海精密");
        page.locator("vaadin-combo-box-item").filter(text(PRESS)).first().click();
        page.locator("#contract-unit").click();
        page.locator("vaadin-select-item").filter(text("星見自動車 購買部")).first().click();
        answer(page, "#chart-q1", "はい");
        answer(page, "#chart-q2", "いいえ");
        answer(page, "#chart-q3", "いいえ");
        page.locator("#contract-level").click();
        page.locator("vaadin-select-item").filter(text("★3 Basic")).first().click();
        page.locator("#contract-save").click();

        Locator reason = page.locator("#contract-level-reason textarea");
        assertThat(reason).isFocused();
        assertOnScreen(reason);
        assertThat(page.locator("#form-problems")).containsText("1 件");
        screenshot(page, "mobile-12-contract-not-saved.png");
        assertThat(dsl.fetchCount(CONTRACT, CONTRACT.CONTRACT_NUMBER.eq("MOBILE-2026-0001")))
                .isZero();
    }

    @Test
    void the_login_error_starts_after_its_icon_on_a_phone_and_on_a_desktop() {
        for (int width : new int[] {WIDTH, 1440}) {
            Page page = newPage("ja-JP", width, HEIGHT);
            signIn(page, "risk", "wrong-password");
            // Playwright's CSS reaches into the form's shadow DOM
            Locator error =
                    page.locator("vaadin-login-form [part~='error-message']").filter(text("ユーザー名またはパスワード"));
            assertThat(error).isVisible();
            // Lumo draws the icon where the text starts: centred text put it over the error's title
            Object align = error.evaluate("e => getComputedStyle(e).textAlign");
            assertThat(align).isIn("start", "left");
            screenshot(page, (width == WIDTH ? "mobile" : "desktop") + "-login-error.png");
        }
    }

    static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    static void answer(Page page, String question, String answer) {
        page.locator(question + " vaadin-radio-button")
                .filter(text(answer))
                .locator("input")
                .check();
    }

    /** How many rows of a grid are visible on the screen. */
    static int visibleRows(Page page, String grid) {
        List<?> tops = (List<?>) page.locator(grid).evaluate("""
                        g => [...g.shadowRoot.querySelectorAll('tbody#items tr:not([hidden])')]
                               .map(r => r.getBoundingClientRect())
                               .filter(r => r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight)
                               .map(r => r.top)""");
        return tops.size();
    }
}
