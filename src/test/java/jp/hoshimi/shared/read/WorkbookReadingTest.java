package jp.hoshimi.shared.read;

import static jp.hoshimi.shared.read.Fixtures.assertRejected;
import static jp.hoshimi.shared.read.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same workbook behaviour for .xlsx (streaming reader) and .xls (HSSF event API). */
class WorkbookReadingTest {

    enum Kind {
        XLSX(XSSFWorkbook::new, SpreadsheetFormat.XLSX),
        XLS(HSSFWorkbook::new, SpreadsheetFormat.XLS);

        final Supplier<Workbook> create;
        final SpreadsheetFormat format;

        Kind(Supplier<Workbook> create, SpreadsheetFormat format) {
            this.create = create;
            this.format = format;
        }

        /** Switches the workbook to the 1904 date system (Excel for Mac's old default). */
        void useDate1904(Workbook workbook) {
            if (workbook instanceof XSSFWorkbook xssf) {
                var properties = xssf.getCTWorkbook().isSetWorkbookPr()
                        ? xssf.getCTWorkbook().getWorkbookPr()
                        : xssf.getCTWorkbook().addNewWorkbookPr();
                properties.setDate1904(true);
            } else {
                HSSFWorkbook hssf = (HSSFWorkbook) workbook;
                ((DateWindow1904Record) hssf.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
                        .setWindowing((short) 1);
            }
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cells_come_as_typed_values(Kind kind) {
        Workbook workbook = kind.create.get();
        Sheet sheet = workbook.createSheet("取引先");
        header(sheet, "会社名", "法人番号", "番号(書式)", "金額", "有効", "参照", "登録日", "更新日時", "空き", "和暦", "和暦ID");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("株式会社①㈱髙～ｱｼｽﾄ");
        row.createCell(1).setCellValue(1234567890123d);
        numberCell(row, 2, 123, style(workbook, "0000000000000"));
        numberCell(row, 3, 1234.5, style(workbook, "#,##0.00"));
        row.createCell(4).setCellValue(true);
        row.createCell(5).setCellErrorValue(FormulaError.REF.getCode());
        numberCell(row, 6, DateUtil.getExcelDate(LocalDate.of(2027, 3, 31)), style(workbook, "yyyy/mm/dd"));
        numberCell(
                row,
                7,
                DateUtil.getExcelDate(LocalDateTime.of(2027, 3, 31, 10, 15)),
                style(workbook, "yyyy/mm/dd hh:mm"));
        numberCell(
                row,
                9,
                DateUtil.getExcelDate(LocalDate.of(2019, 5, 1)),
                style(workbook, "[$-411]ggge\"年\"m\"月\"d\"日\""));
        CellStyle japaneseBuiltIn = workbook.createCellStyle();
        japaneseBuiltIn.setDataFormat((short) 31); // 'yyyy"年"m"月"d"日"' in a Japanese Excel, no format code stored
        numberCell(row, 10, DateUtil.getExcelDate(LocalDate.of(2019, 5, 1)), japaneseBuiltIn);
        Row sums = sheet.createRow(2);
        sums.createCell(0).setCellValue("0001234567890");
        sums.createCell(1).setCellValue(0.1 + 0.2);

        Fixtures.Read read = Fixtures.read(write(dir, "values." + kind.name().toLowerCase(), workbook));

        assertThat(read.result().format()).isEqualTo(kind.format);
        assertThat(read.result().sheetName()).isEqualTo("取引先");
        assertThat(read.values().get(1))
                .containsExactly(
                        new CellValue.Text("株式会社①㈱髙～ｱｼｽﾄ"),
                        new CellValue.Number(new BigDecimal("1234567890123"), "1234567890123"),
                        new CellValue.Number(new BigDecimal("123"), "0000000000123"),
                        new CellValue.Number(new BigDecimal("1234.5"), "1234.5"),
                        new CellValue.Bool(true),
                        new CellValue.Error("#REF!"),
                        new CellValue.Date(LocalDateTime.of(2027, 3, 31, 0, 0)),
                        new CellValue.Date(LocalDateTime.of(2027, 3, 31, 10, 15)),
                        new CellValue.Empty(),
                        new CellValue.Date(LocalDateTime.of(2019, 5, 1, 0, 0)),
                        new CellValue.Date(LocalDateTime.of(2019, 5, 1, 0, 0)));
        assertThat(read.cellsOf(2))
                .containsExactly(
                        "株式会社①㈱髙～ｱｼｽﾄ",
                        "1234567890123",
                        "0000000000123",
                        "1234.5",
                        "TRUE",
                        "#REF!",
                        "2027-03-31",
                        "2027-03-31T10:15:00",
                        "",
                        "2019-05-01",
                        "2019-05-01");
        assertThat(read.cellsOf(3)).containsExactly("0001234567890", "0.3");
        assertThat(read.result().date1904()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dates_honour_the_1904_date_system(Kind kind) {
        Workbook workbook = kind.create.get();
        kind.useDate1904(workbook);
        Sheet sheet = workbook.createSheet("取引先");
        header(sheet, "会社名", "有効期限");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue("A社");
        numberCell(row, 1, DateUtil.getExcelDate(LocalDate.of(2027, 3, 31), true), style(workbook, "yyyy/m/d"));

        Fixtures.Read read = Fixtures.read(write(dir, "mac." + kind.name().toLowerCase(), workbook));

        assertThat(read.result().date1904()).isTrue();
        assertThat(read.values().get(1).get(1)).isEqualTo(new CellValue.Date(LocalDateTime.of(2027, 3, 31, 0, 0)));
        assertThat(read.cellsOf(2)).containsExactly("A社", "2027-03-31");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void formulas_are_their_cached_values_never_evaluated(Kind kind) {
        Workbook workbook = kind.create.get();
        Sheet sheet = workbook.createSheet("計算");
        header(sheet, "数値", "文字", "真偽");
        Row row = sheet.createRow(1);
        Cell number = row.createCell(0);
        number.setCellFormula("1+1");
        number.setCellValue(5); // the cached value; evaluating would give 2
        Cell text = row.createCell(1);
        text.setCellFormula("\"計\"&\"算\"");
        text.setCellValue("キャッシュ");
        Cell bool = row.createCell(2);
        bool.setCellFormula("1>2");
        bool.setCellValue(true);
        assertThat(List.of(number, text, bool)).extracting(Cell::getCellType).containsOnly(CellType.FORMULA);

        Fixtures.Read read = Fixtures.read(write(dir, "formulas." + kind.name().toLowerCase(), workbook));

        assertThat(read.values().get(1))
                .containsExactly(
                        new CellValue.Number(new BigDecimal("5"), "5"),
                        new CellValue.Text("キャッシュ"),
                        new CellValue.Bool(true));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hidden_sheets_are_skipped_and_reported(Kind kind) {
        Workbook workbook = withSheets(kind, "旧データ", "古い", "取引先", "会社名", "設定", "内部", "メモ", "メモ");
        workbook.setActiveSheet(1);
        workbook.setFirstVisibleTab(1);
        workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
        workbook.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);

        Fixtures.Read read = Fixtures.read(write(dir, "hidden." + kind.name().toLowerCase(), workbook));

        assertThat(read.result().sheetName()).isEqualTo("取引先");
        assertThat(read.cellsOf(1)).containsExactly("会社名");
        assertThat(read.result().skippedSheets()).containsExactly("旧データ (hidden)", "設定 (hidden)", "メモ");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void by_name_chooses_the_visible_sheet_with_that_name_normalised(Kind kind) {
        Workbook workbook = withSheets(kind, "説明", "この表の使い方", "ｼｲﾚｻｷ", "隠れた方", "Suppliers", "会社名", "ｼｲﾚｻｷ ", "見える方");
        workbook.setSheetHidden(1, true);
        Path file = write(dir, "named." + kind.name().toLowerCase(), workbook);

        Fixtures.Read byKana = Fixtures.read(file, ReadLimits.defaults(), SheetChooser.byName(List.of("シイレサキ")));
        Fixtures.Read byLatin = Fixtures.read(file, ReadLimits.defaults(), SheetChooser.byName(List.of("SUPPLIERS")));
        Fixtures.Read noMatch = Fixtures.read(file, ReadLimits.defaults(), SheetChooser.byName(List.of("契約")));

        assertThat(byKana.cellsOf(1)).containsExactly("見える方");
        assertThat(byLatin.result().sheetName()).isEqualTo("Suppliers");
        assertThat(noMatch.result().sheetName()).isEqualTo("説明");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void no_visible_sheet_is_sheet_not_found_with_the_names(Kind kind) {
        Workbook workbook = withSheets(kind, "一覧", "会社名");
        Path file = write(dir, "one." + kind.name().toLowerCase(), workbook);

        assertRejected(
                () -> Fixtures.read(file, ReadLimits.defaults(), sheets -> Optional.empty()),
                Reason.SHEET_NOT_FOUND,
                List.of("一覧"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blank_and_missing_rows_are_skipped_with_true_row_numbers(Kind kind) {
        Workbook workbook = kind.create.get();
        Sheet sheet = workbook.createSheet("取引先");
        sheet.createRow(1).createCell(1).setCellValue("会社名");
        sheet.createRow(2).createCell(0).setCellStyle(style(workbook, "@")); // formatted but empty
        sheet.createRow(4).createCell(3).setCellValue("D5");
        sheet.createRow(5).createCell(0).setCellValue("");

        Fixtures.Read read = Fixtures.read(write(dir, "gaps." + kind.name().toLowerCase(), workbook));

        assertThat(read.rowNumbers()).containsExactly(2, 5);
        assertThat(read.values().get(0)).containsExactly(new CellValue.Empty(), new CellValue.Text("会社名"));
        assertThat(read.cellsOf(5)).containsExactly("", "", "", "D5");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sheet_without_values_has_no_header(Kind kind) {
        Workbook workbook = kind.create.get();
        workbook.createSheet("空").createRow(3).createCell(2).setCellValue("");
        Path file = write(dir, "empty." + kind.name().toLowerCase(), workbook);

        assertRejected(() -> Fixtures.read(file), Reason.NO_HEADER);
    }

    /** A workbook whose sheets each hold one header cell: name, header, name, header, … */
    private static Workbook withSheets(Kind kind, String... namesAndHeaders) {
        Workbook workbook = kind.create.get();
        for (int i = 0; i < namesAndHeaders.length; i += 2) {
            header(workbook.createSheet(namesAndHeaders[i]), namesAndHeaders[i + 1]);
        }
        return workbook;
    }

    private static void header(Sheet sheet, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    private static void numberCell(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
