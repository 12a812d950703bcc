package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.hoshimi.shared.read.LargeWorkbooks;
import jp.hoshimi.shared.read.ReadLimits;
import jp.hoshimi.shared.read.ReadResult;
import jp.hoshimi.shared.read.SheetChooser;
import jp.hoshimi.shared.read.SpreadsheetReader;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a 100,000-row .xlsx, a 100,000-row CSV and a 65,535-row .xls (the format's limit) several times in
 * one JVM and prints the first (cold) and the best (warm) time of each. Not part of the normal test run;
 * run it with {@code ./mvnw test -Dtest=SpreadsheetReadBenchmark}, and with a small heap to see that
 * nothing is loaded whole: {@code -Dtest.jvm.args="-Xmx64m -Djava.io.tmpdir=target/tmp"}. See
 * docs/benchmarks.md.
 */
class SpreadsheetReadBenchmark {

    static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 5);

    @TempDir
    Path dir;

    @Test
    void read_large_files() throws IOException {
        Path xlsx = dir.resolve("100k.xlsx");
        Path csv = dir.resolve("100k.csv");
        Path xls = dir.resolve("65k.xls");
        LargeWorkbooks.write(new SXSSFWorkbook(100), 100_000, xlsx);
        LargeWorkbooks.writeCsv(100_000, csv);
        LargeWorkbooks.write(new HSSFWorkbook(), 65_535, xls);

        System.out.printf(
                "Spreadsheet reading, %d reads each, max heap %d MB, load average before: %s%n",
                ITERATIONS, Runtime.getRuntime().maxMemory() / (1024 * 1024), LargeWorkbooks.loadAverage());
        System.out.println("| file | bytes | rows | first read (ms) | best read (ms) | rows/s (best) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Path file : List.of(xlsx, csv, xls)) {
            time(file);
        }
        System.out.println("Load average after: " + LargeWorkbooks.loadAverage());
    }

    private void time(Path file) throws IOException {
        SpreadsheetReader reader = new SpreadsheetReader(ReadLimits.defaults());
        List<Long> millis = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            long start = System.nanoTime();
            ReadResult result = reader.read(file, SheetChooser.firstVisible(), (rowNumber, cells) -> {});
            millis.add((System.nanoTime() - start) / 1_000_000);
            rows = result.rowCount();
        }
        assertThat(rows).isGreaterThan(65_000);
        long best = Collections.min(millis);
        System.out.printf(
                "| %s | %,d | %,d | %,d | %,d | %,d |%n",
                file.getFileName(), Files.size(file), rows, millis.get(0), best, rows * 1000L / Math.max(best, 1));
    }
}
