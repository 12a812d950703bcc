package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main journey in a real headless Chromium against the running app: sign in, see the supplier
 * list with demo rows. Screenshots go to target/screenshots. Skipped where Chromium is not installed
 * (.ci/run installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginJourneyBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed; run .ci/run or apt-get install chromium");
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private Page newPage(String locale) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(1400, 860));
        context.setDefaultTimeout(60_000);
        return context.newPage();
    }

    private void signIn(Page page, String user, String password) {
        page.navigate("http://localhost:" + port + "/");
        page.locator("vaadin-login-form input[name=username]").fill(user);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button").first().click();
    }

    @Test
    void a_procurement_clerk_signs_in_and_sees_the_demo_suppliers() {
        Page page = newPage("ja-JP");
        page.navigate("http://localhost:" + port + "/suppliers");
        // not signed in: the login page, in Japanese
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("vaadin-login-form vaadin-button").first()).hasText("ログイン");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("01-login.png")));

        signIn(page, "procurement", "hoshimi-demo");
        page.navigate("http://localhost:" + port + "/suppliers");

        assertThat(page.locator("#supplier-count")).hasText("42 件");
        // sorted by reading (50音順), names in Latin letters first
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Pacific Components Ltd.")))
                .hasCount(1);
        assertThat(page.locator("#current-user")).containsText("調達 花子");
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("管理")))
                .hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("02-suppliers.png")));

        page.locator("#supplier-search input").fill("ﾐﾅﾄ");
        assertThat(page.locator("#supplier-count")).hasText("1 件");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("株式会社ミナト電装")))
                .hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("03-supplier-search.png")));

        // Admin is not for procurement: the address answers like one that does not exist
        page.navigate("http://localhost:" + port + "/admin");
        assertThat(page.locator("#not-found")).containsText("閲覧できません");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05-admin-denied.png")));
    }

    @Test
    void a_wrong_password_is_refused_with_a_clear_message() {
        Page page = newPage("en-US");
        signIn(page, "procurement", "wrong-password");

        assertThat(page.locator("vaadin-login-form")).containsText("Incorrect user name or password");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("04-login-error.png")));
    }

    @Test
    void the_health_endpoint_is_public_and_everything_else_needs_login() {
        Page page = newPage("en-US");
        var health = page.request().get("http://localhost:" + port + "/actuator/health");
        org.assertj.core.api.Assertions.assertThat(health.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(health.text()).contains("UP");

        var info = page.request()
                .get(
                        "http://localhost:" + port + "/actuator/env",
                        com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
        org.assertj.core.api.Assertions.assertThat(info.status()).isIn(302, 401, 403);
    }
}
