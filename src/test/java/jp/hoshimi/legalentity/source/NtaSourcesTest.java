package jp.hoshimi.legalentity.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.hoshimi.legalentity.source.LocalNtaApiServer.Fault;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.LocalRegisterServer.Misbehaviour;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import jp.hoshimi.register.source.Validators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three NTA sources over real files and real HTTP: the register's local server as a company mirror,
 * a local stand-in for the NTA Web-API. What they fetch is read back with {@link NtaFileReader}.
 */
class NtaSourcesTest {

    static final Path SAMPLES = Path.of("sample-data/nta");
    static final Path DIFF_ZIP = SAMPLES.resolve("nta-diff-20261201_unicode.zip");
    static final Path DIFF_CSV = SAMPLES.resolve("nta-diff-20261201_unicode.csv");
    /** 2026-12-02 12:00 in Tokyo: the last whole day is 2026-12-01. */
    static final Clock DEC_2 = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    LocalNtaApiServer api;
    LocalRegisterServer mirror;

    @BeforeEach
    void start() throws IOException {
        api = LocalNtaApiServer.start().rows(Files.readAllLines(DIFF_CSV, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        api.close();
        if (mirror != null) {
            mirror.close();
        }
    }

    private HttpFeedSource http(URI url, Duration readTimeout) {
        return new HttpFeedSource(
                new HttpFeedSource.Settings(
                        url,
                        null,
                        Duration.ofSeconds(2),
                        readTimeout,
                        Duration.ofSeconds(30),
                        2,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        10_000_000,
                        dir),
                duration -> {},
                System::nanoTime,
                new Random(1));
    }

    private NtaWebApiSource webApi(String applicationId) {
        return new NtaWebApiSource(http(api.base(), Duration.ofSeconds(5)), applicationId, DEC_2, dir);
    }

    private static List<NtaRow> read(Path file, NtaEdition edition) {
        List<NtaRow> rows = new ArrayList<>();
        NtaFileReader.read(file, edition, new NtaLimits(100_000_000, 100), rows::add);
        return rows;
    }

    private long spooled() throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    // --- a file path -------------------------------------------------------------------------------

    @Test
    void a_file_source_copies_the_file_and_reports_the_same_content_again_as_unchanged() throws IOException {
        Path drop = Files.copy(DIFF_ZIP, dir.resolve("drop.zip"));
        NtaFileSource source = new NtaFileSource(drop, NtaEdition.UNICODE, dir.resolve("spool"), 10_000_000);

        NtaFetch first = source.fetch(NtaCursor.none());
        assertThat(first).isInstanceOf(NtaFetch.Fetched.class);
        NtaFetch.Fetched fetched = (NtaFetch.Fetched) first;
        assertThat(read(fetched.file(), fetched.edition())).hasSize(7);
        assertThat(fetched.next().validators().etag()).isNotBlank();
        Files.delete(fetched.file());

        assertThat(source.fetch(fetched.next())).isInstanceOf(NtaFetch.Unchanged.class);
    }

    @Test
    void a_missing_file_or_a_document_of_another_kind_is_a_plain_reason() throws IOException {
        NtaFileSource missing = new NtaFileSource(dir.resolve("none.zip"), NtaEdition.UNICODE, dir, 10_000_000);
        assertThatThrownBy(() -> missing.fetch(NtaCursor.none()))
                .isInstanceOfSatisfying(
                        RegisterSourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FILE_NOT_FOUND));

        Path html = Files.writeString(dir.resolve("page.zip"), "<html>maintenance</html>");
        NtaFileSource garbage = new NtaFileSource(html, NtaEdition.UNICODE, dir.resolve("spool"), 10_000_000);
        assertThatThrownBy(() -> garbage.fetch(NtaCursor.none()))
                .isInstanceOfSatisfying(RegisterSourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.detail()).contains("not an NTA file");
                });
        try (var left = Files.list(dir.resolve("spool"))) {
            assertThat(left).as("nothing left behind").isEmpty();
        }
    }

    // --- a company mirror ----------------------------------------------------------------------------

    @Test
    void a_mirror_serves_the_zip_then_304_to_its_etag() {
        mirror = LocalRegisterServer.start(DIFF_ZIP);
        NtaMirrorSource source = new NtaMirrorSource(
                http(mirror.url("nta-diff-20261201_unicode.zip"), Duration.ofSeconds(5)), NtaEdition.UNICODE);

        NtaFetch.Fetched fetched = (NtaFetch.Fetched) source.fetch(NtaCursor.none());
        assertThat(read(fetched.file(), NtaEdition.UNICODE)).hasSize(7);
        assertThat(mirror.requests().get(0).header("Accept")).contains("application/zip");

        assertThat(source.fetch(fetched.next())).isInstanceOf(NtaFetch.Unchanged.class);
        assertThat(mirror.requests().get(1).header("If-None-Match"))
                .isEqualTo(fetched.next().validators().etag());
    }

    @Test
    void a_mirror_that_fails_gives_the_reason_and_leaves_no_file() throws IOException {
        mirror = LocalRegisterServer.start(DIFF_ZIP);
        URI url = mirror.url("nta-diff-20261201_unicode.zip");
        NtaMirrorSource source = new NtaMirrorSource(http(url, Duration.ofSeconds(5)), NtaEdition.UNICODE);

        mirror.next(Misbehaviour.INTERNAL_SERVER_ERROR, 2);
        assertThatThrownBy(() -> source.fetch(NtaCursor.none()))
                .isInstanceOfSatisfying(RegisterSourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
                    assertThat(e.detail()).contains("HTTP 500").contains("after 2 attempts");
                });
        mirror.next(Misbehaviour.MAINTENANCE_PAGE);
        assertThatThrownBy(() -> source.fetch(NtaCursor.none()))
                .isInstanceOfSatisfying(
                        RegisterSourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MAINTENANCE_PAGE));
        mirror.next(Misbehaviour.TRUNCATED_FIXED_LENGTH, 2);
        assertThatThrownBy(() -> source.fetch(NtaCursor.none()))
                .isInstanceOfSatisfying(
                        RegisterSourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        assertThat(spooled()).isZero();
    }

    @Test
    void a_mirror_that_stops_answering_times_out() throws IOException {
        mirror = LocalRegisterServer.start(DIFF_ZIP);
        NtaMirrorSource source = new NtaMirrorSource(
                http(mirror.url("nta-diff-20261201_unicode.zip"), Duration.ofMillis(300)), NtaEdition.UNICODE);
        mirror.next(Misbehaviour.HANG, 2);
        assertThatThrownBy(() -> source.fetch(NtaCursor.none()))
                .isInstanceOfSatisfying(RegisterSourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(e.detail()).contains("no response");
                });
        assertThat(spooled()).isZero();
    }

    // --- the Web-API ---------------------------------------------------------------------------------

    @Test
    void the_web_api_diff_is_fetched_page_by_page_into_one_file_in_the_nta_format() {
        api.pageSize(3); // 7 rows: pages of 3, 3 and 1
        NtaFetch fetch = webApi(LocalNtaApiServer.APPLICATION_ID)
                .fetch(new NtaCursor(Validators.none(), LocalDate.of(2026, 11, 30)));

        NtaFetch.Fetched fetched = (NtaFetch.Fetched) fetch;
        List<NtaRow> rows = read(fetched.file(), fetched.edition());
        assertThat(rows).extracting(NtaRow::sequenceNumber).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows.get(0).corporateNumber()).isEqualTo("3340095277778");
        assertThat(fetched.next().fetchedThrough()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(api.requests()).hasSize(3);
        assertThat(api.requests()).allSatisfy(uri -> {
            var query = LocalNtaApiServer.query(uri);
            assertThat(query).containsEntry("from", "2026-12-01").containsEntry("to", "2026-12-01");
            assertThat(query).containsEntry("type", "02").containsEntry("id", LocalNtaApiServer.APPLICATION_ID);
        });
        assertThat(api.requests())
                .extracting(uri -> LocalNtaApiServer.query(uri).get("divide"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void a_long_gap_is_asked_for_in_ranges_of_at_most_fifty_days() {
        NtaFetch fetch = webApi(LocalNtaApiServer.APPLICATION_ID)
                .fetch(new NtaCursor(Validators.none(), LocalDate.of(2026, 9, 1)));

        assertThat(read(((NtaFetch.Fetched) fetch).file(), NtaEdition.UNICODE)).hasSize(7);
        assertThat(api.requests())
                .extracting(uri -> LocalNtaApiServer.query(uri).get("from") + ".."
                        + LocalNtaApiServer.query(uri).get("to"))
                .containsExactly("2026-09-02..2026-10-21", "2026-10-22..2026-12-01");
    }

    @Test
    void days_already_fetched_or_days_without_changes_are_unchanged_but_move_the_cursor() {
        NtaWebApiSource source = webApi(LocalNtaApiServer.APPLICATION_ID);
        NtaCursor upToDate = new NtaCursor(Validators.none(), LocalDate.of(2026, 12, 1));
        assertThat(source.fetch(upToDate)).isEqualTo(new NtaFetch.Unchanged(upToDate));
        assertThat(api.requests()).as("nothing to ask for").isEmpty();

        api.rows(List.of());
        NtaFetch quiet = source.fetch(new NtaCursor(Validators.none(), LocalDate.of(2026, 11, 25)));
        assertThat(quiet).isInstanceOf(NtaFetch.Unchanged.class);
        assertThat(quiet.next().fetchedThrough()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void the_web_api_num_asks_ten_numbers_at_a_time() {
        List<String> numbers = new ArrayList<>();
        numbers.add("3340095277778");
        for (int i = 0; i < 10; i++) {
            numbers.add(jp.hoshimi.shared.CorporateNumber.withCheckDigit(String.format("%012d", 700_000_000_000L + i)));
        }
        numbers.add("5200079061252");
        NtaFetch.Fetched fetched = webApi(LocalNtaApiServer.APPLICATION_ID).numbers(numbers);

        assertThat(read(fetched.file(), NtaEdition.UNICODE))
                .extracting(NtaRow::corporateNumber)
                .containsExactly("3340095277778", "5200079061252");
        assertThat(api.requests()).hasSize(2);
        assertThat(LocalNtaApiServer.query(api.requests().get(0)).get("number").split(","))
                .hasSize(10);
        assertThat(LocalNtaApiServer.query(api.requests().get(0))).containsEntry("history", "0");
    }

    @Test
    void a_wrong_application_id_garbage_or_a_short_answer_is_a_plain_reason_and_leaves_no_file() throws IOException {
        NtaCursor cursor = new NtaCursor(Validators.none(), LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> webApi("wrong-id").fetch(cursor))
                .isInstanceOfSatisfying(RegisterSourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
                    assertThat(e.detail()).contains("HTTP 403");
                });
        api.next(Fault.GARBAGE);
        assertThatThrownBy(() -> webApi(LocalNtaApiServer.APPLICATION_ID).fetch(cursor))
                .isInstanceOfSatisfying(RegisterSourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.detail()).contains("summary line").doesNotContain(LocalNtaApiServer.APPLICATION_ID);
                });
        api.next(Fault.SHORT_COUNT);
        assertThatThrownBy(() -> webApi(LocalNtaApiServer.APPLICATION_ID).fetch(cursor))
                .isInstanceOfSatisfying(RegisterSourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.detail()).contains("announced 5 rows but sent 1");
                });
        api.next(Fault.MAINTENANCE_PAGE);
        assertThatThrownBy(() -> webApi(LocalNtaApiServer.APPLICATION_ID).fetch(cursor))
                .isInstanceOfSatisfying(
                        RegisterSourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MAINTENANCE_PAGE));
        api.next(Fault.BAD_REQUEST);
        assertThatThrownBy(() -> webApi(LocalNtaApiServer.APPLICATION_ID).fetch(cursor))
                .isInstanceOfSatisfying(
                        RegisterSourceException.class,
                        e -> assertThat(e.detail()).contains("HTTP 400"));
        assertThat(spooled()).isZero();
    }

    @Test
    void a_web_api_that_stops_answering_times_out() {
        NtaWebApiSource source = new NtaWebApiSource(
                http(api.base(), Duration.ofMillis(300)), LocalNtaApiServer.APPLICATION_ID, DEC_2, dir);
        api.next(Fault.HANG).next(Fault.HANG);
        assertThatThrownBy(() -> source.fetch(new NtaCursor(Validators.none(), LocalDate.of(2026, 11, 30))))
                .isInstanceOfSatisfying(
                        RegisterSourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }
}
