package jp.hoshimi.register.source;

/** How a register feed is written. */
public enum FeedFormat {
    /**
     * CSV with a header record, in the mapping's encoding (UTF-8 by default, byte-order mark allowed); a title
     * block above the header record is skipped.
     */
    CSV,
    /** UTF-8 JSON: an array of entry objects, by default under {@code "entries"}. */
    JSON,
    /** An Excel workbook (.xlsx, also Strict OOXML): the first visible sheet, header row as for CSV. */
    XLSX
}
