package jp.hoshimi.shared.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * Tells the format from the bytes: the first few KB, the zip directory plus three small parts, or the OLE2
 * directory plus the first records of its Workbook stream. Never the file name.
 */
final class FormatDetector {

    static final int HEAD_BYTES = 8192;
    private static final int TEXT_CHECK_BYTES = 1024;
    private static final int SMALL_PART_BYTES = 256 * 1024;

    private static final String STRICT_OFFICE_DOCUMENT =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private static final int BIFF_BOF = 0x0809;
    private static final int BIFF8_VERSION = 0x0600;
    private static final int BIFF_FILEPASS = 0x002F;

    private FormatDetector() {}

    static SpreadsheetFormat detect(Path file) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new ImportRejectedException(Reason.EMPTY_FILE);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2(file);
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return zip(file);
        }
        String oldBiff = rawBiffVersion(head);
        if (oldBiff != null) {
            throw new ImportRejectedException(Reason.EXCEL_95_OR_OLDER, oldBiff);
        }
        String kind = otherKind(head);
        if (kind != null) {
            throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, kind);
        }
        return SpreadsheetFormat.CSV;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BIFF2–BIFF5 written without an OLE2 container start with a BOF record at offset 0. */
    private static String rawBiffVersion(byte[] head) {
        if (head.length < 8 || head[0] != 0x09) {
            return null;
        }
        int length = LittleEndian.getUShort(head, 2);
        String version = switch (head[1]) {
            case 0x00 -> "BIFF2";
            case 0x02 -> "BIFF3";
            case 0x04 -> "BIFF4";
            case 0x08 -> "BIFF5";
            default -> null;
        };
        return version != null && length >= 4 && length <= 20 ? version : null;
    }

    /** Known non-spreadsheet kinds, binary data, or null for text (CSV). */
    private static String otherKind(byte[] head) {
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return "PDF";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "GIF image";
        }
        if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
            return "RTF";
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return null; // UTF-16 text with a byte-order mark ("Unicode text" from Excel)
        }
        for (int i = 0; i < Math.min(head.length, TEXT_CHECK_BYTES); i++) {
            if (head[i] == 0) {
                return "binary file";
            }
        }
        String start = new String(head, StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml")) {
            if (start.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
                return "Excel 2003 XML";
            }
            return start.contains("<html") ? "HTML" : "XML";
        }
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")) {
            return "HTML";
        }
        return null;
    }

    private static SpreadsheetFormat zip(Path file) {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            Map<String, ZipArchiveEntry> entries = new HashMap<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                checkInflation(entry);
                entries.put(entry.getName().toLowerCase(Locale.ROOT), entry);
            }
            String mimetype = part(zip, entries.get("mimetype"));
            if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
                throw new ImportRejectedException(Reason.ODS);
            }
            if (mimetype.startsWith("application/vnd.oasis.opendocument.")) {
                throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "OpenDocument document");
            }
            String contentTypes = part(zip, entries.get("[content_types].xml"));
            if (entries.containsKey("xl/workbook.bin")
                    || contentTypes.contains("application/vnd.ms-excel.sheet.binary.macroEnabled.main")) {
                throw new ImportRejectedException(Reason.XLSB);
            }
            if (entries.containsKey("xl/workbook.xml") || isSpreadsheetML(contentTypes)) {
                if (contentTypes.isEmpty()) {
                    throw new ImportRejectedException(Reason.CORRUPT);
                }
                return part(zip, entries.get("_rels/.rels")).contains(STRICT_OFFICE_DOCUMENT)
                        ? SpreadsheetFormat.XLSX_STRICT
                        : SpreadsheetFormat.XLSX;
            }
            if (entries.containsKey("word/document.xml") || contentTypes.contains("wordprocessingml")) {
                throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "Word document");
            }
            if (entries.containsKey("ppt/presentation.xml") || contentTypes.contains("presentationml")) {
                throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "PowerPoint presentation");
            }
            throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "ZIP archive");
        } catch (IOException | RuntimeException e) {
            throw Failures.translate(e, 0);
        }
    }

    private static boolean isSpreadsheetML(String contentTypes) {
        return contentTypes.contains("spreadsheetml.sheet.main+xml")
                || contentTypes.contains("spreadsheetml.template.main+xml")
                || contentTypes.contains("ms-excel.sheet.macroEnabled.main+xml")
                || contentTypes.contains("ms-excel.template.macroEnabled.main+xml");
    }

    /** The zip directory's own sizes, checked against POI's limits before anything is inflated. */
    private static void checkInflation(ZipArchiveEntry entry) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size > ZipSecureFile.getMaxEntrySize()) {
            throw new ImportRejectedException(Reason.ZIP_BOMB);
        }
        if (size > ZipSecureFile.getGraceEntrySize()
                && compressed >= 0
                && (double) compressed / size < ZipSecureFile.getMinInflateRatio()) {
            throw new ImportRejectedException(Reason.ZIP_BOMB);
        }
    }

    /** A small part as text (first 256 KB at most), or "" if the part is missing. */
    private static String part(ZipSecureFile zip, ZipArchiveEntry entry) throws IOException {
        if (entry == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(SMALL_PART_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static SpreadsheetFormat ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new ImportRejectedException(Reason.ENCRYPTED, "xlsx");
            }
            if (root.hasEntryCaseInsensitive("Workbook")) {
                checkBiff8(root, root.getEntryCaseInsensitive("Workbook"));
                return SpreadsheetFormat.XLS;
            }
            if (root.hasEntryCaseInsensitive("Book")) {
                throw new ImportRejectedException(Reason.EXCEL_95_OR_OLDER, "BIFF5");
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "Word 97-2003 document");
            }
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "PowerPoint 97-2003 presentation");
            }
            throw new ImportRejectedException(Reason.NOT_A_SPREADSHEET, "OLE2 document");
        } catch (IOException | RuntimeException e) {
            throw Failures.translate(e, 0);
        }
    }

    /**
     * The Workbook stream starts with a BOF record (BIFF8 has version 0x0600); a FILEPASS record right after it
     * means the workbook is encrypted, which Excel opens without asking only under the default password.
     */
    private static void checkBiff8(DirectoryNode root, Entry workbook) throws IOException {
        try (InputStream in = root.createDocumentInputStream(workbook)) {
            byte[] header = in.readNBytes(6);
            if (header.length < 6 || LittleEndian.getUShort(header, 0) != BIFF_BOF) {
                throw new ImportRejectedException(Reason.CORRUPT);
            }
            if (LittleEndian.getUShort(header, 4) != BIFF8_VERSION) {
                throw new ImportRejectedException(Reason.EXCEL_95_OR_OLDER, "BIFF5");
            }
            in.skipNBytes(LittleEndian.getUShort(header, 2) - 2L);
            for (int record = 0; record < 2; record++) {
                byte[] next = in.readNBytes(4);
                if (next.length < 4) {
                    return;
                }
                if (LittleEndian.getUShort(next, 0) == BIFF_FILEPASS) {
                    checkDefaultPassword(root, workbook);
                    return;
                }
                in.skipNBytes(LittleEndian.getUShort(next, 2));
            }
        }
    }

    private static void checkDefaultPassword(DirectoryNode root, Entry workbook) throws IOException {
        try (InputStream in = root.createDocumentInputStream(workbook)) {
            new RecordFactoryInputStream(in, false);
        } catch (EncryptedDocumentException e) {
            throw new ImportRejectedException(Reason.ENCRYPTED, e, "xls");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
