package jp.hoshimi.shared.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * Reads the rows of an uploaded spreadsheet (.xlsx, Strict .xlsx, .xls or CSV) as a stream, within {@link
 * ReadLimits}. Stateless apart from its limits; one instance may serve concurrent reads. Design notes:
 * docs/decisions/0005-spreadsheet-reading.md.
 */
public final class SpreadsheetReader {

    /** POI's default ratio: an entry may expand to 100 times its compressed size. */
    static final double MIN_INFLATE_RATIO = 0.01;

    private static final long MIB = 1024L * 1024;
    private static ReadLimits protectionsApplied;

    private final ReadLimits limits;

    public SpreadsheetReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Detects the real format from the bytes (never the file name) and streams the chosen sheet's rows to the
     * handler, header row included. Blank rows are not passed.
     *
     * @throws ImportRejectedException with the reason the file cannot be read
     * @throws RuntimeException whatever the handler or the chooser throws, unchanged
     * @throws UncheckedIOException if the file cannot be opened at all (missing, no permission): not the
     *     content's fault, so not a rejection
     */
    public ReadResult read(Path file, SheetChooser chooser, RowHandler handler) {
        Objects.requireNonNull(chooser, "chooser");
        Objects.requireNonNull(handler, "handler");
        long start = System.nanoTime();
        ensurePoiProtections(limits);
        checkSize(file, limits);
        SpreadsheetFormat format = FormatDetector.detect(file);
        RowSink sink = new RowSink(limits, handler, start);
        try {
            return switch (format) {
                case CSV -> CsvSheetReader.read(file, sink);
                case XLS -> XlsSheetReader.read(file, chooser, sink);
                case XLSX, XLSX_STRICT -> XlsxSheetReader.read(file, format, chooser, sink);
            };
        } catch (RowSink.CallerFailure failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) cause;
        } catch (IOException e) {
            throw Failures.translate(e, 0);
        }
    }

    /**
     * Only detection, for tests and for early rejection: reads at most the first few KB, the zip directory (and
     * three small parts of it), or the OLE2 directory (and the first records of the Workbook stream).
     *
     * @throws ImportRejectedException for everything that is not one of the four formats
     * @throws UncheckedIOException if the file cannot be opened at all
     */
    public static SpreadsheetFormat detect(Path file) {
        return FormatDetector.detect(file);
    }

    /**
     * Sets POI's process-wide protections from the limits; idempotent, last call wins. {@link #read} applies
     * its own limits if nothing has been applied yet.
     *
     * <ul>
     *   <li>zip entries may expand to at most 100 times their compressed size (POI's default ratio, enforced);
     *   <li>a zip entry may hold at most 4 bytes of XML per allowed character ({@code 4 × maxTotalChars}, at
     *       least 64 MiB): 400 MB at the defaults;
     *   <li>text extraction stops at {@code maxTotalChars};
     *   <li>no single byte array larger than the largest accepted file ({@code maxFileBytes}, at least 16 MiB).
     * </ul>
     */
    public static synchronized void applyPoiProtections(ReadLimits limits) {
        if (limits.equals(protectionsApplied)) {
            return;
        }
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Math.min(Math.max(4 * limits.maxTotalChars(), 64 * MIB), 0xFFFFFFFFL));
        ZipSecureFile.setMaxTextSize(limits.maxTotalChars());
        IOUtils.setByteArrayMaxOverride(
                (int) Math.min(Math.max(limits.maxFileBytes(), 16 * MIB), Integer.MAX_VALUE - 8));
        protectionsApplied = limits;
    }

    private static synchronized void ensurePoiProtections(ReadLimits limits) {
        if (protectionsApplied == null) {
            applyPoiProtections(limits);
        }
    }

    private static void checkSize(Path file, ReadLimits limits) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw new ImportRejectedException(Reason.EMPTY_FILE);
        }
        if (size > limits.maxFileBytes()) {
            throw new ImportRejectedException(Reason.TOO_LARGE, size, limits.maxFileBytes());
        }
    }
}
