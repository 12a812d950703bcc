package jp.hoshimi.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuTest {

    /** A change from long before the demo data was loaded, so that a date filter can single it out. */
    private static final LocalDate LAST_YEAR = LocalDate.of(2025, 6, 2);

    @Autowired
    DSLContext dsl;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    private SupplierDetails before;
    private SupplierDetails after;

    @BeforeEach
    void recordAnOldContractChange() {
        before = system.callAsSystem(() -> suppliers.findByCode("S-10001")).orElseThrow();
        after = system.callAsSystem(() -> suppliers.findByCode("S-10002")).orElseThrow();
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, LocalDateTime.of(2025, 6, 2, 1, 0)) // 10:00 in Japan
                .set(AUDIT_EVENT.ACTOR, "risk")
                .set(AUDIT_EVENT.ENTITY_TYPE, "contract")
                .set(AUDIT_EVENT.ENTITY_ID, "999999")
                .set(AUDIT_EVENT.ACTION, "UPDATE")
                .set(
                        AUDIT_EVENT.BEFORE_JSON,
                        "{\"contractNumber\":\"OLD-2025-0001\",\"supplierId\":" + before.id()
                                + ",\"requiredLevel\":\"STAR3\",\"decisionChart\":{\"businessCritical\":false}}")
                .set(
                        AUDIT_EVENT.AFTER_JSON,
                        "{\"contractNumber\":\"OLD-2025-0001\",\"supplierId\":" + after.id()
                                + ",\"requiredLevel\":\"STAR4\",\"decisionChart\":{\"businessCritical\":true}}")
                .execute();
    }

    @AfterEach
    void removeIt() {
        dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_ID.eq("999999")).execute();
    }

    @Test
    void the_auditor_sees_the_changes_newest_first_and_filters_by_record_type() {
        signInAsUser("auditor");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);

        int all = _size(view.grid);
        assertThat(all).isGreaterThanOrEqualTo(80 + 9); // demo contracts and chain links
        view.entityType.setValue("contract");
        assertThat(_size(view.grid)).isBetween(80, all - 1);
        assertThat(_get(view.grid, 0).entityType()).isEqualTo("contract");
    }

    @Test
    void changes_show_field_labels_and_names_never_keys_ids_or_enum_names() {
        signInAsUser("auditor");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        view.from.setValue(LAST_YEAR);
        view.to.setValue(LAST_YEAR);

        assertThat(_size(view.grid)).isEqualTo(1);
        List<String> row = _getFormattedRow(view.grid, 0);
        assertThat(row.get(0)).isEqualTo("2025-06-02 10:00");
        assertThat(row.get(2)).isEqualTo("契約 OLD-2025-0001");
        assertThat(row.get(4))
                .contains("取引先: " + before.name() + " → " + after.name())
                .contains("要求レベル: ★3 Basic → ★4 Standard")
                .contains("判定チャート：事業継続に重要: いいえ → はい")
                .doesNotContain("supplierId", "STAR", String.valueOf(after.id()));

        // the demo's sub-contractor links: contract number and the sub-contractor by name
        view.from.clear();
        view.to.clear();
        view.entityType.setValue("subcontracting_link");
        String links = IntStream.range(0, _size(view.grid))
                .mapToObj(i -> String.join(" | ", _getFormattedRow(view.grid, i)))
                .reduce("", String::concat);
        assertThat(links)
                .contains("再委託関係 HMC-2026-0001 / ", "委託元: ", "再委託先: ")
                .doesNotContain("parentSupplierId", "childSupplierId", "contractNumber");
    }

    @Test
    void the_date_filter_narrows_the_rows_and_refuses_an_end_before_the_start() {
        signInAsUser("auditor");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        int all = _size(view.grid);

        view.to.setValue(LAST_YEAR.plusDays(1));
        assertThat(_size(view.grid)).isEqualTo(1);
        view.to.clear();
        view.from.setValue(LAST_YEAR.plusDays(1));
        assertThat(_size(view.grid)).isEqualTo(all - 1);

        view.to.setValue(LAST_YEAR);
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).contains("終了日");
        assertThat(_size(view.grid)).isEqualTo(all - 1); // the last valid filter stays
    }

    @Test
    void the_export_has_exactly_the_rows_of_the_filtered_grid() throws IOException {
        signInAsUser("auditor");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        view.entityType.setValue("subcontracting_link");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        view.export(ExportFormat.CSV, csv);
        String text = csv.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> records =
                CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();

        int rows = _size(view.grid);
        assertThat(rows).isGreaterThanOrEqualTo(9);
        assertThat(records).hasSize(rows + 1);
        assertThat(records.get(0).toList()).containsExactly("日時", "実行者", "対象", "操作", "変更内容");
        for (int i = 0; i < rows; i++) {
            assertThat(records.get(i + 1).toList()).as("row " + i).isEqualTo(_getFormattedRow(view.grid, i));
        }

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        view.export(ExportFormat.XLSX, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo(_getFormattedRow(view.grid, 0).get(2));
        }
    }
}
