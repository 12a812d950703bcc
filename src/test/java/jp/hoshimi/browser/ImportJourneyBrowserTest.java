package jp.hoshimi.browser;

import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A procurement clerk uploads an Excel list of suppliers, reads the preview (one new, one changed field
 * by field, one error), fixes the file, uploads it again and applies it.
 */
class ImportJourneyBrowserTest extends BrowserTest {

    static final String NEW_NUMBER = "6720000000013";

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeImportedSupplier() {
        dsl.deleteFrom(jp.hoshimi.db.Tables.CONTRACT)
                .where(jp.hoshimi.db.Tables.CONTRACT.CONTRACT_NUMBER.eq("BR-CON-1"))
                .execute();
        dsl.deleteFrom(SUPPLIER).where(SUPPLIER.SUPPLIER_CODE.eq("BR-IMP-1")).execute();
        dsl.update(SUPPLIER)
                .set(SUPPLIER.ADDRESS, "愛知県刈谷市")
                .where(SUPPLIER.SUPPLIER_CODE.eq("S-10002"))
                .execute();
    }

    /** One sheet 取引先 with these rows of text cells. */
    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("取引先");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void upload(Page page, String name, byte[] content) {
        page.locator("#import-upload input[type=file]")
                .setInputFiles(new FilePayload(
                        name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content));
    }

    @Test
    void a_clerk_previews_fixes_and_applies_a_supplier_list() throws IOException {
        List<String> header = List.of("取引先コード", "法人番号", "取引先名", "住所");
        byte[] broken = workbook(List.of(
                header,
                List.of("BR-IMP-1", NEW_NUMBER, "株式会社ブラウザ取込", "名古屋市中区"),
                List.of("S-10002", "4120041270230", "株式会社ミナト電装", "愛知県刈谷市昭和町"),
                List.of("BR-IMP-2", "1234567890123", "誤り商事株式会社", "")));
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        page.navigate(url("imports"));
        page.locator("#import-upload").waitFor();
        screenshot(page, "import-01-upload.png");

        upload(page, "取引先一覧.xlsx", broken);
        page.locator("#import-status[data-status=PREVIEWED]").waitFor();
        assertThat(page.locator("#import-status-text").textContent()).contains("1 行にエラーがあります");
        assertThat(page.locator("#import-apply").isDisabled()).isTrue();
        assertThat(page.locator("#import-rows").textContent()).contains("法人番号");
        screenshot(page, "import-02-preview-with-error.png");

        page.locator("#tab-CHANGED").click();
        page.locator("#import-rows").getByText("愛知県刈谷市 → 愛知県刈谷市昭和町").waitFor();
        screenshot(page, "import-03-changed-field-by-field.png");

        page.navigate(url("imports"));
        upload(
                page,
                "取引先一覧_修正.xlsx",
                workbook(List.of(
                        header,
                        List.of("BR-IMP-1", NEW_NUMBER, "株式会社ブラウザ取込", "名古屋市中区"),
                        List.of("S-10002", "4120041270230", "株式会社ミナト電装", "愛知県刈谷市昭和町"))));
        page.locator("#import-status[data-status=PREVIEWED]").waitFor();
        page.locator("#import-apply").click();
        page.locator("#import-status[data-status=APPLIED]").waitFor();
        assertThat(page.locator("#import-status-text").textContent()).contains("新規 1、変更 1");
        screenshot(page, "import-04-applied.png");

        assertThat(dsl.fetchExists(SUPPLIER, SUPPLIER.CORPORATE_NUMBER.eq(NEW_NUMBER)))
                .isTrue();
        assertThat(dsl.select(SUPPLIER.ADDRESS)
                        .from(SUPPLIER)
                        .where(SUPPLIER.SUPPLIER_CODE.eq("S-10002"))
                        .fetchOne()
                        .value1())
                .isEqualTo("愛知県刈谷市昭和町");
    }

    /**
     * Issue 17 / decision 0031: a contract list goes through the set-based path — the preview names the
     * supplier and unit the cells refer to and says which row refers to an unknown supplier; the fixed
     * file applies, and the new contract is there with the chart's suggestion.
     */
    @Test
    void a_clerk_previews_and_applies_a_contract_list() throws IOException {
        List<String> header = List.of("契約番号", "件名", "取引先コード", "組織コード", "機密情報の取扱い", "停止時の影響大", "社内システム接続", "要求レベル");
        List<String> good = List.of("BR-CON-1", "ブラウザ取込の契約", "S-10002", "HMC-PUR", "いいえ", "はい", "いいえ", "");
        byte[] broken = workbook(List.of(
                header, good, List.of("BR-CON-2", "存在しない取引先の契約", "S-99999", "HMC-PUR", "いいえ", "いいえ", "いいえ", "★3")));
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        page.navigate(url("imports"));
        page.locator("#import-kind vaadin-radio-button")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("契約"))
                .first()
                .click();
        upload(page, "契約一覧.xlsx", broken);
        page.locator("#import-status[data-status=PREVIEWED]").waitFor();
        assertThat(page.locator("#import-status-text").textContent()).contains("1 行にエラーがあります");
        assertThat(page.locator("#import-rows").textContent()).contains("S-99999");
        screenshot(page, "import17-01-contract-preview-with-error.png");

        page.navigate(url("imports"));
        page.locator("#import-kind vaadin-radio-button")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("契約"))
                .first()
                .click();
        upload(page, "契約一覧_修正.xlsx", workbook(List.of(header, good)));
        page.locator("#import-status[data-status=PREVIEWED]").waitFor();
        page.locator("#import-apply").click();
        page.locator("#import-status[data-status=APPLIED]").waitFor();
        assertThat(page.locator("#import-status-text").textContent()).contains("新規 1");
        screenshot(page, "import17-02-contract-applied.png");
        assertThat(dsl.select(jp.hoshimi.db.Tables.CONTRACT.REQUIRED_LEVEL)
                        .from(jp.hoshimi.db.Tables.CONTRACT)
                        .where(jp.hoshimi.db.Tables.CONTRACT.CONTRACT_NUMBER.eq("BR-CON-1"))
                        .fetchOne(jp.hoshimi.db.Tables.CONTRACT.REQUIRED_LEVEL))
                .as("a blank level takes the chart's suggestion")
                .isEqualTo(jp.hoshimi.shared.RequiredLevel.STAR4);
    }

    /** Issue 15.6: a sheet with 20,000 header columns is refused plainly, naming the limit. */
    @Test
    void a_sheet_twenty_thousand_columns_wide_is_refused_with_the_column_limit() {
        StringBuilder header = new StringBuilder("取引先名");
        for (int c = 1; c < 20_000; c++) {
            header.append(",列").append(c);
        }
        byte[] wide = (header + "\r\n幅広株式会社\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Page page = newPage("ja-JP");
        signIn(page, "procurement", DEMO_PASSWORD);
        page.navigate(url("imports"));
        page.locator("#import-upload input[type=file]").setInputFiles(new FilePayload("wide.csv", "text/csv", wide));
        page.locator("#import-status[data-status=REJECTED]").waitFor();
        assertThat(page.locator("#import-status-text").textContent()).contains("1 行目の列数が上限の 200 列を超えています");
        screenshot(page, "import15-01-too-many-columns.png");
    }
}
