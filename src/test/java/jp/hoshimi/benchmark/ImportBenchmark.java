package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.hoshimi.dataimport.ImportCounts;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Times a supplier import of {@code benchmark.importRows} rows (default 20,000): the check (preview),
 * the apply, and a second check of the same file (every row unchanged). Prints figures; asserts only
 * the counts. Run: {@code ./mvnw test -Dtest=ImportBenchmark [-Dbenchmark.importRows=100000]}.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_import_bench")
class ImportBenchmark {

    @Autowired
    ImportService imports;

    @Test
    @WithUserDetails("risk")
    void supplierImport() {
        int rows = Integer.getInteger("benchmark.importRows", 20_000);
        StringBuilder csv = new StringBuilder("取引先コード,法人番号,取引先名,フリガナ,住所\n");
        for (int i = 0; i < rows; i++) {
            String base = String.format("8%011d", i);
            csv.append("BM-")
                    .append(i)
                    .append(',')
                    .append(checkDigit(base))
                    .append(base)
                    .append(",株式会社ベンチ")
                    .append(i)
                    .append(",ベンチ")
                    .append(",東京都千代田区")
                    .append(i % 100)
                    .append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Duration wait = Duration.ofHours(1);

        long t0 = System.nanoTime();
        ImportRun preview =
                imports.runToEnd(ImportKind.SUPPLIERS, "bench.csv", new ByteArrayInputStream(file), true, wait);
        long t1 = System.nanoTime();
        assertThat(preview.counts()).isEqualTo(new ImportCounts(rows, rows, 0, 0, 0));
        assertThat(imports.apply(preview.id())).isTrue();
        ImportRun applied = imports.await(preview.id(), wait);
        long t2 = System.nanoTime();
        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        ImportRun again =
                imports.runToEnd(ImportKind.SUPPLIERS, "bench.csv", new ByteArrayInputStream(file), true, wait);
        long t3 = System.nanoTime();
        assertThat(again.counts().unchanged()).isEqualTo(rows);

        String report = String.format(
                "%nImport benchmark, %,d supplier rows (%,d bytes CSV)%n"
                        + "| step | seconds | rows/s |%n|---|--:|--:|%n"
                        + "| check (preview, all new) | %.1f | %,.0f |%n"
                        + "| apply (one transaction) | %.1f | %,.0f |%n"
                        + "| check again (all unchanged) | %.1f | %,.0f |%n",
                rows,
                file.length,
                seconds(t0, t1),
                rows / seconds(t0, t1),
                seconds(t1, t2),
                rows / seconds(t1, t2),
                seconds(t2, t3),
                rows / seconds(t2, t3));
        org.slf4j.LoggerFactory.getLogger(ImportBenchmark.class).warn(report);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static int checkDigit(String base12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base12.charAt(11 - i) - '0') * ((i + 1) % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}
