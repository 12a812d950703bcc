package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 as an integrator sees it in a browser with an API token (no sign-in): the OpenAPI description,
 * a refused unknown parameter named in Japanese (the default language), and the supplier check.
 */
class ApiIntegratorJourneyBrowserTest extends BrowserTest {

    static final String TOKEN = "hsm_demo_risk_manager_token_0001";

    private Page withToken(String locale) {
        Page page = newPage(locale);
        page.context().setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + TOKEN));
        return page;
    }

    @Test
    void an_integrator_reads_the_description_and_plain_errors_with_a_token() {
        Page page = withToken("ja-JP");

        page.navigate(url("api/docs"));
        assertThat(page.locator("body")).containsText("\"title\":\"Hoshimi API\"");
        assertThat(page.locator("body")).containsText("bearerAuth");
        // the viewport only: the whole description is one very tall page of JSON
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("api18-openapi-with-token.png")));

        var refused = page.navigate(url("api/v1/contracts?stauts=EXPIRED"));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator("body")).containsText("パラメータ「stauts」はありません");
        screenshot(page, "api18-unknown-parameter-ja.png");

        var tooMany = page.navigate(url("api/v1/suppliers?limit=100000"));
        org.assertj.core.api.Assertions.assertThat(tooMany.status()).isEqualTo(400);
        assertThat(page.locator("body")).containsText("1〜1000");
        screenshot(page, "api18-limit-out-of-range-ja.png");

        page.navigate(url("api/v1/contracts?status=EXPIRED&limit=3"));
        assertThat(page.locator("body")).containsText("\"contractNumber\"");
        screenshot(page, "api18-contracts-filtered-by-status.png");
    }
}
