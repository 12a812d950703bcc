package jp.hoshimi.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys in a real headless Chromium against the running app. Screenshots go to target/screenshots.
 * Skipped where Chromium is not installed (.ci/run installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String DEMO_PASSWORD = "hoshimi-demo";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    /** The pages this test opened, photographed when it fails. */
    private final List<Page> pages = new ArrayList<>();

    /** A failed journey leaves a screenshot of each of its pages: target/screenshots/failed-…png. */
    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                if (!page.isClosed()) {
                    screenshot(page, "failed-" + context.getRequiredTestMethod().getName() + "-" + i + ".png");
                }
            }
        }
    };

    @BeforeAll
    static void launchChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed; run .ci/run or apt-get install chromium");
        Files.createDirectories(SCREENSHOTS);
        // on a loaded 2-core machine the first page of a fresh context can take longer than the 5 s default
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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

    Page newPage(String locale) {
        return newPage(locale, 1400, 900);
    }

    Page newPage(String locale, int width, int height) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        pages.add(page);
        return page;
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    void signIn(Page page, String user, String password) {
        // One retry, only when the post came back to the bare login page (neither the app, nor ?error, nor
        // ?starting): seen about once in 20 sign-ins of a full run under load, cause not found (the typed values
        // were gone from the form). A wrong password still ends on login?error after the first attempt.
        for (int attempt = 1; ; attempt++) {
            submitLogin(page, user, password);
            // the answer is the app (its header names the user) or the login page again
            page.locator("#current-user, vaadin-login-form")
                    .first()
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
            boolean signedIn = page.locator("#current-user").count() > 0;
            boolean explained = page.url().contains("error") || page.url().contains("starting");
            if (signedIn || explained || attempt == 2) {
                return;
            }
        }
    }

    private void submitLogin(Page page, String user, String password) {
        page.navigate(url(""));
        // the form is enabled once the app has finished starting (it says "starting" until then)
        page.locator("vaadin-login-form:not([disabled])").waitFor();
        Locator username = page.locator("vaadin-login-form input[name=username]");
        Locator passwordField = page.locator("vaadin-login-form input[name=password]");
        username.fill(user);
        passwordField.fill(password);
        PlaywrightAssertions.assertThat(username).hasValue(user);
        PlaywrightAssertions.assertThat(passwordField).hasValue(password);
        page.evaluate("() => { window.hoshimiBeforeSignIn = true; }");
        page.locator("vaadin-login-form vaadin-button").first().click();
        // the sign-in's answer (the app, login?error, login?starting, or the bare login page again) must arrive
        // before the test navigates on: a navigation right after the click can cancel the form post on a loaded
        // machine. A new document lacks the mark set above, whatever its address.
        page.waitForFunction("() => !window.hoshimiBeforeSignIn");
    }

    void screenshot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
