package jp.hoshimi.register.source;

/** How a register feed is written. */
public enum FeedFormat {
    /** UTF-8 CSV (byte-order mark allowed) with a header record. */
    CSV,
    /** UTF-8 JSON: an array of entry objects, by default under {@code "entries"}. */
    JSON
}
