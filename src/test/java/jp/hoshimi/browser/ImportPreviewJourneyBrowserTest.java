package jp.hoshimi.browser;

import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: a clerk uploads suppliers and the preview says who is being added — names, codes, 法人番号
 * and country; a foreign supplier without a 法人番号 shows its country as 不明 (also on its page after the
 * apply), and a half-width kana name is shown and stored full-width. An auditor sees why there is no upload.
 */
class ImportPreviewJourneyBrowserTest extends BrowserTest {

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeImportedSuppliers() {
        dsl.deleteFrom(SUPPLIER)
                .where(SUPPLIER.SUPPLIER_CODE.in("BR13-1", "BR13-2"))
                .execute();
    }

    @Test
    void the_preview_names_who_is_added_and_leaves_a_foreign_country_unknown() throws IOException {
        byte[] file = ImportJourneyBrowserTest.workbook(List.of(
                List.of("取引先コード", "法人番号", "取引先名"),
                List.of("BR13-1", "", "Bavaria Sensor GmbH (Munich)"),
                List.of("BR13-2", "5720000000138", "ﾌﾞﾗｳｻﾞｰﾃｽﾄ株式会社"),
                List.of("S-10002", "4120041270230", "株式会社ミナト電装")));
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        page.navigate(url("imports"));
        page.locator("#import-upload input[type=file]")
                .setInputFiles(new FilePayload(
                        "取引先_海外.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
        page.locator("#import-status[data-status=PREVIEWED]").waitFor();
        page.locator("#import-rows").getByText("Bavaria Sensor GmbH (Munich)").waitFor();

        String rows = page.locator("#import-rows").textContent();
        assertThat(rows)
                .contains("Bavaria Sensor GmbH (Munich)")
                .contains("取引先コード BR13-1 ・ 国 不明")
                .contains("ブラウザーテスト株式会社")
                .contains("法人番号 5720000000138 ・ 国 JP")
                .contains("株式会社ミナト電装")
                .doesNotContain("ﾌﾞﾗｳｻﾞｰ");
        screenshot(page, "import13-01-preview-names.png");

        page.locator("#import-apply").click();
        page.locator("#import-status[data-status=APPLIED]").waitFor();
        long id = dsl.select(SUPPLIER.ID)
                .from(SUPPLIER)
                .where(SUPPLIER.SUPPLIER_CODE.eq("BR13-1"))
                .fetchOne()
                .value1();
        page.navigate(url("suppliers/" + id));
        page.getByText("Bavaria Sensor GmbH (Munich)").first().waitFor();
        assertThat(page.locator("[role=tabpanel].detail-grid").textContent()).contains("国不明");
        screenshot(page, "import13-02-supplier-country-unknown.png");
    }

    @Test
    void an_auditor_is_told_that_the_role_cannot_import() {
        Page page = newPage("ja-JP");
        signIn(page, "auditor", DEMO_PASSWORD);
        page.navigate(url("imports"));
        page.locator("#import-read-only").waitFor();

        assertThat(page.locator("#import-read-only").textContent()).startsWith("監査担当は取り込みできません");
        assertThat(page.locator("#import-upload").count()).isZero();
        screenshot(page, "import13-03-auditor-read-only.png");
    }
}
