package jp.hoshimi.dataimport.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 rows read as a stream; prints the time taken (recorded in docs/benchmarks.md, "Spreadsheet
 * reading"), asserts only on the data.
 */
class LargeXlsxReadingTest {

    private static final int DATA_ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void hundred_thousand_rows_stream_through_to_the_last_one() throws IOException {
        Path file = dir.resolve("100k.xlsx");
        long writeStart = System.nanoTime();
        write(file);
        long writeMillis = (System.nanoTime() - writeStart) / 1_000_000;

        AtomicReference<List<CellValue>> last = new AtomicReference<>();
        int[] lastRowNumber = {0};
        long start = System.nanoTime();
        ReadResult result = new SpreadsheetReader(ReadLimits.defaults())
                .read(file, SheetChooser.firstVisible(), (rowNumber, cells) -> {
                    lastRowNumber[0] = rowNumber;
                    last.set(cells);
                });
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(
                "Spreadsheet reading: %,d rows x 6 columns, %,d bytes .xlsx (written in %,d ms): read in %,d ms,"
                        + " %,d rows/s, max heap %d MB, load average %s%n",
                result.rowCount(),
                Files.size(file),
                writeMillis,
                millis,
                result.rowCount() * 1000L / Math.max(millis, 1),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                loadAverage());
        assertThat(result.rowCount()).isEqualTo(DATA_ROWS + 1);
        assertThat(lastRowNumber[0]).isEqualTo(DATA_ROWS + 1);
        assertThat(last.get())
                .containsExactly(
                        new CellValue.Text("S-100000"),
                        new CellValue.Text("株式会社テスト100000"),
                        new CellValue.Number(new BigDecimal("1000000100000"), "1000000100000"),
                        new CellValue.Date(LocalDateTime.of(2027, 3, 31, 0, 0)),
                        new CellValue.Number(new BigDecimal("150000"), "150000"),
                        new CellValue.Bool(true));
    }

    /** The machine is shared: the figure means little without the load it was taken under. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    private static void write(Path file) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
            Sheet sheet = workbook.createSheet("取引先");
            Row header = sheet.createRow(0);
            List<String> names = List.of("コード", "会社名", "法人番号", "有効期限", "金額", "有効");
            for (int column = 0; column < names.size(); column++) {
                header.createCell(column).setCellValue(names.get(column));
            }
            LocalDate start = LocalDate.of(2027, 3, 31).minusDays(DATA_ROWS);
            for (int i = 1; i <= DATA_ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("S-%06d".formatted(i));
                row.createCell(1).setCellValue("株式会社テスト" + i);
                row.createCell(2).setCellValue(1_000_000_000_000d + i);
                row.createCell(3).setCellValue(start.plusDays(i));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(i * 1.5);
                row.createCell(5).setCellValue(i % 2 == 0);
            }
            workbook.write(out);
        }
    }
}
