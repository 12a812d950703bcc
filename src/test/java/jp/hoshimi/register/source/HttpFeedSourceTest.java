package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongBinaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import jp.hoshimi.register.source.FetchResult.Fetched;
import jp.hoshimi.register.source.FetchResult.NotModified;
import jp.hoshimi.register.source.LocalRegisterServer.Misbehaviour;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP source against the local register server, misbehaving in every way it can. No test sleeps:
 * waits between attempts go to a recording {@link Sleeper}; only the timeouts of hanging and dripping
 * requests are real, and short. Outcomes are asserted by reason, never by elapsed time.
 */
class HttpFeedSourceTest {

    @TempDir
    Path dir;

    Path feed;
    Path spool;
    LocalRegisterServer server;
    RecordingSleeper sleeper = new RecordingSleeper();
    List<Path> fetched = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        feed = TestFeeds.csv(dir.resolve("register.csv"), 40);
        String json = "{\"entries\":[]}";
        spool = Files.createDirectories(dir.resolve("spool"));
        server = LocalRegisterServer.start(
                0,
                feed,
                TestFeeds.write(dir.resolve("register.json"), json),
                Files.copy(feed, dir.resolve("register-csv.txt")),
                TestFeeds.write(dir.resolve("register-json.txt"), json));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Path body : fetched) {
            Files.deleteIfExists(body);
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
    }

    // ---- the feed as it should be

    @Test
    void serves_the_whole_feed_with_its_validators() throws IOException {
        Fetched result = fetched(source(server.url()).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.format()).isEqualTo(FeedFormat.CSV);
        assertThat(Files.readAllBytes(result.body())).isEqualTo(Files.readAllBytes(feed));
        assertThat(result.bytes()).isEqualTo(Files.size(feed));
        assertThat("\"" + result.sha256() + "\"").isEqualTo(server.etagOf("register.csv"));
        assertThat(result.validators().etag()).isEqualTo(server.etagOf("register.csv"));
        assertThat(result.validators().lastModified()).endsWith("GMT");
        assertThat(result.body().getParent()).isEqualTo(spool);
    }

    @Test
    void the_same_etag_again_is_not_modified() {
        HttpFeedSource source = source(server.url());
        Fetched first = fetched(source.fetch(Validators.none()));

        FetchResult second = source.fetch(first.validators());

        assertThat(second).isEqualTo(new NotModified(first.validators(), 1));
        assertThat(server.requests().get(1).header("If-None-Match"))
                .isEqualTo(first.validators().etag());
        assertThat(server.requests().get(1).header("If-Modified-Since"))
                .isEqualTo(first.validators().lastModified());
    }

    @Test
    void last_modified_alone_gives_not_modified_too() {
        HttpFeedSource source = source(server.url());
        Fetched first = fetched(source.fetch(Validators.none()));

        FetchResult second =
                source.fetch(new Validators(null, first.validators().lastModified()));

        assertThat(second).isInstanceOf(NotModified.class);
        assertThat(server.requests().get(1).header("If-None-Match")).isNull();
    }

    @Test
    void a_changed_file_gets_a_new_etag_and_is_fetched_again() throws IOException {
        HttpFeedSource source = source(server.url());
        Fetched first = fetched(source.fetch(Validators.none()));
        TestFeeds.csv(feed, 41);
        Files.setLastModifiedTime(feed, FileTime.from(Instant.now().plusSeconds(5)));

        Fetched second = fetched(source.fetch(first.validators()));

        assertThat(second.validators().etag()).isNotEqualTo(first.validators().etag());
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
        assertThat(second.bytes()).isEqualTo(Files.size(feed));
    }

    @ParameterizedTest(name = "{0} configured as {1} is {2}")
    @CsvSource(nullValues = "none", textBlock = """
            register.json,      none, JSON
            register.json,      JSON, JSON
            register.csv,       none, CSV
            register-csv.txt,   none, CSV
            register-csv.txt,   CSV,  CSV
            register-json.txt,  none, JSON
            """)
    void the_format_comes_from_the_content_type_or_else_the_body(
            String file, FeedFormat configured, FeedFormat expected) {
        Fetched result = fetched(source(settings(server.url(file), configured)).fetch(Validators.none()));

        assertThat(result.format()).isEqualTo(expected);
    }

    @Test
    void a_text_plain_body_that_is_not_the_expected_format_is_refused() {
        RegisterSourceException failure =
                failure(() -> source(settings(server.url("register-csv.txt"), FeedFormat.JSON))
                        .fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure.detail()).isEqualTo("expected JSON but the body starts with 'c'");
    }

    @Test
    void a_content_type_that_contradicts_the_configured_format_is_refused() {
        RegisterSourceException failure =
                failure(() -> source(settings(server.url(), FeedFormat.JSON)).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.WRONG_CONTENT_TYPE);
        assertThat(failure.detail()).isEqualTo("expected JSON but the server sends text/csv");
    }

    // ---- errors that are retried

    @Test
    void server_errors_are_retried_with_full_jitter_backoff_and_then_succeed() {
        server.next(Misbehaviour.INTERNAL_SERVER_ERROR, 3);

        Fetched result =
                fetched(source(settings(server.url(), FeedFormat.CSV), LARGEST).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(4);
        // the largest the jitter may pick: base 1 s doubling per retry, capped at maxBackoff 3 s
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void backoff_is_random_between_zero_and_its_ceiling() {
        server.next(Misbehaviour.INTERNAL_SERVER_ERROR, 3);

        fetched(source(settings(server.url(), FeedFormat.CSV), SMALLEST).fetch(Validators.none()));

        assertThat(sleeper.waits).containsOnly(Duration.ZERO).hasSize(3);
    }

    @Test
    void retry_after_in_seconds_on_503_is_waited_for_exactly() {
        server.retryAfter(Duration.ofSeconds(7)).next(Misbehaviour.SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, 2);

        Fetched result = fetched(source(server.url()).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void retry_after_as_a_date_on_429_is_waited_for_exactly() {
        server.retryAfter(Duration.ofSeconds(5)).next(Misbehaviour.TOO_MANY_REQUESTS_RETRY_AFTER_DATE, 1);

        Fetched result = fetched(source(server.url()).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void a_retry_after_date_in_the_past_falls_back_to_the_normal_backoff() {
        server.retryAfter(Duration.ofSeconds(-30)).next(Misbehaviour.TOO_MANY_REQUESTS_RETRY_AFTER_DATE, 2);

        Fetched result =
                fetched(source(settings(server.url(), FeedFormat.CSV), LARGEST).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(3);
        // not "retry at once": the jittered backoff's largest picks, as for any other retryable failure
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void an_unparseable_retry_after_falls_back_to_the_normal_backoff() {
        server.next(Misbehaviour.TOO_MANY_REQUESTS_RETRY_AFTER_UNPARSEABLE, 2);

        Fetched result =
                fetched(source(settings(server.url(), FeedFormat.CSV), LARGEST).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void a_retry_after_beyond_the_deadline_fails_at_once_without_waiting() {
        server.retryAfter(Duration.ofMinutes(10)).next(Misbehaviour.TOO_MANY_REQUESTS_RETRY_AFTER_DATE, 1);

        RegisterSourceException failure = failure(() -> source(server.url()).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.detail())
                .startsWith("HTTP 429 Too Many Requests; the server asks to wait 10 min, beyond the ");
        assertThat(failure.detail()).endsWith(" left before the 5 min deadline");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void a_503_retry_after_beyond_the_deadline_fails_with_the_status() {
        server.retryAfter(Duration.ofMinutes(6)).next(Misbehaviour.SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, 1);

        RegisterSourceException failure = failure(() -> source(server.url()).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(failure.detail()).startsWith("HTTP 503 Service Unavailable; the server asks to wait 6 min");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void retries_stop_when_the_next_wait_would_pass_the_deadline() {
        AtomicLong clock = new AtomicLong();
        RecordingSleeper clockMovingSleeper = new RecordingSleeper(clock);
        server.next(Misbehaviour.INTERNAL_SERVER_ERROR, 10);
        HttpFeedSource.Settings settings = new HttpFeedSource.Settings(
                server.url(),
                FeedFormat.CSV,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                1_000_000,
                spool);
        // the fake clock moves only while "sleeping": the requests themselves take no time on it
        HttpFeedSource source = new HttpFeedSource(settings, clockMovingSleeper, clock::get, LARGEST);

        RegisterSourceException failure = failure(() -> source.fetch(Validators.none()));

        // waits 1 + 2 + 4 s; the next (8 s) would not fit in the 3 s left
        assertThat(clockMovingSleeper.waits)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(failure.detail())
                .isEqualTo("HTTP 500 Internal Server Error after 4 attempts;"
                        + " no time left before the 10 s deadline for another attempt");
    }

    @Test
    void a_refused_connection_is_retried_and_then_fails_as_connect_failed() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/register.csv");
        }

        RegisterSourceException failure = failure(() -> source(closedPort).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECT_FAILED);
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(failure.detail()).startsWith("cannot connect to 127.0.0.1:").endsWith(" after 4 attempts");
    }

    @Test
    void a_hanging_server_times_out_on_every_attempt() {
        server.next(Misbehaviour.HANG, 2);
        RegisterSourceException failure = failureWithin(Duration.ofMillis(300), Duration.ofMinutes(1), 2);

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.detail())
                .isEqualTo("no response from 127.0.0.1:" + server.port() + " within 300 ms after 2 attempts");
    }

    @ParameterizedTest
    @EnumSource(
            value = Misbehaviour.class,
            names = {"HANG", "SLOW_HEADERS", "SLOW_BODY_DRIP"})
    void a_server_that_stalls_once_is_tried_again(Misbehaviour stall) {
        // headers 10 × 500 ms, or the second body byte after 30 s: both past the 1 s read timeout, which is
        // long enough for the second, healthy answer even on a busy machine
        server.tick(stall == Misbehaviour.SLOW_HEADERS ? Duration.ofMillis(500) : Duration.ofSeconds(30))
                .next(stall, 1);

        Fetched result = fetched(source(settings(Duration.ofSeconds(1), Duration.ofMinutes(1), 2))
                .fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void a_hanging_server_is_given_up_on_at_the_deadline() {
        server.next(Misbehaviour.HANG, 1);
        RegisterSourceException failure = failureWithin(Duration.ofSeconds(30), Duration.ofMillis(400), 4);

        assertThat(failure.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.detail())
                .isEqualTo("no response from 127.0.0.1:" + server.port() + " before the 400 ms deadline");
    }

    @Test
    void slow_headers_time_out() {
        server.tick(Duration.ofMillis(100)).next(Misbehaviour.SLOW_HEADERS, 1);
        RegisterSourceException failure = failureWithin(Duration.ofMillis(300), Duration.ofMinutes(1), 1);

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void slow_headers_past_the_deadline_exceed_it() {
        server.tick(Duration.ofMillis(100)).next(Misbehaviour.SLOW_HEADERS, 1);
        RegisterSourceException failure = failureWithin(Duration.ofSeconds(30), Duration.ofMillis(400), 4);

        assertThat(failure.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
    }

    @Test
    void a_body_dripping_faster_than_the_read_timeout_is_still_cut_at_the_deadline() {
        // a byte every 20 ms never trips the 30 s read timeout; the 500 ms deadline ends it
        server.tick(Duration.ofMillis(20)).next(Misbehaviour.SLOW_BODY_DRIP, 1);
        RegisterSourceException failure = failureWithin(Duration.ofSeconds(30), Duration.ofMillis(500), 4);

        assertThat(failure.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.detail()).contains("500 ms deadline");
    }

    @Test
    void a_body_that_stops_arriving_times_out() {
        // the headers and the first byte come at once, the next byte only after 30 s
        server.tick(Duration.ofSeconds(30)).next(Misbehaviour.SLOW_BODY_DRIP, 1);
        RegisterSourceException failure = failureWithin(Duration.ofSeconds(1), Duration.ofMinutes(1), 1);

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.detail()).startsWith("the body stalled: no byte for 1 s (1 byte of ");
    }

    static Stream<Arguments> faultsToTheLastAttempt() {
        return Stream.of(
                arguments(Misbehaviour.INTERNAL_SERVER_ERROR, Reason.HTTP_STATUS, "HTTP 500 Internal Server Error"),
                arguments(
                        Misbehaviour.SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
                        Reason.HTTP_STATUS,
                        "HTTP 503 Service Unavailable"),
                arguments(
                        Misbehaviour.TOO_MANY_REQUESTS_RETRY_AFTER_DATE,
                        Reason.RATE_LIMITED,
                        "HTTP 429 Too Many Requests"),
                arguments(
                        Misbehaviour.TRUNCATED_FIXED_LENGTH,
                        Reason.TRUNCATED,
                        "the body ended after [\\d,]+ bytes of the announced [\\d,]+ bytes"),
                arguments(
                        Misbehaviour.TRUNCATED_CHUNKED,
                        Reason.TRUNCATED,
                        "the chunked body broke off after [\\d,]+ bytes, before its last chunk"),
                arguments(
                        Misbehaviour.CONNECTION_RESET,
                        Reason.CONNECTION_RESET,
                        // the reset may overtake the headers on the wire: both are the same fault
                        "the connection (to \\S+ )?was reset (after [\\d,]+ bytes of the body|before a response)"));
    }

    @ParameterizedTest
    @MethodSource("faultsToTheLastAttempt")
    void a_transient_fault_on_every_attempt_fails_with_its_reason_after_all_attempts(
            Misbehaviour misbehaviour, Reason reason, String detail) {
        server.retryAfter(Duration.ofSeconds(1)).next(misbehaviour, 4);

        RegisterSourceException failure = failure(() -> source(server.url()).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(failure.detail()).matches(detail + " after 4 attempts");
        assertThat(failure.code())
                .isEqualTo("register.source." + reason.name().toLowerCase().replace('_', '-'));
        assertThat(sleeper.waits).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(
            value = Misbehaviour.class,
            names = {
                "INTERNAL_SERVER_ERROR",
                "SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS",
                "TOO_MANY_REQUESTS_RETRY_AFTER_DATE",
                "TRUNCATED_FIXED_LENGTH",
                "TRUNCATED_CHUNKED",
                "CONNECTION_RESET"
            })
    void a_transient_fault_twice_then_success_is_fetched_on_the_third_attempt(Misbehaviour misbehaviour)
            throws IOException {
        server.retryAfter(Duration.ofSeconds(1)).next(misbehaviour, 2);

        Fetched result = fetched(source(server.url()).fetch(Validators.none()));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(Files.readAllBytes(result.body())).isEqualTo(Files.readAllBytes(feed));
        assertThat(sleeper.waits).hasSize(2);
    }

    // ---- errors that are not retried

    @Test
    void not_found_is_not_retried() {
        RegisterSourceException failure =
                failure(() -> source(server.url().resolve("/nothing-here.csv")).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.detail()).isEqualTo("HTTP 404 Not Found");
        assertThat(sleeper.waits).isEmpty();
    }

    static Stream<Arguments> faultsNotRetried() {
        return Stream.of(
                arguments(
                        Misbehaviour.MAINTENANCE_PAGE,
                        Reason.MAINTENANCE_PAGE,
                        "the server answered 200 with an HTML page (text/html) instead of the feed"),
                arguments(
                        Misbehaviour.WRONG_CONTENT_TYPE,
                        Reason.WRONG_CONTENT_TYPE,
                        "Content-Type application/xml is not a register feed"
                                + " (expected text/csv, application/json or text/plain)"),
                arguments(
                        Misbehaviour.HUGE_BODY,
                        Reason.TOO_LARGE,
                        "the server announces 5,000,000 bytes, over the cap of 2 MB"),
                arguments(Misbehaviour.HUGE_BODY_CHUNKED, Reason.TOO_LARGE, "the body is larger than the cap of 2 MB"),
                arguments(
                        Misbehaviour.NOT_MODIFIED,
                        Reason.HTTP_STATUS,
                        "HTTP 304 Not Modified to a request that was not conditional"));
    }

    @ParameterizedTest
    @MethodSource("faultsNotRetried")
    void a_fault_that_retrying_cannot_mend_fails_at_once(Misbehaviour misbehaviour, Reason reason, String detail) {
        server.hugeBody(5_000_000).next(misbehaviour, 4);

        RegisterSourceException failure = failure(() -> source(server.url()).fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.detail()).isEqualTo(detail);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void a_spool_directory_that_cannot_be_written_is_not_taken_for_a_network_fault() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("not-a-directory"));
        HttpFeedSource.Settings settings = settings(server.url(), FeedFormat.CSV);
        HttpFeedSource source = source(new HttpFeedSource.Settings(
                settings.url(),
                settings.format(),
                settings.connectTimeout(),
                settings.readTimeout(),
                settings.overallDeadline(),
                settings.maxAttempts(),
                settings.baseBackoff(),
                settings.maxBackoff(),
                settings.maxBytes(),
                notADirectory));

        RegisterSourceException failure = failure(() -> source.fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.SPOOL_FAILED);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.detail()).startsWith("cannot create a spool file in " + notADirectory + ": ");
    }

    @Test
    void not_modified_to_a_conditional_request_is_not_modified() {
        server.next(Misbehaviour.NOT_MODIFIED, 1);
        Validators previous = new Validators("\"old\"", null);

        FetchResult result = source(server.url()).fetch(previous);

        assertThat(result).isInstanceOf(NotModified.class);
    }

    @Test
    void malformed_json_is_fetched_whole_and_refused_by_the_parser() {
        server.next(Misbehaviour.MALFORMED_JSON, 1);

        Fetched result = fetched(source(settings(server.url(), null)).fetch(Validators.none()));
        RegisterSourceException failure = catchThrowableOfType(
                RegisterSourceException.class,
                () -> FeedParser.parse(
                        result.body(), result.format(), RegisterKind.STAR, FieldMapping.defaults(), entry -> {}));

        assertThat(result.format()).isEqualTo(FeedFormat.JSON);
        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure.detail()).startsWith("line 1: not valid JSON: Unexpected end-of-input");
    }

    @Test
    void malformed_csv_is_fetched_whole_and_refused_by_the_parser() {
        server.next(Misbehaviour.MALFORMED_CSV, 1);

        Fetched result = fetched(source(server.url()).fetch(Validators.none()));
        RegisterSourceException failure = catchThrowableOfType(
                RegisterSourceException.class,
                () -> FeedParser.parse(
                        result.body(), result.format(), RegisterKind.STAR, FieldMapping.defaults(), entry -> {}));

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure.detail()).startsWith("line 3: broken quoting");
    }

    @Test
    void settings_refuse_what_cannot_work() {
        assertThatThrownBy(() -> HttpFeedSource.Settings.defaults(URI.create("ftp://example.jp/feed.csv"), spool))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpFeedSource.Settings.defaults(URI.create("https://example.jp/feed.csv"), spool))
                .satisfies(defaults -> {
                    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(defaults.overallDeadline()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(defaults.maxAttempts()).isEqualTo(4);
                    assertThat(defaults.maxBytes()).isEqualTo(200_000_000L);
                });
        assertThat(source(server.url()).id()).isEqualTo("http:" + server.url());
    }

    // ---- helpers

    /** Always the largest value the backoff may pick. */
    static final RandomGenerator LARGEST = choosing((origin, bound) -> bound - 1);

    /** Always zero. */
    static final RandomGenerator SMALLEST = choosing((origin, bound) -> origin);

    static RandomGenerator choosing(LongBinaryOperator pick) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long origin, long bound) {
                return pick.applyAsLong(origin, bound);
            }
        };
    }

    HttpFeedSource.Settings settings(URI url, FeedFormat format) {
        return settings(url, format, Duration.ofSeconds(10), Duration.ofMinutes(5), 4);
    }

    HttpFeedSource.Settings settings(Duration readTimeout, Duration deadline, int maxAttempts) {
        return settings(server.url(), FeedFormat.CSV, readTimeout, deadline, maxAttempts);
    }

    /** Backoff 1 s doubling up to 3 s, a 2 MB cap. */
    HttpFeedSource.Settings settings(
            URI url, FeedFormat format, Duration readTimeout, Duration deadline, int maxAttempts) {
        return new HttpFeedSource.Settings(
                url,
                format,
                Duration.ofSeconds(2),
                readTimeout,
                deadline,
                maxAttempts,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                2_000_000,
                spool);
    }

    /** Fetches with this read timeout, deadline and number of attempts, expecting a failure. */
    RegisterSourceException failureWithin(Duration readTimeout, Duration deadline, int maxAttempts) {
        HttpFeedSource source = source(settings(readTimeout, deadline, maxAttempts));
        return failure(() -> source.fetch(Validators.none()));
    }

    HttpFeedSource source(URI url) {
        return source(settings(url, FeedFormat.CSV));
    }

    HttpFeedSource source(HttpFeedSource.Settings settings) {
        return source(settings, RandomGenerator.of("L64X128MixRandom"));
    }

    HttpFeedSource source(HttpFeedSource.Settings settings, RandomGenerator random) {
        return new HttpFeedSource(settings, sleeper, System::nanoTime, random);
    }

    Fetched fetched(FetchResult result) {
        assertThat(result).isInstanceOf(Fetched.class);
        Fetched fetched = (Fetched) result;
        this.fetched.add(fetched.body());
        return fetched;
    }

    static RegisterSourceException failure(Runnable fetch) {
        RegisterSourceException failure = catchThrowableOfType(RegisterSourceException.class, fetch::run);
        assertThat(failure).as("a RegisterSourceException").isNotNull();
        return failure;
    }
}
