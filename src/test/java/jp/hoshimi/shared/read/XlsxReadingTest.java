package jp.hoshimi.shared.read;

import static jp.hoshimi.shared.read.Fixtures.assertRejected;
import static jp.hoshimi.shared.read.Fixtures.rejection;
import static jp.hoshimi.shared.read.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only .xlsx has: Strict OOXML, XML inside a zip, and zip bombs. */
class XlsxReadingTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @TempDir
    Path dir;

    @Test
    void strict_ooxml_is_detected_and_read_with_its_1904_dates() {
        String strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
        String strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
        double deadline = DateUtil.getExcelDate(LocalDate.of(2027, 3, 31), true);
        Path file = write(
                dir,
                "strict.xlsx",
                Fixtures.zip(
                        "[Content_Types].xml",
                        """
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Default Extension="xml" ContentType="application/xml"/>
                        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                        </Types>""",
                        "_rels/.rels",
                        relationships("rId1", strictRelationships + "/officeDocument", "xl/workbook.xml"),
                        "xl/workbook.xml",
                        "<workbook xmlns=\"" + strictMain + "\" xmlns:r=\"" + strictRelationships + "\">"
                                + "<workbookPr date1904=\"1\"/><sheets><sheet name=\"取引先\" sheetId=\"1\" r:id=\"rId1\"/>"
                                + "</sheets></workbook>",
                        "xl/_rels/workbook.xml.rels",
                        relationships(
                                "rId1",
                                strictRelationships + "/worksheet",
                                "worksheets/sheet1.xml",
                                "rId2",
                                strictRelationships + "/styles",
                                "styles.xml",
                                "rId3",
                                strictRelationships + "/sharedStrings",
                                "sharedStrings.xml"),
                        "xl/styles.xml",
                        "<styleSheet xmlns=\"" + strictMain + "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                                + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
                        "xl/sharedStrings.xml",
                        "<sst xmlns=\"" + strictMain + "\" count=\"2\" uniqueCount=\"2\">"
                                + "<si><t>会社名</t></si><si><t>有効期限</t></si></sst>",
                        SHEET,
                        "<worksheet xmlns=\"" + strictMain + "\"><sheetData>"
                                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                                + "<c r=\"C1\" t=\"inlineStr\"><is><t>法人番号</t></is></c></row>"
                                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A社</t></is></c>"
                                + "<c r=\"B2\" s=\"1\"><v>" + deadline + "</v></c>"
                                + "<c r=\"C2\"><v>1234567890123</v></c></row>"
                                + "</sheetData></worksheet>"));

        Fixtures.Read read = Fixtures.read(file);

        assertThat(SpreadsheetReader.detect(file)).isEqualTo(SpreadsheetFormat.XLSX_STRICT);
        assertThat(read.result().format()).isEqualTo(SpreadsheetFormat.XLSX_STRICT);
        assertThat(read.result().date1904()).isTrue();
        assertThat(read.cellsOf(1)).containsExactly("会社名", "有効期限", "法人番号");
        assertThat(read.values().get(1))
                .containsExactly(
                        new CellValue.Text("A社"),
                        new CellValue.Date(LocalDateTime.of(2027, 3, 31, 0, 0)),
                        new CellValue.Number(new BigDecimal("1234567890123"), "1234567890123"));
    }

    @Test
    void formula_with_a_cached_error_is_the_error() {
        Path file = withSheetXml(
                "errors.xlsx",
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>参照</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"e\"><f>VLOOKUP(1,Z:Z,2,FALSE)</f><v>#N/A</v></c></row>");

        assertThat(Fixtures.read(file).values().get(1)).containsExactly(new CellValue.Error("#N/A"));
    }

    @Test
    void entities_declared_in_a_sheet_are_never_expanded() {
        String laughs = "<!DOCTYPE worksheet [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        Path file = withSheetXml(
                "entities.xlsx", laughs, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&d;</t></is></c></row>");

        // POI's StAX parser does not read the DTD, so "&d;" is an undeclared entity: the sheet is refused.
        ImportRejectedException rejected = rejection(() -> Fixtures.read(file));

        assertThat(rejected.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(rejected.getCause()).hasStackTraceContaining("\"d\" was referenced, but not declared");
    }

    @Test
    void sheet_expanding_a_thousandfold_is_a_zip_bomb_rejected_from_the_directory() {
        Path file = zipBomb("bomb.xlsx");

        assertRejected(() -> SpreadsheetReader.detect(file), Reason.ZIP_BOMB);
        assertRejected(() -> Fixtures.read(file), Reason.ZIP_BOMB);
    }

    @Test
    void zip_bomb_whose_directory_lies_is_stopped_while_inflating() throws IOException {
        Path file = zipBomb("liar.xlsx");
        lieAboutUncompressedSize(file, SHEET, 1000);

        assertThat(SpreadsheetReader.detect(file)).isEqualTo(SpreadsheetFormat.XLSX);
        ImportRejectedException rejected = rejection(() -> Fixtures.read(file));

        assertThat(rejected.reason()).isEqualTo(Reason.ZIP_BOMB);
    }

    /** An .xlsx whose sheet is 128 MB of spaces between two rows; it deflates about 1000:1. */
    private Path zipBomb(String name) {
        return replaceSheet(name, out -> {
            out.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>会社名</t></is></c></row>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 128; i++) {
                out.write(spaces);
            }
            out.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A社</t></is></c></row></sheetData></worksheet>"
                    .getBytes(StandardCharsets.UTF_8));
        });
    }

    private Path withSheetXml(String name, String rows) {
        return withSheetXml(name, "", rows);
    }

    private Path withSheetXml(String name, String prolog, String rows) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + "<worksheet xmlns=\"" + MAIN
                + "\"><sheetData>" + rows + "</sheetData></worksheet>";
        return replaceSheet(name, out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A real .xlsx written by POI with its only sheet's XML replaced. */
    private Path replaceSheet(String name, Fixtures.EntryWriter sheetXml) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("取引先").createRow(0).createCell(0).setCellValue("置き換え前");
        Path original = write(dir, "original-" + name, workbook);
        return Fixtures.replaceEntry(original, dir.resolve(name), SHEET, sheetXml);
    }

    private static String relationships(String... idTypeTarget) {
        StringBuilder xml = new StringBuilder(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < idTypeTarget.length; i += 3) {
            xml.append("<Relationship Id=\"%s\" Type=\"%s\" Target=\"%s\"/>"
                    .formatted(idTypeTarget[i], idTypeTarget[i + 1], idTypeTarget[i + 2]));
        }
        return xml.append("</Relationships>").toString();
    }

    /** Overwrites the uncompressed size of {@code entryName} in the zip's central directory. */
    private static void lieAboutUncompressedSize(Path zip, String entryName, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50
                    && buffer.getShort(i + 28) == name.length
                    && Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                buffer.putInt(i + 24, size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory entry " + entryName);
    }
}
