package jp.hoshimi.shared.read;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Large import files for the reading test and benchmark: a header and {@code rows} supplier rows of six
 * columns (code, name, 法人番号 as a number, date, amount, flag). Public for jp.hoshimi.benchmark.
 */
public final class LargeWorkbooks {

    private static final List<String> HEADER = List.of("コード", "会社名", "法人番号", "有効期限", "金額", "有効");
    private static final LocalDate LAST_DATE = LocalDate.of(2027, 3, 31);

    private LargeWorkbooks() {}

    /** Writes the rows into {@code workbook} (SXSSF for .xlsx, HSSF for .xls) and saves it. */
    public static void write(Workbook workbook, int rows, Path file) throws IOException {
        try (workbook;
                OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
            Sheet sheet = workbook.createSheet("取引先");
            Row header = sheet.createRow(0);
            for (int column = 0; column < HEADER.size(); column++) {
                header.createCell(column).setCellValue(HEADER.get(column));
            }
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(code(i));
                row.createCell(1).setCellValue(name(i));
                row.createCell(2).setCellValue(1_000_000_000_000d + i);
                row.createCell(3).setCellValue(LAST_DATE.minusDays(rows - i));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(i * 1.5);
                row.createCell(5).setCellValue(i % 2 == 0);
            }
            workbook.write(out);
        }
    }

    /** The same rows as UTF-8 CSV. */
    public static void writeCsv(int rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER) + "\r\n");
            for (int i = 1; i <= rows; i++) {
                out.write(String.join(
                                ",",
                                code(i),
                                name(i),
                                Long.toString(1_000_000_000_000L + i),
                                LAST_DATE.minusDays(rows - i).toString(),
                                amount(i),
                                i % 2 == 0 ? "TRUE" : "FALSE")
                        + "\r\n");
            }
        }
    }

    /** The cells of the last row of a workbook written by {@link #write}. */
    static List<CellValue> lastRow(int rows) {
        return List.of(
                new CellValue.Text(code(rows)),
                new CellValue.Text(name(rows)),
                new CellValue.Number(
                        BigDecimal.valueOf(1_000_000_000_000L + rows), Long.toString(1_000_000_000_000L + rows)),
                new CellValue.Date(LAST_DATE.atStartOfDay()),
                new CellValue.Number(new BigDecimal(amount(rows)), amount(rows)),
                new CellValue.Bool(rows % 2 == 0));
    }

    /** The machine is shared: a time means little without the load it was taken under. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    private static String amount(int i) {
        return BigDecimal.valueOf(i * 1.5).stripTrailingZeros().toPlainString();
    }

    private static String code(int i) {
        return "S-%06d".formatted(i);
    }

    private static String name(int i) {
        return "株式会社テスト" + i;
    }
}
