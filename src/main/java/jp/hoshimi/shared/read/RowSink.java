package jp.hoshimi.shared.read;

import java.util.List;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.ss.util.CellReference;

/**
 * Between a format's reader and the caller's {@link RowHandler}: skips blank rows, enforces the row, cell,
 * text and time limits, and keeps the handler's own exceptions apart from the reader's.
 */
final class RowSink {

    private final ReadLimits limits;
    private final RowHandler handler;
    private final long deadlineNanos;
    private int rowCount;
    private long totalChars;

    RowSink(ReadLimits limits, RowHandler handler, long startNanos) {
        this.limits = limits;
        this.handler = handler;
        this.deadlineNanos = startNanos + limits.parseDeadline().toNanos();
    }

    int rowCount() {
        return rowCount;
    }

    /** Rejects with DEADLINE_EXCEEDED once the deadline has passed; called between rows. */
    void checkDeadline(int rowNumber) {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new ImportRejectedException(
                    Reason.DEADLINE_EXCEEDED, rowNumber, limits.parseDeadline().toSeconds());
        }
    }

    /** One row as read; {@code cells} may be modified here (trailing empties removed). */
    void row(int rowNumber, List<CellValue> cells) {
        checkDeadline(rowNumber);
        int last = cells.size() - 1;
        while (last >= 0 && cells.get(last) instanceof CellValue.Empty) {
            cells.remove(last--);
        }
        if (cells.isEmpty()) {
            return;
        }
        // The first non-blank row is the header; the limit counts the data rows below it.
        if (rowCount > limits.maxRows()) {
            throw new ImportRejectedException(Reason.TOO_MANY_ROWS, rowNumber, limits.maxRows());
        }
        if (cells.size() > limits.maxColumns()) {
            throw new ImportRejectedException(Reason.TOO_MANY_COLUMNS, rowNumber, limits.maxColumns());
        }
        for (int column = 0; column < cells.size(); column++) {
            String text = cells.get(column).asText();
            int length = text.length() > limits.maxCellChars() ? text.codePointCount(0, text.length()) : text.length();
            if (length > limits.maxCellChars()) {
                throw new ImportRejectedException(
                        Reason.CELL_TOO_LONG,
                        rowNumber,
                        CellReference.convertNumToColString(column),
                        limits.maxCellChars());
            }
            totalChars += length;
            if (totalChars > limits.maxTotalChars()) {
                throw new ImportRejectedException(Reason.TOO_MUCH_TEXT, rowNumber, limits.maxTotalChars());
            }
        }
        rowCount++;
        try {
            handler.row(rowNumber, List.copyOf(cells));
        } catch (RuntimeException | Error e) {
            throw new CallerFailure(e);
        }
    }

    /** Carries an exception thrown by the caller's handler or chooser through the reader, to be rethrown unchanged. */
    static final class CallerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerFailure(Throwable cause) {
            super(cause);
        }
    }
}
