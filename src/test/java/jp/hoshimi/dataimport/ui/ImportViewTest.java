package jp.hoshimi.dataimport.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.dataimport.ImportField;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The import screens on the shared demo database: previews only (a preview never writes master data). */
class ImportViewTest extends KaribuTest {

    @Autowired
    ImportService imports;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    private ImportRunView upload(String fileName, String... lines) {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        long id = view.startImport(ImportKind.SUPPLIERS, fileName, new ByteArrayInputStream(csv));
        imports.await(id, Duration.ofSeconds(60));
        UI.getCurrent().navigate(ImportRunView.class, id);
        ImportRunView run = _get(ImportRunView.class);
        run.refresh();
        return run;
    }

    @Test
    void a_clean_file_shows_its_preview_and_can_be_applied_or_discarded() {
        signInAsUser("procurement");
        ImportRunView view =
                upload("preview.csv", "取引先コード,法人番号,取引先名", "K-0001,,カリブ検証株式会社", "S-10003,5110072007898,東和樹脂成形株式会社");

        assertThat(view.status.getElement().getAttribute("data-status")).isEqualTo("PREVIEWED");
        assertThat(view.status.getElement().getText()
                        + _get(
                                        view.status,
                                        com.vaadin.flow.component.html.Span.class,
                                        spec -> spec.withId("import-status-text"))
                                .getText())
                .contains("新規 1、変更 0、変更なし 1");
        assertThat(view.apply.isVisible()).isTrue();
        assertThat(view.apply.isEnabled()).isTrue();
        assertThat(view.apply.getText()).isEqualTo("反映する（新規 1・変更 0）");
        assertThat(view.errorReport.isVisible()).isFalse();
        assertThat(view.rows.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>()))
                .isEqualTo(2);

        view.discard.click();
        assertThat(system.callAsSystem(() -> suppliers.findByCode("K-0001"))).isEmpty();
    }

    @Test
    void rows_with_errors_block_apply_and_offer_the_error_report() {
        signInAsUser("procurement");
        ImportRunView view = upload("errors.csv", "取引先名,法人番号", "誤り株式会社,1111111111111");

        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(view.errorReport.isVisible()).isTrue();
        assertThat(_get(
                                view.status,
                                com.vaadin.flow.component.html.Span.class,
                                spec -> spec.withId("import-status-text"))
                        .getText())
                .contains("1 行にエラーがあります");
        assertThat(view.outcomeTabs.getSelectedTab().getLabel()).startsWith("エラー");
    }

    @Test
    void unknown_headers_open_the_column_choice_and_a_choice_checks_again() {
        signInAsUser("procurement");
        ImportRunView view = upload("odd.csv", "会社の名前,その他", "列選択株式会社,x");

        assertThat(view.status.getElement().getAttribute("data-status")).isEqualTo(ImportStatus.NEEDS_MAPPING.name());
        assertThat(view.mappingPanel.isOpened()).isTrue();
        assertThat(view.columnChoices.get(ImportField.SUPPLIER_NAME).isInvalid())
                .isTrue();

        view.columnChoices.get(ImportField.SUPPLIER_NAME).setValue(0);
        view.recheck();
        long id = Long.parseLong(UI.getCurrent()
                .getInternals()
                .getActiveViewLocation()
                .getSegments()
                .get(2));
        imports.await(id, Duration.ofSeconds(60));
        view.refresh();

        assertThat(view.status.getElement().getAttribute("data-status")).isEqualTo("PREVIEWED");
        assertThat(view.apply.isEnabled()).isTrue();
    }

    @Test
    void an_auditor_sees_the_history_but_no_upload() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = _get(ImportView.class);

        assertThat(view.upload.isAttached()).isFalse();
        assertThat(view.history.isAttached()).isTrue();
        assertThat(view.history.getEmptyStateText()).isEqualTo("取り込みはまだありません。");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("import-read-only"))
                        .getText())
                .isEqualTo("監査担当は取り込みできません（閲覧専用のロールです）。下は他の担当者が実行した取り込みの履歴です。開くと各行を確認できます。");
    }

    @Test
    void a_preview_row_names_its_supplier_and_shows_an_unknown_country_as_unknown() {
        signInAsUser("procurement");
        ImportRunView view = upload("foreign.csv", "取引先コード,取引先名", "K13-0001,Bavaria Sensor GmbH (Munich)");

        var cell = (RowRecord) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(view.rows, 0, "record");

        assertThat(cell.getElement().getTextRecursively())
                .contains("Bavaria Sensor GmbH (Munich)")
                .contains("取引先コード K13-0001")
                .contains("国 不明")
                .doesNotContain("JP");
    }
}
