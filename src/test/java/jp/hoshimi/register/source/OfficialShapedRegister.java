package jp.hoshimi.register.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A register in a plausible official shape, made from the same data as a default-format CSV: a title block,
 * Japanese headers, ★ levels, Japanese statuses and 令和 dates, as CP932 CSV, an .xlsx download or JSON. The
 * mapping that reads it is {@link #mapping()}.
 */
public final class OfficialShapedRegister {

    public static final List<String> HEADER = List.of("法人番号", "事業者名", "段階", "登録日", "有効期限", "状態", "対象範囲", "評価機関");
    public static final Charset CP932 = Charset.forName("windows-31j");
    private static final DateTimeFormatter ERA =
            DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN).withChronology(JapaneseChronology.INSTANCE);
    private static final Map<String, String> LEVELS = Map.of("STAR3", "★3", "STAR4", "★4", "STAR5", "★5");
    private static final Map<String, String> STATUSES =
            Map.of("ACTIVE", "有効", "SUSPENDED", "一時停止", "REVOKED", "取消", "EXPIRED", "失効");

    private OfficialShapedRegister() {}

    /** The mapping an administrator would type for this shape (CP932 for the CSV). */
    public static FieldMapping mapping() {
        return FieldMapping.builder()
                .corporateNumber("法人番号")
                .name("事業者名")
                .level("段階")
                .registeredOn("登録日")
                .validUntil("有効期限")
                .status("状態")
                .scope("対象範囲")
                .assessmentBody("評価機関")
                .entriesPath("data.items")
                .levelValues(Map.of("★3", "STAR3", "★4", "STAR4", "★5", "STAR5", "Basic", "STAR3"))
                .statusValues(Map.of("有効", "ACTIVE", "一時停止", "SUSPENDED", "取消", "REVOKED", "失効", "EXPIRED"))
                .datePattern(FieldMapping.JAPANESE_ERA_DATES)
                .encoding(FieldMapping.WINDOWS_31J)
                .build();
    }

    /** The default-format CSV lines (header first) as rows of the official shape, header included. */
    public static List<List<String>> rows(List<String> defaultCsv) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (String line : defaultCsv.subList(1, defaultCsv.size())) {
            String[] f = line.split(",", -1);
            rows.add(List.of(f[0], f[1], LEVELS.get(f[2]), era(f[3]), era(f[4]), STATUSES.get(f[5]), f[6], f[7]));
        }
        return rows;
    }

    private static String era(String iso) {
        return iso.isEmpty() ? "" : ERA.format(JapaneseDate.from(LocalDate.parse(iso)));
    }

    /** CP932 CSV with a two-line title block and a blank line above the header. */
    public static Path csv(Path file, List<String> defaultCsv) {
        StringBuilder text = new StringBuilder("サプライチェーン・セキュリティ対策評価制度 登録事業者一覧\r\n令和8年12月1日現在,,\r\n\r\n");
        for (List<String> row : rows(defaultCsv)) {
            text.append(String.join(",", row)).append("\r\n");
        }
        try {
            return Files.write(file, text.toString().getBytes(CP932));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An .xlsx download: a title row, then the table; registration dates as real date cells (Excel's own dates),
     * validity as 令和 text, 法人番号 as numbers (as Excel makes of them).
     */
    public static Path xlsx(Path file, List<String> defaultCsv) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("登録一覧");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            sheet.createRow(0).createCell(0).setCellValue("登録事業者一覧（令和8年12月1日現在）");
            List<List<String>> rows = rows(defaultCsv);
            List<String> iso = defaultCsv;
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String value = values.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (r > 0 && c == 0) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else if (r > 0 && c == 3) {
                        var cell = row.createCell(c);
                        cell.setCellValue(LocalDate.parse(iso.get(r).split(",", -1)[3]));
                        cell.setCellStyle(dateStyle);
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 JSON with the entries under data.items, Japanese keys. */
    public static Path json(Path file, List<String> defaultCsv) {
        List<Map<String, String>> items = new ArrayList<>();
        List<List<String>> rows = rows(defaultCsv);
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> item = new LinkedHashMap<>();
            for (int c = 0; c < HEADER.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    item.put(HEADER.get(c), row.get(c));
                }
            }
            items.add(item);
        }
        try {
            new ObjectMapper().writeValue(file.toFile(), Map.of("data", Map.of("items", items)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a default-format CSV file. */
    public static List<String> lines(Path defaultCsv) {
        try {
            return Files.readAllLines(defaultCsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
