package jp.hoshimi.shared.read;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The file cannot be imported; {@link #reason()} says why and {@link #args()} carry the details. */
public final class ImportRejectedException extends RuntimeException {

    /** Why a file is rejected; each constant lists its {@link #args()}. */
    public enum Reason {
        /** The file has no bytes. No args. */
        EMPTY_FILE,
        /** Args: file size in bytes (Long), the limit in bytes (Long). */
        TOO_LARGE,
        /**
         * Args: what the file is (String): "PDF", "PNG image", "JPEG image", "GIF image", "HTML", "RTF", "XML",
         * "Excel 2003 XML", "Word document", "PowerPoint presentation", "Word 97-2003 document", "PowerPoint
         * 97-2003 presentation", "OpenDocument document", "ZIP archive", "OLE2 document", "binary file".
         */
        NOT_A_SPREADSHEET,
        /** Password-protected workbook. Args: "xlsx" or "xls" (String). */
        ENCRYPTED,
        /** Excel 5.0/95 or older (BIFF2–BIFF5). Args: the BIFF version (String), e.g. "BIFF5". */
        EXCEL_95_OR_OLDER,
        /** Excel binary workbook (.xlsb). No args. */
        XLSB,
        /** OpenDocument spreadsheet (.ods). No args. */
        ODS,
        /**
         * The file is damaged or not readable as what it claims to be. Args: none, or the row number (Integer)
         * where reading failed when it is known.
         */
        CORRUPT,
        /** Args: the row number (Integer) of the first data row over the limit, the limit (Integer). */
        TOO_MANY_ROWS,
        /** Args: row number (Integer), column letter (String, "A"), the limit in characters (Integer). */
        CELL_TOO_LONG,
        /** A row has more columns (up to its last non-blank cell) than allowed. Args: row number (Integer), the limit (Integer). */
        TOO_MANY_COLUMNS,
        /** Args: row number (Integer) where the total went over, the limit in characters (Long). */
        TOO_MUCH_TEXT,
        /** Args: the last row number reached (Integer), the deadline in seconds (Long). */
        DEADLINE_EXCEEDED,
        /** The CSV header splits with more than one delimiter. Args: the candidates (Character), in order. */
        AMBIGUOUS_DELIMITER,
        /** The sheet or file has no non-blank row. No args. */
        NO_HEADER,
        /** The sheet chooser found no sheet. Args: the workbook's sheet names in tab order (List of String). */
        SHEET_NOT_FOUND,
        /** A compressed part expands too far (ratio or size). No args. */
        ZIP_BOMB
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final List<Object> args;

    public ImportRejectedException(Reason reason, Object... args) {
        this(reason, null, args);
    }

    public ImportRejectedException(Reason reason, Throwable cause, Object... args) {
        super(reason + (args.length == 0 ? "" : " " + Arrays.toString(args)), cause);
        this.reason = reason;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** Details for the message, as listed on each {@link Reason}; never null, unmodifiable. */
    public List<Object> args() {
        return args;
    }

    /** Stable code for APIs and message keys, e.g. "import.rejected.excel-95-or-older". */
    public String code() {
        return "import.rejected." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
