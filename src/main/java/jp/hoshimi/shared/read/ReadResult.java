package jp.hoshimi.shared.read;

import java.util.List;

/**
 * What a read found.
 *
 * @param format the format detected from the bytes
 * @param charset CSV only: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-31j"; else null
 * @param delimiter CSV only: ',', '\t' or ';'; else null
 * @param sheetName the sheet read; null for CSV
 * @param skippedSheets names of the workbook's sheets not read, in tab order; a hidden or very hidden
 *     sheet's name ends with {@link #HIDDEN_MARK}; empty for CSV
 * @param rowCount rows passed to the handler, header row included
 * @param date1904 whether the workbook uses the 1904 date system (dates are already converted)
 */
public record ReadResult(
        SpreadsheetFormat format,
        String charset,
        Character delimiter,
        String sheetName,
        List<String> skippedSheets,
        int rowCount,
        boolean date1904) {

    /** Appended to the name of a hidden sheet in {@link #skippedSheets()}. */
    public static final String HIDDEN_MARK = " (hidden)";

    public ReadResult {
        skippedSheets = List.copyOf(skippedSheets);
    }
}
