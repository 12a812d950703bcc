package jp.hoshimi.shared.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 rows read as a stream; prints the time taken (see docs/benchmarks.md, "Spreadsheet reading", and
 * SpreadsheetReadBenchmark for warm figures), asserts only on the data.
 */
class LargeXlsxReadingTest {

    private static final int DATA_ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void hundred_thousand_rows_stream_through_to_the_last_one() throws IOException {
        Path file = dir.resolve("100k.xlsx");
        LargeWorkbooks.write(new SXSSFWorkbook(100), DATA_ROWS, file);

        AtomicReference<List<CellValue>> last = new AtomicReference<>();
        int[] lastRowNumber = {0};
        long start = System.nanoTime();
        ReadResult result = new SpreadsheetReader(ReadLimits.defaults())
                .read(file, SheetChooser.firstVisible(), (rowNumber, cells) -> {
                    lastRowNumber[0] = rowNumber;
                    last.set(cells);
                });
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(
                "Spreadsheet reading: %,d rows x 6 columns, %,d bytes .xlsx, first read in this JVM: %,d ms, %,d rows/s,"
                        + " max heap %d MB, load average %s%n",
                result.rowCount(),
                Files.size(file),
                millis,
                result.rowCount() * 1000L / Math.max(millis, 1),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                LargeWorkbooks.loadAverage());
        assertThat(result.rowCount()).isEqualTo(DATA_ROWS + 1);
        assertThat(lastRowNumber[0]).isEqualTo(DATA_ROWS + 1);
        assertThat(last.get()).isEqualTo(LargeWorkbooks.lastRow(DATA_ROWS));
    }
}
