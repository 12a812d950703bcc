package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import jp.hoshimi.compliance.ComplianceEvaluator;
import jp.hoshimi.exception.MovableClock;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Exceptions (例外承認, issue 20): a risk manager requests an exception for a supplier that is not
 * registered, a second risk manager approves it, the dashboard counts it as accepted (not compliant), and
 * once the business date passes the end date the finding reopens and the risk managers get an alert. The
 * business date follows a clock the test moves, in a database of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hoshimi.dev-db.database=hoshimi_exception_journey", "hoshimi.clock.fixed-date="})
@Import(MovableClock.Config.class)
class ExceptionJourneyBrowserTest extends BrowserTest {

    static final String REMOTE = "株式会社ネクストリモート"; // S-10024, not registered

    @Autowired
    MovableClock clock;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    BusinessDate businessDate;

    static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    void signedIn(Page page, String user) {
        signIn(page, user, DEMO_PASSWORD);
        assertThat(page.locator("#current-user")).isVisible();
    }

    @Test
    void an_accepted_risk_is_approved_by_a_second_risk_manager_and_reopens_with_an_alert_after_its_end() {
        long supplierId = system.callAsSystem(() -> suppliers.findByCode("S-10024"))
                .orElseThrow()
                .id();
        String endsOn = businessDate.today().plusDays(30).toString();

        Page risk = newPage("ja-JP");
        signedIn(risk, "risk");
        risk.navigate(url("suppliers/" + supplierId));
        risk.locator("#supplier-request-exception").click();
        Locator dialog = risk.locator("vaadin-dialog-overlay");
        risk.locator("#exception-scope input").click();
        risk.locator("vaadin-combo-box-item").filter(text("この取引先のすべての契約")).click();
        risk.locator("#exception-justification textarea").fill("代替調達先の選定が完了するまで（2027年1月予定）");
        risk.locator("#exception-measures textarea").fill("VPN 接続を常時監視し、月次で現地監査を行う");
        risk.locator("#exception-ends-on input").fill(endsOn);
        risk.locator("#exception-ends-on input").press("Enter");
        screenshot(risk, "exception-01-request.png");
        risk.locator("#exception-submit").click();
        assertThat(risk.locator("vaadin-notification-card").filter(text("申請しました")))
                .hasCount(1);
        assertThat(dialog).hasCount(0);

        Page second = newPage("ja-JP");
        signedIn(second, "risk2");
        second.navigate(url("exceptions"));
        assertThat(second.locator("#exception-grid vaadin-grid-cell-content").filter(text(REMOTE)))
                .not()
                .hasCount(0);
        second.locator(".exception-open").first().click();
        assertThat(second.locator("#exception-decision-dialog, vaadin-dialog-overlay")
                        .filter(text("代替措置")))
                .not()
                .hasCount(0);
        screenshot(second, "exception-02-decision.png");
        second.locator("#exception-approve").click();
        assertThat(second.locator("#exception-grid vaadin-grid-cell-content").filter(text("承認済み")))
                .not()
                .hasCount(0);

        second.navigate(url(""));
        assertThat(second.locator("#kpi-accepted .kpi-value")).not().hasText("0");
        assertThat(second.locator("#kpi-accepted")).containsText("承認済みリスク");
        screenshot(second, "exception-03-dashboard-accepted.png");

        second.navigate(url("suppliers/" + supplierId));
        second.locator("vaadin-tab").filter(text("適合状況")).click();
        assertThat(second.locator("#findings-grid vaadin-grid-cell-content").filter(text("まで承認済み — ")))
                .not()
                .hasCount(0);
        assertThat(second.locator("#findings-grid [data-status=OK]")).hasCount(0);
        screenshot(second, "exception-04-supplier-accepted.png");

        // the business date passes the end date; the daily evaluation runs
        clock.advance(Duration.ofDays(32));
        system.runAsSystem(evaluator::evaluateAll);

        risk.navigate(url("suppliers/" + supplierId));
        risk.locator("vaadin-tab").filter(text("適合状況")).click();
        assertThat(risk.locator("#findings-grid [data-status=ACCEPTED]")).hasCount(0);
        assertThat(risk.locator("#findings-grid [data-status=MISSING]")).not().hasCount(0);
        screenshot(risk, "exception-05-reopened.png");
        risk.navigate(url("alerts"));
        Locator reopened =
                risk.locator("#alert-notifications vaadin-grid-cell-content").filter(text("未登録: " + REMOTE));
        assertThat(reopened).hasCount(1);
        reopened.click();
        assertThat(risk.locator(".alert-details")).containsText("承認済みリスク");
        screenshot(risk, "exception-06-alert.png");
        risk.navigate(url("exceptions"));
        assertThat(risk.locator("#exception-grid vaadin-grid-cell-content").filter(text("失効")))
                .not()
                .hasCount(0);
        screenshot(risk, "exception-07-list-lapsed.png");
    }
}
