package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * What the preview says about who is being added (issue 13): every row names its record with its key
 * fields; a supplier without a 法人番号 keeps an unknown country; half-width kana are made full-width; a
 * preview raises no alert. Real .xlsx and CP932 CSV files, real MariaDB (the import tests' own database).
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_imports")
class ImportPreviewTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ImportService imports;

    @Autowired
    SupplierService suppliers;

    @Autowired
    AlertService alerts;

    @Autowired
    SystemAuthentication system;

    private ImportRun run(String name, byte[] file, boolean dryRun) {
        return imports.runToEnd(ImportKind.SUPPLIERS, name, new ByteArrayInputStream(file), dryRun, WAIT);
    }

    private ImportRowResult row(ImportRun run, int rowNumber) {
        return imports.rows(run.id(), null, 0, 100).stream()
                .filter(r -> r.rowNumber() == rowNumber)
                .findFirst()
                .orElseThrow();
    }

    private SupplierDetails byCode(String code) {
        return system.callAsSystem(() -> suppliers.findByCode(code)).orElseThrow();
    }

    @Test
    @WithUserDetails("procurement")
    void the_preview_names_every_row_with_its_key_fields_new_changed_unchanged_and_in_error() {
        String fresh = ImportServiceTest.corporateNumber("700000001301");
        byte[] file = ImportFixtures.xlsx(
                "取引先",
                false,
                List.of(
                        List.of("取引先コード", "法人番号", "取引先名", "国"),
                        List.of("P13-0001", fresh, "プレビュー新規株式会社", ""),
                        List.of("S-10002", "4120041270230", "株式会社ミナト電装 本社", ""),
                        List.of("S-10003", "5110072007898", "東和樹脂成形株式会社", ""),
                        List.of("P13-0004", "1111111111111", "誤り番号株式会社", "JP")));

        ImportRun run = run("preview-names.xlsx", file, true);

        assertThat(run.counts()).isEqualTo(new ImportCounts(4, 1, 1, 1, 1));
        ImportRowResult added = row(run, 2);
        assertThat(added.outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(added.keyFields())
                .containsExactly(
                        new RowField("SUPPLIER_NAME", "プレビュー新規株式会社"),
                        new RowField("SUPPLIER_CODE", "P13-0001"),
                        new RowField("SUPPLIER_CORPORATE_NUMBER", fresh),
                        new RowField("SUPPLIER_COUNTRY", "JP"));
        assertThat(row(run, 3).keyField(ImportField.SUPPLIER_NAME)).contains("株式会社ミナト電装 本社");
        assertThat(row(run, 4).outcome()).isEqualTo(RowOutcome.UNCHANGED);
        assertThat(row(run, 4).keyField(ImportField.SUPPLIER_NAME)).contains("東和樹脂成形株式会社");
        ImportRowResult error = row(run, 5);
        assertThat(error.outcome()).isEqualTo(RowOutcome.ERROR);
        assertThat(error.keyField(ImportField.SUPPLIER_NAME)).contains("誤り番号株式会社");
        assertThat(error.keyField(ImportField.SUPPLIER_CODE)).contains("P13-0004");
    }

    @Test
    @WithUserDetails("procurement")
    void a_supplier_without_a_corporate_number_keeps_an_unknown_country_and_one_with_a_number_is_japanese() {
        String japanese = ImportServiceTest.corporateNumber("700000001302");
        byte[] file = ImportFixtures.xlsx(
                "Suppliers",
                false,
                List.of(
                        List.of("Supplier code", "Corporate number", "Supplier name"),
                        List.of("P13-0101", "", "Bavaria Sensor GmbH (Munich)"),
                        List.of("P13-0102", japanese, "国内テスト株式会社")));

        ImportRun preview = run("foreign.xlsx", file, true);

        assertThat(row(preview, 2).keyFields()).contains(new RowField("SUPPLIER_COUNTRY", null));
        assertThat(row(preview, 2).keyField(ImportField.SUPPLIER_NAME)).contains("Bavaria Sensor GmbH (Munich)");
        assertThat(row(preview, 3).keyField(ImportField.SUPPLIER_COUNTRY)).contains("JP");

        ImportRun applied = run("foreign.xlsx", file, false);

        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(byCode("P13-0101").country()).isNull();
        assertThat(byCode("P13-0102").country()).isEqualTo("JP");
    }

    @Test
    @WithUserDetails("procurement")
    void half_width_kana_in_names_are_made_full_width_as_search_does() {
        byte[] file = ImportFixtures.csv(
                Charset.forName("windows-31j"),
                false,
                "仕入先コード,法人番号,仕入先名,フリガナ,国",
                "P13-0201,,ｶﾌﾞｼｷｶﾞｲｼｬ ﾊﾝｶｸﾃｽﾄ㈱,ﾊﾝｶｸﾃｽﾄ,JP");

        ImportRun preview = run("hankaku.csv", file, true);

        assertThat(row(preview, 2).keyField(ImportField.SUPPLIER_NAME)).contains("カブシキガイシャ ハンカクテスト㈱");

        run("hankaku.csv", file, false);

        SupplierDetails stored = byCode("P13-0201");
        assertThat(stored.name()).isEqualTo("カブシキガイシャ ハンカクテスト㈱");
        assertThat(stored.nameKana()).isEqualTo("ハンカクテスト");
    }

    @Test
    @WithUserDetails("procurement")
    void a_preview_raises_no_alert_and_only_the_apply_tells_the_user() {
        byte[] file = ImportFixtures.utf8("取引先コード,取引先名,国", "P13-0301,通知テスト株式会社,JP");

        ImportRun preview = run("alert.csv", file, true);

        assertThat(preview.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(alerts.notifications(false, 0, 500))
                .noneMatch(n -> Long.valueOf(preview.id()).equals(n.alert().importRunId()));

        ImportRun applied = run("alert.csv", file, false);

        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(alerts.notifications(false, 0, 500))
                .anyMatch(n -> Long.valueOf(applied.id()).equals(n.alert().importRunId()));
    }
}
