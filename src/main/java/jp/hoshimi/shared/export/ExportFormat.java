package jp.hoshimi.shared.export;

/** The file formats a list exports to. */
public enum ExportFormat {
    /** UTF-8 with a byte order mark and CRLF line ends: Japanese Excel opens it without garbling. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** Office Open XML workbook, written row by row (SXSSF). */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** {@code base} with this format's extension, e.g. {@code suppliers-20261201.csv}. */
    public String fileName(String base) {
        return base + "." + extension;
    }
}
