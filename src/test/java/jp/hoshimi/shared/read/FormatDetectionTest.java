package jp.hoshimi.shared.read;

import static jp.hoshimi.shared.read.Fixtures.assertRejected;
import static jp.hoshimi.shared.read.Fixtures.ole2;
import static jp.hoshimi.shared.read.Fixtures.rejection;
import static jp.hoshimi.shared.read.Fixtures.utf8;
import static jp.hoshimi.shared.read.Fixtures.write;
import static jp.hoshimi.shared.read.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Detection by content: whatever the file is called, it is what its bytes say. */
class FormatDetectionTest {

    @TempDir
    Path dir;

    static Stream<Arguments> not_spreadsheets() {
        return Stream.of(
                Arguments.of("PDF", utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")),
                Arguments.of("PNG image", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D)),
                Arguments.of("JPEG image", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0)),
                Arguments.of("GIF image", utf8("GIF89a\u0001\u0000\u0001\u0000")),
                Arguments.of("HTML", utf8("\n  <!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>")),
                Arguments.of("HTML", utf8("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><table>")),
                Arguments.of("RTF", utf8("{\\rtf1\\ansi\\deff0 {\\fonttbl}}")),
                Arguments.of(
                        "Excel 2003 XML",
                        utf8(
                                "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">")),
                Arguments.of("binary file", bytes(0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00)),
                Arguments.of(
                        "Word document",
                        zip(
                                "[Content_Types].xml",
                                "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                                "word/document.xml",
                                "<w:document/>")),
                Arguments.of(
                        "PowerPoint presentation",
                        zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p:presentation/>")),
                Arguments.of("OpenDocument document", zip("mimetype", "application/vnd.oasis.opendocument.text")),
                Arguments.of("ZIP archive", zip("readme.txt", "hello")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void not_spreadsheets(String kind, byte[] content) {
        Path file = write(dir, "upload.xlsx", content);

        ImportRejectedException rejected =
                assertRejected(() -> SpreadsheetReader.detect(file), Reason.NOT_A_SPREADSHEET, kind);

        assertThat(rejected.code()).isEqualTo("import.rejected.not-a-spreadsheet");
    }

    @Test
    void renamed_pdf_is_rejected_by_read_as_well() {
        Path file = write(dir, "suppliers.xlsx", utf8("%PDF-1.7\n"));

        assertRejected(() -> Fixtures.read(file), Reason.NOT_A_SPREADSHEET, "PDF");
    }

    @Test
    void workbook_formats_are_told_by_content_not_name() throws IOException {
        Path xlsx = write(dir, "really-xlsx.csv", new XSSFWorkbook());
        Path xls = write(dir, "really-xls.xlsx", withSheet(new HSSFWorkbook()));
        Path csv = write(dir, "really-csv.xls", utf8("a\tb\n1\t2\n"));

        assertThat(SpreadsheetReader.detect(xlsx)).isEqualTo(SpreadsheetFormat.XLSX);
        assertThat(SpreadsheetReader.detect(xls)).isEqualTo(SpreadsheetFormat.XLS);
        assertThat(SpreadsheetReader.detect(csv)).isEqualTo(SpreadsheetFormat.CSV);
    }

    @Test
    void xlsb_shaped_zip_is_xlsb() {
        Path file = write(
                dir,
                "book.xlsx",
                zip(
                        "[Content_Types].xml",
                        "<Types><Override PartName=\"/xl/workbook.bin\" ContentType=\"application/"
                                + "vnd.ms-excel.sheet.binary.macroEnabled.main\"/></Types>",
                        "xl/workbook.bin",
                        "\u0083\u0001"));

        assertThat(rejection(() -> SpreadsheetReader.detect(file)).reason()).isEqualTo(Reason.XLSB);
    }

    @Test
    void ods_shaped_zip_is_ods() {
        Path file = write(
                dir,
                "book.xlsx",
                zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document/>"));

        ImportRejectedException rejected = rejection(() -> SpreadsheetReader.detect(file));

        assertThat(rejected.reason()).isEqualTo(Reason.ODS);
        assertThat(rejected.code()).isEqualTo("import.rejected.ods");
    }

    @Test
    void password_protected_xlsx_is_encrypted() throws Exception {
        Path file = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem();
                XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("取引先").createRow(0).createCell(0).setCellValue("会社名");
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("himitsu");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertRejected(() -> SpreadsheetReader.detect(file), Reason.ENCRYPTED, "xlsx");
        assertRejected(() -> Fixtures.read(file), Reason.ENCRYPTED, "xlsx");
    }

    @Test
    void password_protected_xls_is_encrypted() {
        Path file = encryptedXls("secret.xls", "himitsu");

        assertRejected(() -> Fixtures.read(file), Reason.ENCRYPTED, "xls");
    }

    @Test
    void xls_encrypted_with_excels_default_password_opens_like_in_excel() {
        // Excel itself writes "VelvetSweatshop" for write-protected workbooks and opens them without asking.
        Path file = encryptedXls("write-protected.xls", "VelvetSweatshop");

        Fixtures.Read read = Fixtures.read(file);

        assertThat(read.result().format()).isEqualTo(SpreadsheetFormat.XLS);
        assertThat(read.cellsOf(1)).containsExactly("会社名");
    }

    @Test
    void excel_95_workbook_in_ole2_is_too_old() {
        // BIFF5 BOF (version 0x0500, workbook globals) and EOF, in a "Book" stream as Excel 5.0/95 wrote it.
        byte[] biff5 = bytes(0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0, 0x0A, 0x00, 0x00, 0x00);
        Path file = write(dir, "excel95.xls", ole2("Book", biff5));

        ImportRejectedException rejected =
                assertRejected(() -> SpreadsheetReader.detect(file), Reason.EXCEL_95_OR_OLDER, "BIFF5");

        assertThat(rejected.code()).isEqualTo("import.rejected.excel-95-or-older");
    }

    @Test
    void raw_biff4_worksheet_is_too_old() {
        // BIFF4 BOF record at offset 0: id 0x0409, length 6, version, type 0x0010 (worksheet)
        Path file = write(dir, "excel4.xls", bytes(0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00));

        assertRejected(() -> SpreadsheetReader.detect(file), Reason.EXCEL_95_OR_OLDER, "BIFF4");
    }

    @Test
    void word_97_document_is_not_a_spreadsheet() {
        Path file = write(dir, "letter.xls", ole2("WordDocument", new byte[64]));

        assertRejected(() -> SpreadsheetReader.detect(file), Reason.NOT_A_SPREADSHEET, "Word 97-2003 document");
    }

    @Test
    void truncated_xlsx_is_corrupt() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        for (int i = 0; i < 200; i++) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("row " + i);
        }
        byte[] whole = Files.readAllBytes(write(dir, "whole.xlsx", workbook));
        Path file = write(dir, "cut.xlsx", Arrays.copyOf(whole, whole.length / 2));

        ImportRejectedException rejected = rejection(() -> Fixtures.read(file));

        assertThat(rejected.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(rejected.getCause()).isNotNull();
    }

    @Test
    void garbage_after_an_ole2_signature_is_corrupt() {
        byte[] content = new byte[2048];
        System.arraycopy(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), 0, content, 0, 8);
        Arrays.fill(content, 8, content.length, (byte) 0x7F);
        Path file = write(dir, "broken.xls", content);

        assertThat(rejection(() -> SpreadsheetReader.detect(file)).reason()).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void empty_file_is_empty() {
        Path file = write(dir, "empty.csv", new byte[0]);

        assertThat(rejection(() -> SpreadsheetReader.detect(file)).reason()).isEqualTo(Reason.EMPTY_FILE);
        assertThat(rejection(() -> Fixtures.read(file)).code()).isEqualTo("import.rejected.empty-file");
    }

    @Test
    void text_is_csv_whatever_its_encoding() {
        Path sjis = write(dir, "a.txt", "会社名,住所".getBytes(CsvSheetReader.WINDOWS_31J));
        Path utf16 = write(dir, "b.txt", "\uFEFF会社名\t住所".getBytes(StandardCharsets.UTF_16LE));

        assertThat(SpreadsheetReader.detect(sjis)).isEqualTo(SpreadsheetFormat.CSV);
        assertThat(SpreadsheetReader.detect(utf16)).isEqualTo(SpreadsheetFormat.CSV);
    }

    private Path encryptedXls(String name, String password) {
        HSSFWorkbook workbook = withSheet(new HSSFWorkbook());
        Biff8EncryptionKey.setCurrentUserPassword(password);
        try {
            return write(dir, name, workbook);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static <W extends Workbook> W withSheet(W workbook) {
        workbook.createSheet("取引先").createRow(0).createCell(0).setCellValue("会社名");
        return workbook;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
