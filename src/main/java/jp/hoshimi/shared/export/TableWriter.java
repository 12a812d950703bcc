package jp.hoshimi.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a table (a header row, then data rows) to a stream as CSV or .xlsx, one row at a time, so an
 * export of 200,000 rows never holds them all. Cells may be {@code String}, {@code Number},
 * {@code Boolean}, {@code LocalDate}, {@code LocalDateTime} or null. Closing finishes the file but leaves
 * the stream open (it belongs to the caller, e.g. the HTTP response).
 *
 * <p>Shared by every list that exports (suppliers, contracts, compliance findings).
 */
public interface TableWriter extends AutoCloseable {

    void row(List<?> cells);

    default void row(Object... cells) {
        row(Arrays.asList(cells));
    }

    @Override
    void close();

    /** A writer of {@code format} onto {@code out}; {@code sheetName} names the worksheet of an .xlsx. */
    static TableWriter open(ExportFormat format, OutputStream out, String sheetName) {
        try {
            return switch (format) {
                case CSV -> new CsvTableWriter(out);
                case XLSX -> new XlsxTableWriter(out, sheetName);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
