package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 21: a synthetic NTA full file (zip holding one UTF-8 CSV, 30 columns, no header — the exact format)
 * of 5,000,000 corporations loaded through the real service, next to a bare {@code LOAD DATA} of the same
 * CSV into a plain 30-column table in the same run; then a 10,000-row difference file. Prints rows/s and the
 * ratio; asserts outcomes and counts only. Run with the app's heap:
 * {@code ./mvnw test -Dtest=LegalEntityLoadBenchmark -Dbenchmark.ntaRows=5000000
 * -Dtest.jvm.args="-Xmx256m -Djava.io.tmpdir=target/tmp -Duser.home=target/home -Dfile.encoding=UTF-8"}.
 */
@SpringBootTest(
        properties = {
            "hoshimi.dev-db.database=hoshimi_nta_bench",
            // the benchmark builds the name fragments itself, to time the build on its own (decision 0046)
            "hoshimi.legal-entity.name-fragments-in-background=false"
        })
class LegalEntityLoadBenchmark {

    private static final String[] NAMES = {"株式会社", "有限会社", "合同会社"};
    private static final String[] WORDS = {"星見", "東海", "精機", "電子", "物産", "工業", "システム", "サービス", "商事", "技研"};

    @Autowired
    LegalEntityService service;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @TempDir
    Path dir;

    @Test
    void full_file_of_five_million_corporations() throws IOException {
        int rows = Integer.getInteger("benchmark.ntaRows", 5_000_000);
        int diffRows = Math.min(10_000, rows);
        String loadBefore = loadAverage();
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("TRUNCATE TABLE legal_entity_name_fragment");
        dsl.execute("UPDATE legal_entity_name_index SET pending = FALSE, built_through = NULL, built = 0, total = 0");

        Path csv = dir.resolve("bench-full_unicode.csv");
        Path zip = dir.resolve("bench-full_unicode.zip");
        long g0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(csv)) {
            write(out, rows, 0, LocalDate.of(2026, 11, 30));
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bench-full_unicode.csv"));
            Files.copy(csv, out);
            out.closeEntry();
        }
        double generate = seconds(g0);

        dsl.execute("DROP TABLE IF EXISTS bench_nta_load_data");
        StringBuilder columns = new StringBuilder("c1 BIGINT NOT NULL PRIMARY KEY");
        for (int c = 2; c <= 30; c++) {
            columns.append(", c").append(c).append(" VARCHAR(300)");
        }
        dsl.execute("CREATE TABLE bench_nta_load_data (" + columns + ")");
        long l0 = System.nanoTime();
        dsl.execute("LOAD DATA INFILE '" + csv.toAbsolutePath()
                + "' INTO TABLE bench_nta_load_data CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n'");
        double loadData = seconds(l0);
        // each figure as soon as it is known: a long run stopped part-way still tells what it measured
        progress("bare LOAD DATA of %,d rows: %.2f s (load %s)", rows, loadData, loadAverage());
        assertThat(dsl.fetchCount(dsl.selectFrom("bench_nta_load_data"))).isEqualTo(rows);
        dsl.execute("DROP TABLE bench_nta_load_data");
        long csvBytes = Files.size(csv);
        long zipBytes = Files.size(zip);
        Files.delete(csv);

        long t0 = System.nanoTime();
        LegalEntityRun full = system.callAsSystem(
                () -> service.upload(zip, zip.getFileName().toString(), FileKind.FULL, NtaEdition.UNICODE));
        double fullLoad = seconds(t0);
        progress(
                "full file until committed: %.2f s = %.2f x LOAD DATA (load %s)",
                fullLoad, fullLoad / loadData, loadAverage());
        assertThat(full.outcome())
                .as(full.errorCode() + " " + full.errorArgs())
                .isEqualTo(LegalEntityRun.Outcome.SUCCEEDED);
        assertThat(full.added()).isEqualTo(rows);
        Files.delete(zip);

        // a first file this large commits without its name fragments; they are built after it, in chunks
        long b0 = System.nanoTime();
        var index = system.callAsSystem(() -> service.buildNameIndex());
        double fragmentBuild = seconds(b0);
        progress("name fragments built: %.2f s (load %s)", fragmentBuild, loadAverage());
        assertThat(index.pending()).isFalse();
        assertThat(dsl.fetchCount(dsl.selectFrom("legal_entity_name_fragment"))).isGreaterThan(rows);

        Path diff = dir.resolve("bench-diff_unicode.csv");
        try (OutputStream out = Files.newOutputStream(diff)) {
            write(out, diffRows, 1, LocalDate.of(2026, 12, 1)); // the first 10,000 renamed
        }
        long d0 = System.nanoTime();
        LegalEntityRun applied = system.callAsSystem(
                () -> service.upload(diff, diff.getFileName().toString(), FileKind.DIFF, NtaEdition.UNICODE));
        double diffLoad = seconds(d0);
        assertThat(applied.outcome()).isEqualTo(LegalEntityRun.Outcome.SUCCEEDED);
        assertThat(applied.changed()).isEqualTo(diffRows);

        LoggerFactory.getLogger(LegalEntityLoadBenchmark.class)
                .warn(String.format(
                        "%nNTA load benchmark, %,d corporations (CSV %,d bytes, zip %,d bytes; generated in %.1f s),"
                                + " heap max %,d MB%n| step | seconds | rows/s | target |%n|---|--:|--:|---|%n"
                                + "| bare LOAD DATA of the CSV into a plain table (baseline) | %.2f | %,.0f | |%n"
                                + "| full file through the service until committed (the very first: zip → CSV → checked rows piped into LOAD DATA into legal_entity) | %.2f | %,.0f | ≤ 3 × LOAD DATA = %.2f |%n"
                                + "| full file ÷ LOAD DATA | %.2f | | ≤ 3 |%n"
                                + "| name fragments built after the commit (chunks) | %.2f | %,.0f | |%n"
                                + "| (full file + fragments) ÷ LOAD DATA | %.2f | | |%n"
                                + "| difference file of %,d rows (apply, suppliers re-judged) | %.2f | %,.0f | ≤ 10 s |%n"
                                + "Load average (/proc/loadavg) before: %s; after: %s%n",
                        rows,
                        csvBytes,
                        zipBytes,
                        generate,
                        Runtime.getRuntime().maxMemory() >> 20,
                        loadData,
                        rows / loadData,
                        fullLoad,
                        rows / fullLoad,
                        3 * loadData,
                        fullLoad / loadData,
                        fragmentBuild,
                        rows / fragmentBuild,
                        (fullLoad + fragmentBuild) / loadData,
                        diffRows,
                        diffLoad,
                        diffRows / diffLoad,
                        loadBefore,
                        loadAverage()));
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("TRUNCATE TABLE legal_entity_name_fragment");
        dsl.execute("UPDATE legal_entity_name_index SET pending = FALSE, built_through = NULL, built = 0, total = 0");
    }

    /**
     * Rows in the NTA's column order (30, no header, line break after each). {@code variant} 1 renames
     * every corporation (process 11) one day later.
     */
    private static void write(OutputStream target, int rows, int variant, LocalDate updated) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16)) {
            String update = updated.toString();
            for (int i = 1; i <= rows; i++) {
                String number = CorporateNumber.withCheckDigit(String.format("%012d", 100_000_000_000L + i));
                String name =
                        NAMES[i % 3] + WORDS[i % 10] + WORDS[(i / 10) % 10] + (i % 997) + (variant == 1 ? "新" : "");
                String process = variant == 1 ? "11" : "01";
                String change = variant == 1 ? update : "2015-10-05";
                String kind = i % 3 == 0 ? "301" : i % 3 == 1 ? "302" : "305";
                out.write(i + "," + number + "," + process + ",0," + update + "," + change + "," + name + ",," + kind
                        + ",東京都,千代田区,霞が関" + (i % 9 + 1) + "丁目" + (i % 50 + 1) + "番,,13,101,100"
                        + String.format("%04d", i % 10000) + ",,,,,,,2015-10-05,1,,,,,"
                        + "ホシミ" + (i % 997) + ",0\n");
            }
        }
    }

    private static void progress(String format, Object... args) {
        LoggerFactory.getLogger(LegalEntityLoadBenchmark.class).warn("NTA benchmark: " + String.format(format, args));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }
}
