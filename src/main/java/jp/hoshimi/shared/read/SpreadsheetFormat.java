package jp.hoshimi.shared.read;

/** The file formats the import reads, as detected from the file's bytes. */
public enum SpreadsheetFormat {
    /** Office Open XML workbook (.xlsx, .xlsm, .xltx), transitional namespaces. */
    XLSX,
    /** Office Open XML workbook saved as "Strict Open XML" (namespaces under http://purl.oclc.org/ooxml/). */
    XLSX_STRICT,
    /** Excel 97–2003 workbook (BIFF8 in an OLE2 container). */
    XLS,
    /** Delimited text: comma, tab or semicolon; UTF-8, UTF-16 with a byte-order mark, or windows-31j. */
    CSV
}
