package jp.hoshimi.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import jp.hoshimi.shared.MasterDataChangedEvent;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Issue 21: an administrator uploads the sample NTA full file, then a difference file in which demo supplier
 * S-10015 知多鋳造 is absorbed by a merger; the risk manager opens the supplier and sees the official record
 * with the successor, and the finding of its contract naming the date and the successor.
 */
class LegalEntityJourneyBrowserTest extends BrowserTest {

    static final Path SAMPLES = Path.of("sample-data/nta");

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void noNtaData() {
        // the sample difference moves S-10008: its move alert (to owners in every unit) goes too
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_run");
        Set<Long> suppliers = new HashSet<>(dsl.fetch("SELECT id FROM supplier").getValues(0, Long.class));
        events.publishEvent(new MasterDataChangedEvent(suppliers, Set.of()));
    }

    @Test
    void an_administrator_loads_the_nta_files_and_the_risk_manager_sees_the_merger() throws IOException {
        Page admin = newPage("en-US");
        signIn(admin, "admin", DEMO_PASSWORD);
        admin.navigate(url("legal-entities"));
        admin.locator("#legal-entity-upload").waitFor();
        choose(admin, "#legal-entity-kind", "Full file (全件データ)");
        admin.locator("#legal-entity-upload input[type=file]")
                .setInputFiles(SAMPLES.resolve("nta-full-20261130_unicode.zip"));
        PlaywrightAssertions.assertThat(admin.locator("#legal-entity-result"))
                .hasAttribute("data-outcome", "SUCCEEDED");
        PlaywrightAssertions.assertThat(admin.locator("#legal-entity-result")).containsText("68 rows read: 68 new");
        screenshot(admin, "legal-entity-01-full-file-loaded.png");

        choose(admin, "#legal-entity-kind", "Difference file (差分データ)");
        admin.locator("#legal-entity-upload input[type=file]")
                .setInputFiles(SAMPLES.resolve("nta-diff-20261201_unicode.zip"));
        PlaywrightAssertions.assertThat(admin.locator("#legal-entity-result")).containsText("7 rows read: 1 new");
        screenshot(admin, "legal-entity-02-difference-loaded.png");

        long supplierId =
                ((Number) dsl.fetchValue("SELECT id FROM supplier WHERE supplier_code = 'S-10015'")).longValue();
        Page risk = newPage("ja-JP");
        signIn(risk, "risk", DEMO_PASSWORD);
        risk.navigate(url("suppliers/" + supplierId));
        PlaywrightAssertions.assertThat(risk.locator("#official-status")).containsText("株式会社東海統合ホールディングス");
        PlaywrightAssertions.assertThat(risk.locator("#official-attribution")).containsText("国税庁法人番号公表サイト");
        screenshot(risk, "legal-entity-03-supplier-merged.png");

        risk.getByText("合併により解散しました").first().waitFor();
        PlaywrightAssertions.assertThat(risk.getByText("合併により解散しました").first()).containsText("6900000000011");
        screenshot(risk, "legal-entity-04-finding-with-successor.png");
    }

    private static void choose(Page page, String select, String label) {
        page.locator(select).click();
        page.locator("vaadin-select-item")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(label))
                .click();
    }
}
