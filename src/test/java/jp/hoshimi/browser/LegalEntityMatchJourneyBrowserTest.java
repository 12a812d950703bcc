package jp.hoshimi.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Issue 21, the NTA data where users work: the supplier editor suggests 法人番号 candidates for S-10056 山田鉄工所,
 * the bulk screen lists the suppliers without a number with their best candidates, and the page of S-10015
 * (absorbed in the sample difference) offers the successor's number with its register status; the move of
 * S-10008 in the same difference reaches the risk manager's notification centre.
 */
class LegalEntityMatchJourneyBrowserTest extends BrowserTest {

    static final Path SAMPLES = Path.of("sample-data/nta");

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LegalEntityService legalEntities;

    @Autowired
    SystemAuthentication system;

    @AfterEach
    void noNtaData() {
        // the sample difference moves S-10008: its move alert (to owners in every unit) goes too
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_run");
        Set<Long> suppliers = new HashSet<>(dsl.fetch("SELECT id FROM supplier").getValues(0, Long.class));
        events.publishEvent(new MasterDataChangedEvent(suppliers, Set.of()));
    }

    @Test
    void the_editor_and_the_bulk_screen_offer_candidates_and_a_merged_supplier_its_successor() {
        system.runAsSystem(() -> {
            legalEntities.upload(
                    SAMPLES.resolve("nta-full-20261130_unicode.zip"), "full.zip", FileKind.FULL, NtaEdition.UNICODE);
            legalEntities.upload(
                    SAMPLES.resolve("nta-diff-20261201_unicode.zip"), "diff.zip", FileKind.DIFF, NtaEdition.UNICODE);
        });
        Page risk = newPage("ja-JP");
        signIn(risk, "risk", DEMO_PASSWORD);
        risk.navigate(url("suppliers/" + supplierId("S-10056")));
        risk.locator("#supplier-edit").click();
        PlaywrightAssertions.assertThat(risk.locator("#number-suggestions-list"))
                .containsText("7900000000101");
        PlaywrightAssertions.assertThat(risk.locator("#use-7900000000101")).isVisible();
        screenshot(risk, "legal-entity-match-01-editor-suggestions.png");
        risk.locator("#use-7900000000101").click();
        PlaywrightAssertions.assertThat(risk.locator("#use-number-confirm")).isAttached();
        screenshot(risk, "legal-entity-match-02-editor-confirm.png");

        risk.navigate(url("suppliers/missing-numbers"));
        PlaywrightAssertions.assertThat(risk.locator("#missing-numbers-grid")).containsText("山田鉄工所");
        PlaywrightAssertions.assertThat(risk.locator("#missing-numbers-grid")).containsText("7900000000101");
        screenshot(risk, "legal-entity-match-03-bulk-screen.png");

        risk.navigate(url("suppliers/" + supplierId("S-10015")));
        PlaywrightAssertions.assertThat(risk.locator("#successor-consequences")).containsText("6900000000011");
        screenshot(risk, "legal-entity-match-04-successor-offer.png");

        // the sample difference also moved S-10008: its contract owners and the risk managers are told
        risk.navigate(url("alerts"));
        com.microsoft.playwright.Locator moved = risk.locator("#alert-notifications vaadin-grid-cell-content")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("株式会社アサヒ精機製作所: 所在地が 愛知県犬山市1-1 に変わりました"));
        PlaywrightAssertions.assertThat(moved).hasCount(1);
        moved.click();
        PlaywrightAssertions.assertThat(risk.locator(".alert-details")).containsText("岐阜県各務原市1-2-3");
        PlaywrightAssertions.assertThat(risk.locator(".alert-details")).containsText("2026-11-26");
        screenshot(risk, "legal-entity-match-05-move-alert.png");
    }

    private long supplierId(String code) {
        return ((Number) dsl.fetchValue("SELECT id FROM supplier WHERE supplier_code = ?", code)).longValue();
    }
}
