package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import jp.hoshimi.legalentity.LegalEntityCandidate;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The candidate search for a missing 法人番号 at N synthetic corporations (default 1,000,000; the issue's
 * goal is 5,000,000): the entities are bulk-loaded, their name fragments built as an applied file builds
 * them (V38's fill), then 300 lookups through the service (a third
 * each: an existing name, a part of one, a name with its reading) and, for comparison, 20 lookups of the
 * old {@code LIKE '%…%'} scan. Prints figures; asserts only that the lookups find what they look for.
 * Run: {@code ./mvnw test -Dtest=LegalEntityCandidateBenchmark [-Dbenchmark.legalEntities=1000000]}.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_legal_bench")
class LegalEntityCandidateBenchmark {

    private static final String POOL = "山田中川上下大小東西南北新日本通信電機鉄工製作所産業商事建設運輸物流精密化学食品"
            + "工業技研開発設計システムソフトウェアデータネットワークサービスアイカサタナハマヤラワ"
            + "青赤白黒金銀森林松竹梅桜富士高橋佐藤鈴木伊藤渡辺小林加藤吉田山本井上木村斎藤清水";

    @Autowired
    LegalEntityService service;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @TempDir
    Path dir;

    @Test
    void candidates_among_synthetic_corporations() throws IOException {
        int entities = Integer.getInteger("benchmark.legalEntities", 1_000_000);
        String loadBefore = loadAverage();
        Path tsv = dir.resolve("entities.tsv");
        List<String[]> samples = write(tsv, entities);

        dsl.execute("TRUNCATE TABLE legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
        long l0 = System.nanoTime();
        dsl.execute("LOAD DATA INFILE '" + tsv.toAbsolutePath() + "' INTO TABLE legal_entity CHARACTER SET utf8mb4"
                + " (corporate_number, process, correct, update_date, change_date, name, name_normalized, furigana,"
                + " kind, prefecture_name, city_name, hidden, content_hash, last_run_id)");
        double loadData = seconds(l0);
        long f0 = System.nanoTime();
        // as an applied file writes them (LegalEntityRepository.addNameFragments)
        dsl.execute("INSERT IGNORE INTO legal_entity_name_fragment (fragment, corporate_number)"
                + " SELECT CAST(SUBSTRING(e.name_normalized, q.seq, 8) AS CHAR(8) CHARACTER SET utf8mb4)"
                + " COLLATE utf8mb4_bin AS fragment, e.corporate_number"
                + " FROM legal_entity e JOIN seq_1_to_300 q ON q.seq <= CHAR_LENGTH(e.name_normalized)"
                + " ORDER BY fragment, e.corporate_number");
        double fragments = seconds(f0);
        long fragmentRows = dsl.fetchCount(dsl.selectFrom("legal_entity_name_fragment"));

        Random random = new Random(7);
        double[] times = new double[300];
        for (int i = 0; i < times.length; i++) {
            String[] sample = samples.get(random.nextInt(samples.size()));
            String name = sample[0];
            String term = i % 3 == 1 ? part(name, random) : name;
            String reading = i % 3 == 2 ? sample[1] : null;
            long t = System.nanoTime();
            List<LegalEntityCandidate> found =
                    system.callAsSystem(() -> service.candidates(term, reading, "東京都千代田区", 0, 10));
            times[i] = (System.nanoTime() - t) / 1e6;
            assertThat(found).as(term).isNotEmpty();
        }
        double[] scans = new double[20];
        for (int i = 0; i < scans.length; i++) {
            String term = part(samples.get(random.nextInt(samples.size()))[0], random);
            long t = System.nanoTime();
            dsl.fetch(
                    "SELECT corporate_number FROM legal_entity WHERE name_normalized LIKE ? LIMIT 20",
                    "%" + CompanyNames.normalize(term) + "%");
            scans[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        Arrays.sort(scans);
        LoggerFactory.getLogger(LegalEntityCandidateBenchmark.class)
                .warn(String.format(
                        "%nLegal-entity candidate benchmark, %,d corporations%n| step | figure |%n|---|--:|%n"
                                + "| LOAD DATA of the entities | %.2f s |%n"
                                + "| name fragments built (%,d rows) | %.2f s |%n"
                                + "| candidates, 300 lookups: p50 / p95 / max | %.1f / %.1f / %.1f ms |%n"
                                + "| old LIKE scan, 20 lookups: p50 / p95 / max | %.1f / %.1f / %.1f ms |%n"
                                + "Load average (/proc/loadavg) before: %s; after: %s%n",
                        entities,
                        loadData,
                        fragmentRows,
                        fragments,
                        pct(times, 50),
                        pct(times, 95),
                        times[times.length - 1],
                        pct(scans, 50),
                        pct(scans, 95),
                        scans[scans.length - 1],
                        loadBefore,
                        loadAverage()));
        dsl.execute("TRUNCATE TABLE legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
    }

    private static String part(String name, Random random) {
        String core = CompanyNames.normalize(name);
        int length = Math.min(core.length(), 3 + random.nextInt(3));
        int from = random.nextInt(core.length() - length + 1);
        return core.substring(from, from + length);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The entities as a tab-separated file; returns every 1,000th (name, reading) to look up. */
    private static List<String[]> write(Path tsv, int entities) throws IOException {
        Random random = new Random(42);
        List<String[]> samples = new ArrayList<>();
        String kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
        try (BufferedWriter out = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            for (int i = 0; i < entities; i++) {
                StringBuilder core = new StringBuilder();
                int length = 3 + random.nextInt(6);
                for (int c = 0; c < length; c++) {
                    core.append(POOL.charAt(random.nextInt(POOL.length())));
                }
                StringBuilder reading = new StringBuilder();
                for (int c = 0; c < length + 2; c++) {
                    reading.append(kana.charAt(random.nextInt(kana.length())));
                }
                String name = (i % 2 == 0 ? "株式会社" : "") + core + (i % 2 == 1 ? "有限会社" : "");
                String number = CorporateNumber.withCheckDigit(String.format("%012d", 100_000_000_000L + i));
                boolean closed = i % 17 == 0;
                out.write(String.join(
                        "\t",
                        number,
                        closed ? "21" : "01",
                        "0",
                        "2024-04-01",
                        "2024-04-01",
                        name,
                        CompanyNames.normalize(name),
                        reading.toString(),
                        "301",
                        i % 3 == 0 ? "東京都" : "大阪府",
                        "千代田区",
                        "0",
                        String.format("%064d", i),
                        "1"));
                out.write('\n');
                if (i % 1000 == 0) {
                    samples.add(new String[] {name, reading.toString()});
                }
            }
        }
        return samples;
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
