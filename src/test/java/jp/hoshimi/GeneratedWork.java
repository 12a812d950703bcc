package jp.hoshimi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.CorporateNumber;

/** Work for the tests with several app nodes: a supplier file and a register feed of many made-up companies. */
final class GeneratedWork {

    static final Path DEMO_FEED = Path.of("sample-data", "register-star.csv");

    private GeneratedWork() {}

    /** A supplier import file: {@code rows} new suppliers, every one with the register entry of number {@code i*10}. */
    static byte[] supplierFile(String codePrefix, int rows) {
        StringBuilder csv = new StringBuilder("取引先名,法人番号,取引先コード\n");
        for (int i = 0; i < rows; i++) {
            csv.append("生成試験工業株式会社")
                    .append(i)
                    .append(',')
                    .append(corporateNumber(i * 10))
                    .append(',')
                    .append(codePrefix)
                    .append(i)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same supplier file as a real .xlsx workbook: {@code rows} new suppliers, the first with the register entry
     * of number {@code firstEntry}, the next of {@code firstEntry + 1} and so on.
     */
    static byte[] supplierWorkbook(String codePrefix, int rows, int firstEntry) {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("取引先");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("取引先名");
            header.createCell(1).setCellValue("法人番号");
            header.createCell(2).setCellValue("取引先コード");
            for (int i = 0; i < rows; i++) {
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("生成試験工業株式会社" + (firstEntry + i));
                row.createCell(1).setCellValue(corporateNumber(firstEntry + i));
                row.createCell(2).setCellValue(codePrefix + i);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Writes the demo ★ register and {@code generated} more entries to {@code feed}; with {@code downgrade} every
     * demo ★4 is down to ★3 (the contracts that require ★4 fail: alerts to send).
     */
    static void registerFeed(Path feed, int generated, boolean downgrade) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(DEMO_FEED).stream()
                .map(line -> downgrade ? line.replace(",STAR4,", ",STAR3,") : line)
                .toList());
        for (int i = 0; i < generated; i++) {
            lines.add(corporateNumber(i) + ",生成試験工業株式会社" + i + "," + (i % 2 == 0 ? "STAR3" : "STAR4")
                    + ",2026-04-01,2027-03-31,ACTIVE,全社,");
        }
        Files.createDirectories(feed.toAbsolutePath().getParent());
        Files.write(feed, lines);
    }

    static String corporateNumber(int i) {
        return CorporateNumber.withCheckDigit("9" + String.format("%011d", i));
    }
}
