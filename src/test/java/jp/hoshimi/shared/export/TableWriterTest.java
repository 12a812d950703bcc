package jp.hoshimi.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableWriterTest {

    @ParameterizedTest(name = "[{0}] becomes [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=HYPERLINK(\"http://evil\")|'=HYPERLINK(\"http://evil\")",
                "+81-3-1234|'+81-3-1234",
                "-2+3|'-2+3",
                "@SUM(A1)|'@SUM(A1)",
                "株式会社ミナト電装|株式会社ミナト電装",
                "a=b|a=b",
                "'already|'already",
                "1234567890123|1234567890123"
            })
    void a_text_cell_that_would_start_a_formula_gets_an_apostrophe(String value, String expected) {
        assertThat(CellText.neutralise(value)).isEqualTo(expected);
    }

    @Test
    void a_tab_or_carriage_return_at_the_start_is_neutralised_too_and_empty_stays_empty() {
        assertThat(CellText.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CellText.neutralise("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CellText.neutralise("")).isEmpty();
        assertThat(CellText.neutralise(null)).isNull();
    }

    @Test
    void csv_starts_with_a_byte_order_mark_uses_crlf_and_neutralises_only_text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.open(ExportFormat.CSV, out, "ignored")) {
            table.row("取引先名", "件数", "期限");
            table.row("=cmd|' /C calc'!A0", -5, LocalDate.of(2027, 3, 31));
            table.row("株式会社\"引用\"", null, null);
        }
        byte[] bytes = out.toByteArray();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("取引先名,件数,期限\r\n'=cmd|' /C calc'!A0,-5,2027-03-31\r\n\"株式会社\"\"引用\"\"\",,\r\n");
    }

    @Test
    void xlsx_keeps_text_exactly_as_text_cells_and_dates_as_dates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.open(ExportFormat.XLSX, out, "契約")) {
            table.row("契約番号", "期限", "件数");
            for (int i = 0; i < 500; i++) {
                table.row("=1+" + i, LocalDate.of(2027, 1, 1).plusDays(i), i);
            }
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheet("契約");
            assertThat(sheet.getLastRowNum()).isEqualTo(500);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+0");
            assertThat(sheet.getRow(500).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2027, 1, 1).plusDays(499));
            assertThat(sheet.getRow(500).getCell(2).getNumericCellValue()).isEqualTo(499);
        }
    }
}
