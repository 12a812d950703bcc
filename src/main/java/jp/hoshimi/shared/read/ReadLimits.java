package jp.hoshimi.shared.read;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one read, all configurable by the caller.
 *
 * @param maxFileBytes larger files are rejected before anything is read ({@code TOO_LARGE})
 * @param maxRows most data rows, the header row not counted ({@code TOO_MANY_ROWS})
 * @param maxCellChars most characters (code points) in one cell ({@code CELL_TOO_LONG})
 * @param maxTotalChars most characters in all cells read together ({@code TOO_MUCH_TEXT})
 * @param parseDeadline longest time a read may take, checked between rows ({@code DEADLINE_EXCEEDED})
 * @param maxColumns most columns in one row up to its last non-blank cell ({@code TOO_MANY_COLUMNS}); a header
 *     row of 20,000 columns is a mistake or an attack, and its mapping could not even be stored
 */
public record ReadLimits(
        long maxFileBytes, int maxRows, int maxCellChars, long maxTotalChars, Duration parseDeadline, int maxColumns) {

    /** The default column limit. */
    public static final int DEFAULT_MAX_COLUMNS = 200;

    public ReadLimits(long maxFileBytes, int maxRows, int maxCellChars, long maxTotalChars, Duration parseDeadline) {
        this(maxFileBytes, maxRows, maxCellChars, maxTotalChars, parseDeadline, DEFAULT_MAX_COLUMNS);
    }

    public ReadLimits {
        Objects.requireNonNull(parseDeadline, "parseDeadline");
        if (maxFileBytes <= 0 || maxRows <= 0 || maxCellChars <= 0 || maxTotalChars <= 0 || maxColumns <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (parseDeadline.isNegative() || parseDeadline.isZero()) {
            throw new IllegalArgumentException("parseDeadline must be positive");
        }
    }

    /** 20 MiB, 200,000 rows, 2,000 characters a cell, 100,000,000 characters in all, 120 seconds, 200 columns. */
    public static ReadLimits defaults() {
        return new ReadLimits(20L * 1024 * 1024, 200_000, 2_000, 100_000_000L, Duration.ofSeconds(120));
    }
}
