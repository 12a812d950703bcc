package jp.hoshimi.register.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import jp.hoshimi.register.source.Spool.Spooled;

/**
 * A register feed over HTTP(S): a conditional GET with timeouts, an overall deadline, retries with
 * full-jitter backoff that honour {@code Retry-After}, a size cap and checks of the content type and
 * completeness. See docs/decisions/0007-register-sources.md.
 *
 * <p>Time is measured with the injected nano clock and waits between attempts go through the injected
 * {@link Sleeper}, so tests neither sleep nor depend on the wall clock. The clock must advance with real
 * time while a request is in flight (the timeouts of the request and of the body are real).
 *
 * <p>One fetch at a time per instance.
 */
public final class HttpFeedSource implements RegisterSource {

    /**
     * How to fetch.
     *
     * @param url the feed, http or https
     * @param format the feed's format; null to take it from the Content-Type (and, for text/plain, the body)
     * @param connectTimeout longest wait for a connection
     * @param readTimeout longest wait for the response headers, and longest pause between body bytes
     * @param overallDeadline longest time the whole fetch may take: every attempt, every wait, the body
     * @param maxAttempts requests at most, the first included
     * @param baseBackoff the first retry waits up to this long, each further one up to twice as long as the one
     *     before
     * @param maxBackoff no backoff is longer (a Retry-After is honoured as sent, within the deadline)
     * @param maxBytes larger bodies are refused
     * @param spoolDir where bodies are written; null for the temporary directory
     */
    public record Settings(
            URI url,
            FeedFormat format,
            Duration connectTimeout,
            Duration readTimeout,
            Duration overallDeadline,
            int maxAttempts,
            Duration baseBackoff,
            Duration maxBackoff,
            long maxBytes,
            Path spoolDir) {

        public Settings {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("the register feed URL must be http or https: " + url);
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            requirePositive(overallDeadline, "overallDeadline");
            requirePositive(baseBackoff, "baseBackoff");
            requirePositive(maxBackoff, "maxBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
        }

        /** 5 s to connect, 30 s to read, 5 min in all, 4 attempts, backoff 1 s up to 60 s, 200 MB. */
        public static Settings defaults(URI url, Path spoolDir) {
            return new Settings(
                    url,
                    null,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(5),
                    4,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(60),
                    200_000_000L,
                    spoolDir);
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    /** Reads bodies so that the fetching thread can keep the time; daemon threads, gone when idle. */
    private static final ExecutorService BODY_READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "register-feed-body");
        thread.setDaemon(true);
        return thread;
    });

    private static final String USER_AGENT = "Hoshimi register poller";
    private static final String XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Character sets a CSV feed may declare; which one the body is in, the field mapping says. */
    private static final java.util.Set<String> READABLE_CHARSETS =
            java.util.Set.of("utf-8", "us-ascii", "shift_jis", "windows-31j", "cp932", "ms932", "x-sjis");

    private final Settings settings;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final RandomGenerator random;
    private final Clock wallClock;
    private final HttpClient client;

    public HttpFeedSource(Settings settings, Sleeper sleeper, LongSupplier nanoClock, RandomGenerator random) {
        this(settings, sleeper, nanoClock, random, Clock.systemUTC());
    }

    /**
     * @param wallClock for a Retry-After date when the response has no Date header to measure it from
     */
    public HttpFeedSource(
            Settings settings, Sleeper sleeper, LongSupplier nanoClock, RandomGenerator random, Clock wallClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.random = Objects.requireNonNull(random, "random");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/1.1: Content-Length and the last chunk are what tell a complete body from a cut one
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
    }

    /** With real waiting, the system's clocks and a fresh random generator. */
    public static HttpFeedSource of(Settings settings) {
        return new HttpFeedSource(settings, Sleeper.real(), System::nanoTime, RandomGenerator.getDefault());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String id() {
        return "http:" + settings.url();
    }

    @Override
    public FetchResult fetch(Validators previous) {
        return fetch(settings.url(), previous, null);
    }

    /**
     * Fetches {@code url} (another address than the configured one is fine: an API's pages) with this
     * source's timeouts, retries and cap, checked by {@code check} instead of as a register feed.
     *
     * @return {@link FetchResult.NotModified} (304) or {@link FetchResult.Downloaded}
     * @throws RegisterSourceException when no complete, plausible body could be had; nothing is left behind
     */
    public FetchResult download(URI url, Validators previous, BodyCheck check) {
        return fetch(url, previous, Objects.requireNonNull(check, "check"));
    }

    private FetchResult fetch(URI url, Validators previous, BodyCheck check) {
        Validators sent = previous == null ? Validators.none() : previous;
        long deadline = nanoClock.getAsLong() + settings.overallDeadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            AttemptFailed failure;
            try {
                return attempt(url, sent, deadline, attempt, check);
            } catch (AttemptFailed e) {
                failure = e;
            }
            if (!failure.retryable) {
                throw failure.toException(attempt, "");
            }
            if (attempt >= settings.maxAttempts()) {
                throw failure.toException(attempt, "");
            }
            Duration wait = failure.retryAfter != null ? failure.retryAfter : backoff(attempt);
            long left = deadline - nanoClock.getAsLong();
            if (wait.toNanos() >= left) {
                String why = failure.retryAfter != null
                        ? "; the server asks to wait " + Durations.format(wait) + ", beyond the "
                                + Durations.format(Duration.ofNanos(Math.max(0, left))) + " left before the "
                                + Durations.format(settings.overallDeadline()) + " deadline"
                        : "; no time left before the " + Durations.format(settings.overallDeadline())
                                + " deadline for another attempt";
                throw failure.toException(attempt, why);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegisterSourceException(
                        Reason.INTERRUPTED, "interrupted while waiting to retry after: " + failure.detail, attempt, e);
            }
        }
    }

    /** Full jitter: anything from zero to min(maxBackoff, base × 2^(attempt−1)). */
    private Duration backoff(int attempt) {
        long base = settings.baseBackoff().toNanos();
        long cap = settings.maxBackoff().toNanos();
        int doublings = Math.min(attempt - 1, 62);
        long ceiling = base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
        return Duration.ofNanos(random.nextLong(0, ceiling + 1));
    }

    private FetchResult attempt(URI url, Validators previous, long deadline, int attempt, BodyCheck check)
            throws AttemptFailed {
        long left = deadline - nanoClock.getAsLong();
        if (left <= 0) {
            throw AttemptFailed.fatal(Reason.DEADLINE_EXCEEDED, "the deadline passed before attempt " + attempt);
        }
        // the request timeout runs from sending to the response headers; the deadline may be the shorter one
        boolean deadlineBound = left <= settings.readTimeout().toNanos();
        Duration headerTimeout = deadlineBound ? Duration.ofNanos(Math.max(left, 1_000_000)) : settings.readTimeout();
        HttpResponse<InputStream> response = send(url, request(url, previous, headerTimeout, check), deadlineBound);
        HttpHeaders headers = response.headers();
        int status = response.statusCode();
        if (status != 200) {
            closeQuietly(response.body()); // only a 200 body is read
        }
        FeedFormat declared;
        OptionalLong contentLength;
        try {
            if (status == 304) {
                if (previous.isEmpty()) {
                    throw AttemptFailed.fatal(
                            Reason.HTTP_STATUS, "HTTP 304 Not Modified to a request that was not conditional");
                }
                // a 304 need not repeat the validators
                return new FetchResult.NotModified(validatorsOf(headers, previous), attempt);
            }
            if (status != 200) {
                throw statusFailure(status, headers);
            }
            declared = check == null ? formatOf(headers) : checkedContentType(headers, check);
            contentLength = headers.firstValueAsLong("Content-Length");
            if (contentLength.isPresent() && contentLength.getAsLong() > settings.maxBytes()) {
                throw AttemptFailed.fatal(
                        Reason.TOO_LARGE,
                        "the server announces " + Bytes.exact(contentLength.getAsLong()) + ", over the cap of "
                                + Bytes.limit(settings.maxBytes()));
            }
        } catch (AttemptFailed e) {
            closeQuietly(response.body());
            throw e;
        }
        boolean chunked = headers.firstValue("Transfer-Encoding")
                .map(value -> value.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false);
        Spooled body = readBody(response.body(), deadline, contentLength, chunked);
        // a 200 without validators makes the next fetch unconditional
        Validators received = validatorsOf(headers, Validators.none());
        try {
            if (contentLength.isPresent() && body.bytes() < contentLength.getAsLong()) {
                throw endedEarly(body.bytes(), contentLength.getAsLong());
            }
            if (check != null) {
                check.body(body.file());
                return new FetchResult.Downloaded(body.file(), received, body.sha256(), body.bytes(), attempt);
            }
            BodySniffer.Start start = BodySniffer.start(body.file());
            FeedFormat format = BodySniffer.formatOf(start, declared);
            BodySniffer.check(start, format, true);
            return new FetchResult.Fetched(body.file(), format, received, body.sha256(), body.bytes(), attempt);
        } catch (RegisterSourceException e) {
            Spool.deleteQuietly(body.file());
            throw AttemptFailed.fatal(e.reason(), e.detail());
        } catch (AttemptFailed | RuntimeException e) {
            Spool.deleteQuietly(body.file());
            throw e;
        }
    }

    private HttpRequest request(URI url, Validators previous, Duration timeout, BodyCheck check) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", check == null ? accept() : check.accept());
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        return request.build();
    }

    private String accept() {
        if (settings.format() == null) {
            return "text/csv, application/json, " + XLSX_MIME + ", text/plain;q=0.5";
        }
        return switch (settings.format()) {
            case CSV -> "text/csv, text/plain;q=0.5";
            case JSON -> "application/json, text/plain;q=0.5";
            case XLSX -> XLSX_MIME + ", application/octet-stream;q=0.5";
        };
    }

    private HttpResponse<InputStream> send(URI url, HttpRequest request, boolean deadlineBound) throws AttemptFailed {
        String host = hostOf(url);
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw AttemptFailed.retryable(
                    Reason.CONNECT_FAILED,
                    "no connection to " + host + " within " + Durations.format(settings.connectTimeout()));
        } catch (HttpTimeoutException e) {
            if (deadlineBound) {
                throw AttemptFailed.fatal(
                        Reason.DEADLINE_EXCEEDED,
                        "no response from " + host + " before the " + Durations.format(settings.overallDeadline())
                                + " deadline");
            }
            throw AttemptFailed.retryable(
                    Reason.TIMEOUT, "no response from " + host + " within " + Durations.format(settings.readTimeout()));
        } catch (ConnectException e) {
            String why = causedBy(e, UnresolvedAddressException.class) ? "unknown host" : messageOf(e);
            throw AttemptFailed.retryable(Reason.CONNECT_FAILED, "cannot connect to " + host + ": " + why);
        } catch (IOException e) {
            if (isReset(e)) {
                throw AttemptFailed.retryable(
                        Reason.CONNECTION_RESET, "the connection to " + host + " was reset before a response");
            }
            throw AttemptFailed.retryable(
                    Reason.CONNECTION_RESET, "the connection to " + host + " broke before a response: " + messageOf(e));
        } catch (IllegalArgumentException e) {
            // a request the client refuses to send, e.g. a validator with characters a header may not have
            throw AttemptFailed.fatal(Reason.CONNECT_FAILED, "cannot request " + url + ": " + messageOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AttemptFailed.fatal(Reason.INTERRUPTED, "interrupted while waiting for " + host);
        }
    }

    private AttemptFailed statusFailure(int status, HttpHeaders headers) {
        String line = "HTTP " + status + HttpStatusText.of(status);
        if (status == 429) {
            return AttemptFailed.retryable(Reason.RATE_LIMITED, line, retryAfter(headers));
        }
        if (status == 503) {
            return AttemptFailed.retryable(Reason.HTTP_STATUS, line, retryAfter(headers));
        }
        if (status >= 500) {
            return AttemptFailed.retryable(Reason.HTTP_STATUS, line);
        }
        if (status >= 300 && status < 400) {
            String location = headers.firstValue("Location").orElse("none");
            return AttemptFailed.fatal(Reason.HTTP_STATUS, line + " to " + location + " (not followed)");
        }
        return AttemptFailed.fatal(Reason.HTTP_STATUS, line);
    }

    /**
     * Retry-After as delta-seconds or as an HTTP-date (measured from the response's Date when it has one);
     * null, so the normal backoff applies, when it is missing, unparseable or a date that has passed.
     */
    private Duration retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return null;
        }
        String text = value.get();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return null; // absurdly long: ignore it and back off as usual
            }
        }
        Instant until = httpDate(text);
        if (until == null) {
            return null;
        }
        Instant now = headers.firstValue("Date").map(HttpFeedSource::httpDate).orElse(null);
        Duration wait = Duration.between(now != null ? now : wallClock.instant(), until);
        // a date already past (a server clock off, a stale cache) is no instruction: back off as usual
        return wait.isNegative() || wait.isZero() ? null : wait;
    }

    private static Instant httpDate(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A download's Content-Type, refused as a maintenance page when HTML, else as the check says. */
    private static FeedFormat checkedContentType(HttpHeaders headers, BodyCheck check) throws AttemptFailed {
        String mime = notHtml(headers);
        try {
            check.contentType(mime);
        } catch (RegisterSourceException e) {
            throw AttemptFailed.fatal(e.reason(), e.detail());
        }
        return null;
    }

    /** The media type in lower case; a 200 with an HTML page is a maintenance page, whatever was asked for. */
    private static String notHtml(HttpHeaders headers) throws AttemptFailed {
        String mime = headers.firstValue("Content-Type")
                .orElse("")
                .split(";")[0]
                .strip()
                .toLowerCase(Locale.ROOT);
        if (mime.equals("text/html") || mime.equals("application/xhtml+xml")) {
            throw AttemptFailed.fatal(
                    Reason.MAINTENANCE_PAGE,
                    "the server answered 200 with an HTML page (" + mime + ") instead of the feed");
        }
        return mime;
    }

    /** The format the Content-Type declares; null when it does not say (text/plain, octet-stream, none). */
    private FeedFormat formatOf(HttpHeaders headers) throws AttemptFailed {
        String contentType = headers.firstValue("Content-Type").orElse("");
        String[] parts = contentType.split(";");
        String mime = notHtml(headers);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !READABLE_CHARSETS.contains(parameter.substring(8))) {
                throw AttemptFailed.fatal(
                        Reason.WRONG_CONTENT_TYPE,
                        "the feed must be UTF-8 or Shift_JIS (CP932) but the server sends " + contentType.strip());
            }
        }
        FeedFormat declared;
        if (mime.equals("text/csv") || mime.equals("application/csv") || mime.equals("text/comma-separated-values")) {
            declared = FeedFormat.CSV;
        } else if (mime.equals("application/json") || mime.equals("text/json") || mime.endsWith("+json")) {
            declared = FeedFormat.JSON;
        } else if (mime.equals(XLSX_MIME) || mime.equals("application/vnd.ms-excel")) {
            return FeedFormat.XLSX; // the body is checked to be a workbook: detection is by content
        } else if (mime.isEmpty() || mime.equals("text/plain") || mime.equals("application/octet-stream")) {
            return settings.format();
        } else {
            throw AttemptFailed.fatal(
                    Reason.WRONG_CONTENT_TYPE,
                    "Content-Type " + mime
                            + " is not a register feed (expected text/csv, application/json or text/plain)");
        }
        if (settings.format() != null && settings.format() != declared) {
            throw AttemptFailed.fatal(
                    Reason.WRONG_CONTENT_TYPE, "expected " + settings.format() + " but the server sends " + mime);
        }
        return declared;
    }

    /**
     * Reads the body on a worker thread while this thread keeps the time: it wakes at the next moment the
     * read timeout (no new byte) or the overall deadline could pass, and when one has, cancels the read by
     * interrupting the worker and closing the stream. So a server that drips a byte a second cannot keep a
     * fetch past its deadline, whatever the socket does.
     */
    private Spooled readBody(InputStream body, long deadline, OptionalLong contentLength, boolean chunked)
            throws AttemptFailed {
        Path file;
        try {
            file = Spool.newFile(settings.spoolDir());
        } catch (RegisterSourceException e) {
            closeQuietly(body);
            throw AttemptFailed.fatal(e.reason(), e.detail());
        }
        Progress progress = new Progress(nanoClock.getAsLong());
        Future<Spooled> copy = BODY_READERS.submit(() -> Spool.copy(body, file, settings.maxBytes(), bytes -> {
            progress.bytes = bytes;
            progress.lastNanos = nanoClock.getAsLong();
        }));
        long readTimeout = settings.readTimeout().toNanos();
        Spooled spooled = null;
        try {
            while (spooled == null) {
                long now = nanoClock.getAsLong();
                long wake = Math.min(progress.lastNanos + readTimeout - now, deadline - now);
                try {
                    spooled = copy.get(Math.max(wake, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    now = nanoClock.getAsLong();
                    if (now - deadline >= 0) {
                        throw AttemptFailed.fatal(
                                Reason.DEADLINE_EXCEEDED,
                                "the body was still arriving when the " + Durations.format(settings.overallDeadline())
                                        + " deadline passed (" + received(progress.bytes, contentLength) + ")");
                    }
                    if (now - progress.lastNanos >= readTimeout) {
                        throw AttemptFailed.retryable(
                                Reason.TIMEOUT,
                                "the body stalled: no byte for " + Durations.format(settings.readTimeout()) + " ("
                                        + received(progress.bytes, contentLength) + ")");
                    }
                }
            }
            return spooled;
        } catch (ExecutionException e) {
            throw bodyFailure(e.getCause(), progress.bytes, contentLength, chunked);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AttemptFailed.fatal(Reason.INTERRUPTED, "interrupted while reading the body");
        } finally {
            if (spooled == null) {
                copy.cancel(true); // interrupts a read that waits for bytes
                closeQuietly(body); // and cancels the exchange, which closes the connection
                Spool.deleteQuietly(file);
            }
        }
    }

    private static String received(long bytes, OptionalLong contentLength) {
        return Bytes.exact(bytes)
                + (contentLength.isPresent() ? " of " + Bytes.exact(contentLength.getAsLong()) : "")
                + " received";
    }

    private AttemptFailed bodyFailure(Throwable cause, long bytes, OptionalLong contentLength, boolean chunked) {
        if (cause instanceof RegisterSourceException e) {
            return AttemptFailed.fatal(e.reason(), e.detail());
        }
        if (!(cause instanceof IOException)) {
            return AttemptFailed.fatal(Reason.MALFORMED, "reading the body failed: " + messageOf(cause));
        }
        if (isReset(cause)) {
            return AttemptFailed.retryable(
                    Reason.CONNECTION_RESET, "the connection was reset after " + Bytes.exact(bytes) + " of the body");
        }
        if (contentLength.isPresent()) {
            return endedEarly(bytes, contentLength.getAsLong());
        }
        if (chunked) {
            return AttemptFailed.retryable(
                    Reason.TRUNCATED,
                    "the chunked body broke off after " + Bytes.exact(bytes) + ", before its last chunk");
        }
        return AttemptFailed.retryable(
                Reason.TRUNCATED, "the body broke off after " + Bytes.exact(bytes) + ": " + messageOf(cause));
    }

    private static AttemptFailed endedEarly(long bytes, long contentLength) {
        return AttemptFailed.retryable(
                Reason.TRUNCATED,
                "the body ended after " + Bytes.exact(bytes) + " of the announced " + Bytes.exact(contentLength));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("connection reset")) {
                return true;
            }
        }
        return false;
    }

    /** The response's validators, or {@code otherwise} when it has none. */
    private static Validators validatorsOf(HttpHeaders headers, Validators otherwise) {
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        return etag == null && lastModified == null ? otherwise : new Validators(etag, lastModified);
    }

    private static String hostOf(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the response is abandoned anyway
        }
    }

    /** What the body reader has done so far; written by the reader, read by the fetching thread. */
    private static final class Progress {
        volatile long bytes;
        volatile long lastNanos;

        Progress(long startNanos) {
            lastNanos = startNanos;
        }
    }

    /** One attempt failed; whether to try again is decided by the loop. */
    private static final class AttemptFailed extends Exception {
        private static final long serialVersionUID = 1L;

        final Reason reason;
        final String detail;
        final boolean retryable;
        final transient Duration retryAfter;

        private AttemptFailed(Reason reason, String detail, boolean retryable, Duration retryAfter) {
            super(detail, null, false, false);
            this.reason = reason;
            this.detail = detail;
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        static AttemptFailed fatal(Reason reason, String detail) {
            return new AttemptFailed(reason, detail, false, null);
        }

        static AttemptFailed retryable(Reason reason, String detail) {
            return new AttemptFailed(reason, detail, true, null);
        }

        static AttemptFailed retryable(Reason reason, String detail, Duration retryAfter) {
            return new AttemptFailed(reason, detail, true, retryAfter);
        }

        RegisterSourceException toException(int attempts, String why) {
            String tally = attempts > 1 ? " after " + attempts + " attempts" : "";
            return new RegisterSourceException(reason, detail + tally + why, attempts, null);
        }
    }
}
