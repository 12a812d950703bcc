package jp.hoshimi.subcontracting.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chain export of the contract page (issue 22): the demo chain of HMC-2026-0001 (★4, procurement's
 * unit) read back from the real CSV and .xlsx files, with the three answers in words.
 */
class ChainExportTest extends KaribuTest {

    private static final List<String> HEADER = List.of(
            "階層",
            "委託元",
            "再委託先",
            "法人番号",
            "自社の重要な機密情報を、取引先のIT環境で取り扱いますか？",
            "取引先が停止した場合、自社の事業に許容できない遅延が生じますか？（影響度・代替手段・在庫確保の難しさ）",
            "取引先の環境から自社の社内システムに接続できますか？",
            "要求レベル",
            "レベルの根拠",
            "状態");

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SubcontractingService chains;

    @Autowired
    ComplianceService compliance;

    @Autowired
    SystemAuthentication system;

    @Autowired
    Clock clock;

    private ContractDetails pressContract() {
        return system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0001"))
                .orElseThrow();
    }

    private ChainTree treeAs(String user) {
        signInAsUser(user);
        ChainTree tree = new ChainTree(chains, suppliers, compliance, pressContract(), false, clock);
        UI.getCurrent().add(tree);
        return tree;
    }

    private static List<String> rowOf(List<List<String>> rows, String supplier) {
        return rows.stream()
                .filter(row -> row.get(2).equals(supplier))
                .findFirst()
                .orElseThrow(() -> new AssertionError(supplier + " is not exported"));
    }

    @Test
    void the_csv_lists_each_sub_contractor_under_its_parent_with_the_three_answers_in_words() throws IOException {
        ChainTree tree = treeAs("procurement");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tree.export(ExportFormat.CSV, out, Locale.JAPANESE);

        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
            rows.add(record.toList());
        }
        assertThat(rows.get(0)).isEqualTo(HEADER);

        List<String> remote = rowOf(rows, "株式会社ネクストリモート");
        assertThat(remote)
                .containsExactly(
                        "2",
                        "碧海精密プレス工業株式会社",
                        "株式会社ネクストリモート",
                        remote.get(3),
                        "いいえ",
                        "はい",
                        "はい",
                        "★4 Standard",
                        "（方針）",
                        "未登録");
        // the tier-3 cloud comes right after the remote maintenance that brings it in
        List<String> cloud = rows.get(rows.indexOf(remote) + 1);
        assertThat(cloud.subList(0, 7))
                .containsExactly("3", "株式会社ネクストリモート", "みらいクラウド株式会社", cloud.get(3), "はい", "いいえ", "いいえ");
        // never asked about its stoppage: not answered, not "no", and judged as before (★3 under the policy)
        assertThat(rowOf(rows, "株式会社キタムラ熱処理").subList(4, 9)).containsExactly("いいえ", "未回答", "いいえ", "★3 Basic", "（方針）");
    }

    @Test
    void the_xlsx_has_the_same_rows_as_the_csv() throws IOException {
        ChainTree tree = treeAs("auditor");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        tree.export(ExportFormat.CSV, csv, Locale.JAPANESE);
        List<List<String>> csvRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(
                new StringReader(new String(csv.toByteArray(), StandardCharsets.UTF_8).substring(1)))) {
            csvRows.add(record.toList());
        }

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        tree.export(ExportFormat.XLSX, xlsx, Locale.JAPANESE);
        List<List<String>> sheetRows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("再委託チェーン");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < HEADER.size(); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                sheetRows.add(cells);
            }
            // the tier is a number cell, not text
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(2.0);
        }
        assertThat(sheetRows).isEqualTo(csvRows);
        assertThat(sheetRows).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void another_units_contract_cannot_be_exported() {
        ContractDetails press = pressContract();
        signInAsUser("procurement2");

        assertThatThrownBy(() -> chains.exportChain(press.id(), row -> {})).isInstanceOf(NotFoundException.class);
    }
}
