package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jp.hoshimi.SignedIn;
import jp.hoshimi.compliance.ComplianceEvaluator;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.exception.ExceptionRequest;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 20 in a real browser, in a database of its own: (1) an accepted risk (承認済みリスク) shows in lists
 * and on the dashboard in its own colour with the handshake icon — the computed style of its cell differs
 * from OK's green and from every gap's colour; (2) a level below the decision chart's suggestion shows as
 * waiting on the contract page and in the second risk manager's queue, who approves it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hoshimi.dev-db.database=hoshimi_accepted_status"})
class AcceptedStatusBrowserTest extends BrowserTest {

    static final String STYLE = "e => { const s = getComputedStyle(e); return s.color + ' on ' + s.backgroundColor; }";

    @Autowired
    ExceptionService exceptions;

    @Autowired
    ContractService contracts;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(users, contexts, username, work);
    }

    /** The computed text and background colour of the first visible status badge on a filtered contract list. */
    String badgeStyle(Page page, ComplianceStatus status) {
        page.navigate(url("contracts?status=" + status.name()));
        Locator badge = page.locator("#contract-grid .compliance-badge[data-status=" + status.name() + "]")
                .first();
        badge.waitFor();
        return (String) badge.evaluate(STYLE);
    }

    @Test
    void an_accepted_status_has_its_own_colour_and_icon_never_ok_green_nor_a_gap_colour() {
        long supplierId = system.callAsSystem(() -> suppliers.findByCode("S-10024"))
                .orElseThrow()
                .id();
        LocalDate endsOn = businessDate.today().plusDays(30);
        long id = as(
                "risk",
                () -> exceptions.request(
                        new ExceptionRequest(supplierId, null, "代替調達先の選定が完了するまで", "VPN 接続を常時監視する", endsOn)));
        as("risk2", () -> {
            exceptions.approve(id, exceptions.get(id).version(), "確認済み");
            return null;
        });
        system.runAsSystem(evaluator::evaluateAll);

        Page page = newPage("ja-JP");
        signIn(page, "risk", DEMO_PASSWORD);
        assertThat(page.locator("#current-user")).isVisible();
        // the theme defines the colour (it was missing: the accepted cells fell back to nothing)
        assertThat((String) page.evaluate(
                        "() => getComputedStyle(document.documentElement).getPropertyValue('--status-ACCEPTED')"))
                .isNotBlank();

        String accepted = badgeStyle(page, ComplianceStatus.ACCEPTED);
        Locator acceptedBadge = page.locator("#contract-grid .compliance-badge[data-status=ACCEPTED]")
                .first();
        assertThat(acceptedBadge).containsText("承認済みリスク");
        assertThat(acceptedBadge.locator("vaadin-icon")).hasAttribute("icon", "vaadin:handshake");
        screenshot(page, "accepted-01-contract-list.png");

        Map<ComplianceStatus, String> others = new LinkedHashMap<>();
        others.put(ComplianceStatus.OK, badgeStyle(page, ComplianceStatus.OK));
        for (ComplianceStatus gap : ComplianceStatus.values()) {
            if (gap != ComplianceStatus.OK && gap != ComplianceStatus.ACCEPTED) {
                page.navigate(url("contracts?status=" + gap.name()));
                Locator badge = page.locator("#contract-grid .compliance-badge[data-status=" + gap.name() + "]");
                page.locator("#contract-grid").waitFor();
                page.waitForLoadState();
                if (badge.count() > 0) {
                    others.put(gap, (String) badge.first().evaluate(STYLE));
                }
            }
        }
        assertThat(others).as("OK and at least one gap to compare with").hasSizeGreaterThan(1);
        assertThat(others.values()).as("accepted is %s", accepted).doesNotContain(accepted);
        screenshot(page, "accepted-02-list-other-status.png");

        // the dashboard: the legend key and the heat-map cells of ACCEPTED are coloured, unlike OK's
        page.navigate(url(""));
        Locator legendAccepted =
                page.locator(".legend-key.status-ACCEPTED > span").first();
        Locator legendOk = page.locator(".legend-key.status-OK > span").first();
        legendAccepted.waitFor();
        String keyAccepted = (String) legendAccepted.evaluate("e => getComputedStyle(e).backgroundColor");
        assertThat(keyAccepted)
                .isNotEqualTo(legendOk.evaluate("e => getComputedStyle(e).backgroundColor"))
                .isNotIn("rgba(0, 0, 0, 0)", "transparent");
        Locator heatAccepted =
                page.locator(".heat-cell.status-ACCEPTED:not(.zero)").first();
        assertThat(heatAccepted).isVisible();
        assertThat((String) heatAccepted.evaluate("e => getComputedStyle(e).backgroundColor"))
                .isNotEqualTo(page.locator(".heat-cell.status-OK:not(.zero)")
                        .first()
                        .evaluate("e => getComputedStyle(e).backgroundColor"));
        screenshot(page, "accepted-03-dashboard.png");
    }

    @Test
    void a_lower_level_waits_on_the_contract_page_and_a_second_risk_manager_approves_it_in_the_queue() {
        ContractDetails contract = system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0001"))
                .orElseThrow();
        ContractForm form = contract.toForm();
        RequiredLevel suggested = contract.suggestedLevel();
        RequiredLevel lower = RequiredLevel.values()[suggested.ordinal() - 1];
        as(
                "procurement",
                () -> contracts.update(
                        contract.id(),
                        contract.version(),
                        new ContractForm(
                                form.contractNumber(),
                                form.title(),
                                form.supplierId(),
                                form.orgUnitId(),
                                form.ownerUserId(),
                                form.startDate(),
                                form.endDate(),
                                form.decisionChart(),
                                lower,
                                "接続は読み取り専用の VPN に限定しており、年内に遮断する予定のため。")));

        Page procurement = newPage("ja-JP");
        signIn(procurement, "procurement", DEMO_PASSWORD);
        procurement.navigate(url("contracts/" + contract.id()));
        assertThat(procurement.locator("#level-decision-pending")).containsText("承認待ち");
        screenshot(procurement, "level-01-contract-pending.png");

        Page second = newPage("ja-JP");
        signIn(second, "risk2", DEMO_PASSWORD);
        second.navigate(url("exceptions?tab=levels"));
        Locator row = second.locator("#level-decision-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(contract.contractNumber()));
        assertThat(row.first()).isVisible();
        screenshot(second, "level-02-queue.png");
        second.locator(".level-decision-open").first().click();
        assertThat(second.locator("vaadin-dialog-overlay")).containsText("読み取り専用");
        screenshot(second, "level-03-decision.png");
        second.locator("#level-decision-approve").click();
        assertThat(second.locator("vaadin-notification-card")).containsText("決裁を保存しました");

        procurement.navigate(url("contracts/" + contract.id()));
        assertThat(procurement.locator("#level-decision-pending")).hasCount(0);
        assertThat(procurement.locator(".level-badge").first()).containsText("★3");
        assertThat(system.callAsSystem(() -> contracts.find(contract.id()))
                        .orElseThrow()
                        .requiredLevel())
                .isEqualTo(lower);
        screenshot(procurement, "level-04-contract-approved.png");
    }
}
