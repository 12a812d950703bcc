package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A register of 200,000 entries parses in one streaming pass; the rate is printed, never asserted. */
class LargeFeedTest {

    static final int ENTRIES = 200_000;

    @TempDir
    Path dir;

    @Test
    void a_200000_entry_csv_feed_parses_whole() throws IOException {
        Path feed = TestFeeds.csv(dir.resolve("large.csv"), ENTRIES);

        assertParsesWhole(feed, FeedFormat.CSV);
    }

    @Test
    void a_200000_entry_json_feed_parses_whole() throws IOException {
        Path csv = TestFeeds.csv(dir.resolve("large.csv"), ENTRIES);
        Path feed = dir.resolve("large.json");
        // the same entries, written as the default JSON format
        try (CSVParser rows = CSVParser.parse(
                        csv,
                        StandardCharsets.UTF_8,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get());
                JsonGenerator json = new JsonFactory().createGenerator(feed.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("entries");
            for (CSVRecord row : rows) {
                json.writeStartObject();
                for (String field : rows.getHeaderNames()) {
                    String value = row.get(field);
                    if (value.isEmpty()) {
                        json.writeNullField(field);
                    } else {
                        json.writeStringField(field, value);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        assertParsesWhole(feed, FeedFormat.JSON);
    }

    private static void assertParsesWhole(Path feed, FeedFormat format) throws IOException {
        AtomicLong expired = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();

        int count = FeedParser.parse(feed, format, RegisterKind.STAR, FieldMapping.defaults(), entry -> {
            if (entry.status().equals("EXPIRED")) {
                expired.incrementAndGet();
            }
        });

        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        // CPU time too: on a shared machine the wall clock says more about the neighbours than the parser
        System.out.printf(
                Locale.ROOT,
                "FeedParser %s: %,d entries (%,d bytes) in %.2f s = %,.0f entries/s (CPU %.2f s = %,.0f entries/s)%n",
                format,
                count,
                Files.size(feed),
                seconds,
                count / seconds,
                cpuSeconds,
                count / cpuSeconds);
        assertThat(count).isEqualTo(ENTRIES);
        assertThat(expired.get()).isEqualTo(ENTRIES / 50);
    }
}
