package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** Sign in and see the supplier list with demo rows; wrong passwords and public endpoints. */
class LoginJourneyBrowserTest extends BrowserTest {

    @Test
    void a_procurement_clerk_signs_in_and_sees_the_demo_suppliers() {
        Page page = newPage("ja-JP");
        page.navigate(url("suppliers"));
        // not signed in: the login page, in Japanese
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("vaadin-login-form vaadin-button").first()).hasText("ログイン");
        screenshot(page, "01-login.png");

        signIn(page, "procurement", "hoshimi-demo");
        page.navigate(url("suppliers"));

        assertThat(page.locator("#supplier-count")).hasText("60 件");
        // sorted by reading (50音順), names in Latin letters first
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Pacific Components Ltd.")))
                .hasCount(1);
        assertThat(page.locator("#current-user")).containsText("調達 花子");
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("管理")))
                .hasCount(0);
        screenshot(page, "02-suppliers.png");

        page.locator("#supplier-search input").fill("ﾐﾅﾄ");
        assertThat(page.locator("#supplier-count")).hasText("1 件");
        // the name, and the register's name for the same company in its own column
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("株式会社ミナト電装")))
                .not()
                .hasCount(0);
        screenshot(page, "03-supplier-search.png");

        // signed in, the OpenAPI description of the REST API is readable
        var docs = page.request().get(url("api/docs"));
        org.assertj.core.api.Assertions.assertThat(docs.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(docs.text())
                .contains("/api/v1/suppliers")
                .contains("/api/v1/contracts/{contractNumber}/subcontractors");

        // Admin is not for procurement: the address answers like one that does not exist
        page.navigate(url("admin"));
        assertThat(page.locator("#not-found")).containsText("閲覧できません");
        screenshot(page, "05-admin-denied.png");
    }

    @Test
    void a_wrong_password_is_refused_with_a_clear_message() {
        Page page = newPage("en-US");
        signIn(page, "procurement", "wrong-password");

        assertThat(page.locator("vaadin-login-form")).containsText("Incorrect user name or password");
        screenshot(page, "04-login-error.png");
    }

    @Test
    void the_health_endpoint_is_public_and_everything_else_needs_login() {
        Page page = newPage("en-US");
        var health = page.request().get(url("actuator/health"));
        org.assertj.core.api.Assertions.assertThat(health.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(health.text()).contains("UP");

        var info = page.request()
                .get(
                        url("actuator/env"),
                        com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
        org.assertj.core.api.Assertions.assertThat(info.status()).isIn(302, 401, 403);
    }
}
