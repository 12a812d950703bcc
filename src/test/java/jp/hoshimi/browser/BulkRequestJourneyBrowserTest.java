package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.outreach.BulkCandidate;
import jp.hoshimi.outreach.ContactForm;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.FindingWorklist;
import jp.hoshimi.outreach.RequestMark;
import jp.hoshimi.outreach.WorklistFilter;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Bulk requests (issue 19): procurement filters the findings list to suppliers that are not registered (未登録), asks
 * them all at once, sees who was asked and who was skipped and why, and the list then shows them 依頼中. In a
 * database of its own (the letters go into its outbox).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hoshimi.dev-db.database=hoshimi_bulk_journey", "hoshimi.alert.dispatch-interval=0"})
class BulkRequestJourneyBrowserTest extends BrowserTest {

    static final Pattern HEADLINE = Pattern.compile("対象の取引先 (\\d+) 社: 依頼する (\\d+) 社、除外 (\\d+) 社");
    static final Pattern SUMMARY = Pattern.compile("作成・送付 (\\d+) 件 / 除外 (\\d+) 社（メールアドレスなし） / 除外 (\\d+) 社（依頼が進行中）");

    static final String FAILING = "REVOKED,EXPIRED,MISSING,UNVERIFIABLE,INSUFFICIENT";

    @Autowired
    ContactService contacts;

    @Autowired
    UserDetailsService users;

    @Autowired
    FindingWorklist worklist;

    @Autowired
    SystemAuthentication system;

    @Test
    void procurement_asks_every_supplier_that_is_not_registered_at_once_and_the_list_shows_them_requested() {
        WorklistFilter filter = new WorklistFilter(java.util.Set.of(ComplianceStatus.MISSING), null, RequestMark.ANY);
        // half of the suppliers get a primary contact with an address; the others are skipped for the lack of one
        List<BulkCandidate> candidates =
                system.callAsSystem(() -> worklist.preview(filter)).candidates();
        for (int i = 0; i < candidates.size(); i += 2) {
            long supplierId = candidates.get(i).supplierId();
            system.runAsSystem(() -> contacts.add(
                    supplierId,
                    new ContactForm("ご担当 " + supplierId, "総務部", "s" + supplierId + "@example.jp", null, true)));
        }

        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        assertThat(page.locator("#current-user")).isVisible();
        page.navigate(url("findings?status=" + FAILING));
        assertThat(page.locator("#finding-count")).containsText("件の指摘");
        screenshot(page, "bulk-01-findings.png");

        page.locator("#finding-bulk").click();
        Locator headline = page.locator("#bulk-headline");
        assertThat(headline).containsText("対象の取引先");
        Matcher h = HEADLINE.matcher(headline.textContent());
        assertThat(h.find()).isTrue();
        int suppliers = Integer.parseInt(h.group(1));
        int toAsk = Integer.parseInt(h.group(2));
        int skipped = Integer.parseInt(h.group(3));
        assertThat(toAsk + skipped).isEqualTo(suppliers);
        assertThat(toAsk).isPositive();
        assertThat(skipped).isPositive();
        screenshot(page, "bulk-02-preview.png");

        page.locator("#bulk-confirm").click();
        Locator summary = page.locator("#bulk-summary");
        assertThat(summary).isVisible();
        Matcher s = SUMMARY.matcher(summary.textContent());
        assertThat(s.find()).isTrue();
        int created = Integer.parseInt(s.group(1));
        assertThat(created).isEqualTo(toAsk);
        assertThat(created + Integer.parseInt(s.group(2)) + Integer.parseInt(s.group(3)))
                .isEqualTo(suppliers);
        assertThat(page.locator("#bulk-headline")).containsText(suppliers + " 社");
        screenshot(page, "bulk-03-summary.png");
        page.locator("#bulk-close").click();

        page.navigate(url("findings?status=" + FAILING + "&requests=OPEN"));
        assertThat(page.locator(".finding-request").first()).containsText("依頼中");
        screenshot(page, "bulk-04-requested.png");
        assertThat(page.locator("#finding-count")).not().containsText("0 件の指摘");

        // asking again makes no duplicate: everyone asked is now "already open"
        page.navigate(url("findings?status=" + FAILING));
        page.locator("#finding-bulk").click();
        Matcher again = HEADLINE.matcher(page.locator("#bulk-headline").textContent());
        assertThat(again.find()).isTrue();
        assertThat(Integer.parseInt(again.group(1))).isEqualTo(suppliers);
        assertThat(Integer.parseInt(again.group(2))).isZero();
        assertThat(page.locator("#bulk-confirm")).isDisabled();
        screenshot(page, "bulk-05-again.png");
    }
}
