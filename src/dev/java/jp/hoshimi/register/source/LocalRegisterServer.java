package jp.hoshimi.register.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small register server on loopback for development and tests: serves feed files with an ETag (SHA-256 of
 * the content) and Last-Modified, answers 304 to a matching If-None-Match or If-Modified-Since, and on
 * request misbehaves in every way a remote register can ({@link #next(Misbehaviour, int)}).
 *
 * <p>It speaks just enough HTTP/1.1 on a plain socket (GET and HEAD, one request per connection) because
 * several faults need control below what com.sun.net.httpserver offers: a TCP reset, a chunked body cut
 * before its last chunk, headers sent line by line. See docs/decisions/0007-register-sources.md.
 *
 * <p>Run it on its own: {@code java -cp target/classes jp.hoshimi.register.source.LocalRegisterServer
 * sample-data/register-star.csv sample-data/register-security-action.csv --port 8089}.
 */
public final class LocalRegisterServer implements AutoCloseable {

    /** Ways to answer the next requests instead of serving the feed. */
    public enum Misbehaviour {
        /** 500 Internal Server Error. */
        INTERNAL_SERVER_ERROR,
        /** 503 Service Unavailable with {@code Retry-After: <seconds>} ({@link #retryAfter(Duration)}). */
        SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
        /** 429 Too Many Requests with {@code Retry-After: <HTTP-date>}, now + {@link #retryAfter(Duration)}. */
        TOO_MANY_REQUESTS_RETRY_AFTER_DATE,
        /** 429 Too Many Requests with a {@code Retry-After} that is neither seconds nor an HTTP-date. */
        TOO_MANY_REQUESTS_RETRY_AFTER_UNPARSEABLE,
        /** Reads the request and never answers (until the server closes). */
        HANG,
        /** Sends the status line, then one header line per {@link #tick(Duration)}, then the feed. */
        SLOW_HEADERS,
        /** Sends the headers at once, then the body one byte per {@link #tick(Duration)}. */
        SLOW_BODY_DRIP,
        /** Announces the full Content-Length, sends half the body and closes the connection. */
        TRUNCATED_FIXED_LENGTH,
        /** Sends half the body as a chunk and closes the connection without the last (empty) chunk. */
        TRUNCATED_CHUNKED,
        /** Sends the headers and half the body, then resets the connection (TCP RST). */
        CONNECTION_RESET,
        /** 200 application/json with a JSON document that breaks off in the middle of an entry. */
        MALFORMED_JSON,
        /** 200 text/csv with a record whose quote never closes. */
        MALFORMED_CSV,
        /** 200 text/html with a maintenance page. */
        MAINTENANCE_PAGE,
        /** 200 application/xml, which no feed is. */
        WRONG_CONTENT_TYPE,
        /** 200 with Content-Length {@link #hugeBody(long)} bytes, and sends them. */
        HUGE_BODY,
        /** 200 chunked, no Content-Length, {@link #hugeBody(long)} bytes. */
        HUGE_BODY_CHUNKED,
        /** 304 Not Modified, whatever the request says. */
        NOT_MODIFIED
    }

    /** A request as the server saw it; header names in lower case. */
    public record Request(String method, String path, Map<String, String> headers, Misbehaviour misbehaviour) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final int MAX_REQUEST_HEAD = 16 * 1024;

    private final ServerSocket listener;
    private final Map<String, Path> feeds;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Deque<Misbehaviour> planned = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Duration retryAfter = Duration.ofSeconds(2);
    private volatile Duration tick = Duration.ofSeconds(1);
    private volatile long hugeBodyBytes = 300_000_000L;

    private LocalRegisterServer(ServerSocket listener, Map<String, Path> feeds) {
        this.listener = listener;
        this.feeds = feeds;
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-register-server");
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::acceptLoop, "local-register-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves {@code feed} on a free loopback port. */
    public static LocalRegisterServer start(Path feed) {
        return start(0, feed);
    }

    /**
     * Serves each feed under its file name, e.g. {@code /register-star.csv}, on {@code port} (0: a free one),
     * loopback only.
     */
    public static LocalRegisterServer start(int port, Path... feeds) {
        if (feeds.length == 0) {
            throw new IllegalArgumentException("no feed to serve");
        }
        Map<String, Path> byPath = new LinkedHashMap<>();
        for (Path feed : feeds) {
            Path file = feed.toAbsolutePath().normalize();
            if (byPath.put("/" + file.getFileName(), file) != null) {
                throw new IllegalArgumentException("two feeds are called " + file.getFileName());
            }
        }
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return new LocalRegisterServer(listener, byPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
    }

    /** The URL of the first feed. */
    public URI url() {
        return url(feeds.keySet().iterator().next().substring(1));
    }

    /** The URL of the feed with this file name. */
    public URI url(String fileName) {
        if (!feeds.containsKey("/" + fileName)) {
            throw new IllegalArgumentException("no feed called " + fileName);
        }
        return URI.create(
                "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port() + "/" + fileName);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The next {@code times} requests misbehave this way (after those planned before). */
    public LocalRegisterServer next(Misbehaviour misbehaviour, int times) {
        Objects.requireNonNull(misbehaviour, "misbehaviour");
        synchronized (planned) {
            for (int i = 0; i < times; i++) {
                planned.add(misbehaviour);
            }
        }
        return this;
    }

    /** The next request misbehaves this way. */
    public LocalRegisterServer next(Misbehaviour misbehaviour) {
        return next(misbehaviour, 1);
    }

    /** Back to serving the feed properly. */
    public LocalRegisterServer behave() {
        synchronized (planned) {
            planned.clear();
        }
        return this;
    }

    /** What 429 and 503 ask the client to wait (whole seconds). Default 2 s. */
    public LocalRegisterServer retryAfter(Duration duration) {
        this.retryAfter = duration;
        return this;
    }

    /** The pace of slow headers and of the drip. Default 1 s. */
    public LocalRegisterServer tick(Duration duration) {
        this.tick = duration;
        return this;
    }

    /** How big a huge body is. Default 300,000,000 bytes. */
    public LocalRegisterServer hugeBody(long bytes) {
        this.hugeBodyBytes = bytes;
        return this;
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The ETag the server gives the feed now, e.g. {@code "9f86d0…"} (quotes included). */
    public String etagOf(String fileName) {
        url(fileName); // checks the name
        return Snapshot.of(feeds.get("/" + fileName)).etag();
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(LocalRegisterServer::closeQuietly);
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.execute(() -> {
                    try {
                        serve(socket);
                    } catch (IOException e) {
                        // the client went away, or the misbehaviour was to break the connection
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        open.remove(socket);
                        closeQuietly(socket);
                    }
                });
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) throws IOException, InterruptedException {
        socket.setSoTimeout(10_000);
        String head = readHead(socket.getInputStream());
        if (head == null) {
            return;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String method = requestLine[0];
        String path = requestLine.length > 1 ? requestLine[1].split("\\?")[0] : "/";
        OutputStream out = socket.getOutputStream();
        Path feed = feeds.get(path);
        if (feed == null || (!method.equals("GET") && !method.equals("HEAD"))) {
            requests.add(new Request(method, path, Map.copyOf(headers), null));
            if (feed == null) {
                respond(out, 404, "text/plain; charset=utf-8", "no feed at " + path + "\n", Map.of());
            } else {
                respond(out, 405, "text/plain; charset=utf-8", "only GET and HEAD\n", Map.of("Allow", "GET, HEAD"));
            }
            return;
        }
        Misbehaviour misbehaviour;
        synchronized (planned) {
            misbehaviour = planned.poll();
        }
        requests.add(new Request(method, path, Map.copyOf(headers), misbehaviour));
        Snapshot snapshot;
        try {
            snapshot = Snapshot.of(feed);
        } catch (UncheckedIOException e) {
            respond(out, 500, "text/plain; charset=utf-8", "cannot read " + feed.getFileName() + "\n", Map.of());
            return;
        }
        if (misbehaviour == null) {
            serveFeed(out, snapshot, headers, method.equals("HEAD"));
        } else {
            misbehave(socket, out, misbehaviour, snapshot);
        }
    }

    private void serveFeed(OutputStream out, Snapshot feed, Map<String, String> request, boolean head)
            throws IOException {
        Map<String, String> validators =
                Map.of("ETag", feed.etag(), "Last-Modified", HTTP_DATE.format(feed.lastModified()));
        if (notModified(feed, request)) {
            writeHead(out, 304, validators);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>(validators);
        headers.put("Content-Type", feed.contentType());
        headers.put("Content-Length", Integer.toString(feed.content().length));
        writeHead(out, 200, headers);
        if (!head) {
            out.write(feed.content());
        }
        out.flush();
    }

    /** If-None-Match decides when present; otherwise If-Modified-Since (whole seconds, as HTTP dates are). */
    private static boolean notModified(Snapshot feed, Map<String, String> request) {
        String ifNoneMatch = request.get("if-none-match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(feed.etag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.get("if-modified-since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant();
                return !feed.lastModified().toInstant().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private void misbehave(Socket socket, OutputStream out, Misbehaviour misbehaviour, Snapshot feed)
            throws IOException, InterruptedException {
        byte[] half = Arrays.copyOf(feed.content(), feed.content().length / 2);
        switch (misbehaviour) {
            case INTERNAL_SERVER_ERROR -> respond(out, 500, "text/plain; charset=utf-8", "internal error\n", Map.of());
            case SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS ->
                respond(
                        out,
                        503,
                        "text/plain; charset=utf-8",
                        "down for a moment\n",
                        Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
            case TOO_MANY_REQUESTS_RETRY_AFTER_DATE -> {
                // Date and Retry-After from the same instant, so the client can measure the wait exactly
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
                respond(
                        out,
                        429,
                        "text/plain; charset=utf-8",
                        "slow down\n",
                        Map.of(
                                "Date", HTTP_DATE.format(now),
                                "Retry-After", HTTP_DATE.format(now.plusSeconds(retryAfter.toSeconds()))));
            }
            case TOO_MANY_REQUESTS_RETRY_AFTER_UNPARSEABLE ->
                respond(out, 429, "text/plain; charset=utf-8", "slow down\n", Map.of("Retry-After", "soon, maybe"));
            case HANG -> closing.await();
            case SLOW_HEADERS -> {
                out.write(("HTTP/1.1 200 OK\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 1; i <= 10; i++) {
                    if (pause()) {
                        return;
                    }
                    out.write(("X-Slow-" + i + ": " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write(headerBlock(Map.of(
                        "Content-Type",
                        feed.contentType(),
                        "Content-Length",
                        Integer.toString(feed.content().length))));
                out.write(feed.content());
                out.flush();
            }
            case SLOW_BODY_DRIP -> {
                writeHead(out, 200, feedHeaders(feed, feed.content().length));
                for (byte b : feed.content()) {
                    out.write(b);
                    out.flush();
                    if (pause()) {
                        return;
                    }
                }
            }
            case TRUNCATED_FIXED_LENGTH -> {
                writeHead(out, 200, feedHeaders(feed, feed.content().length));
                out.write(half);
                out.flush();
                socket.shutdownOutput(); // FIN: the body simply ends early
            }
            case TRUNCATED_CHUNKED -> {
                Map<String, String> headers = new LinkedHashMap<>(feedHeaders(feed, -1));
                headers.put("Transfer-Encoding", "chunked");
                writeHead(out, 200, headers);
                writeChunk(out, half, half.length);
                out.flush();
                socket.shutdownOutput(); // no "0\r\n\r\n"
            }
            case CONNECTION_RESET -> {
                writeHead(out, 200, feedHeaders(feed, feed.content().length));
                out.write(half);
                out.flush();
                socket.setSoLinger(true, 0); // close now sends RST instead of FIN
                socket.close();
            }
            case MALFORMED_JSON ->
                respond(
                        out,
                        200,
                        "application/json",
                        "{\"entries\":[{\"corporate_number\":\"4180094482246\",\"name\":\"碧海精密プレス工業株式会社\","
                                + "\"level\":\"STAR4\",\"registered_on\":\"2026-04-01\",\"valid_until\":",
                        Map.of());
            case MALFORMED_CSV ->
                respond(
                        out,
                        200,
                        "text/csv; charset=utf-8",
                        "corporate_number,name,level,registered_on,valid_until,status,scope,assessment_body\n"
                                + "4180094482246,碧海精密プレス工業株式会社,STAR4,2026-04-01,2029-03-31,ACTIVE,全社,\n"
                                + "4120041270230,\"株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,全社,\n",
                        Map.of());
            case MAINTENANCE_PAGE ->
                respond(
                        out,
                        200,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html>\n<html lang=\"ja\"><head><title>メンテナンス中</title></head>"
                                + "<body><h1>ただいまメンテナンス中です</h1><p>しばらくお待ちください。</p></body></html>\n",
                        Map.of());
            case WRONG_CONTENT_TYPE ->
                respond(out, 200, "application/xml", "<?xml version=\"1.0\"?><error>moved</error>\n", Map.of());
            case HUGE_BODY -> {
                writeHead(out, 200, feedHeaders(feed, hugeBodyBytes));
                writeFiller(out, feed.content(), hugeBodyBytes, false);
            }
            case HUGE_BODY_CHUNKED -> {
                Map<String, String> headers = new LinkedHashMap<>(feedHeaders(feed, -1));
                headers.put("Transfer-Encoding", "chunked");
                writeHead(out, 200, headers);
                writeFiller(out, feed.content(), hugeBodyBytes, true);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            case NOT_MODIFIED ->
                writeHead(
                        out, 304, Map.of("ETag", feed.etag(), "Last-Modified", HTTP_DATE.format(feed.lastModified())));
        }
    }

    /** Waits a tick; true when the server is closing meanwhile. */
    private boolean pause() throws InterruptedException {
        return closing.await(tick.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Map<String, String> feedHeaders(Snapshot feed, long contentLength) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", feed.etag());
        headers.put("Last-Modified", HTTP_DATE.format(feed.lastModified()));
        headers.put("Content-Type", feed.contentType());
        if (contentLength >= 0) {
            headers.put("Content-Length", Long.toString(contentLength));
        }
        return headers;
    }

    private static void writeFiller(OutputStream out, byte[] pattern, long total, boolean chunked) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = pattern.length == 0 ? (byte) 'x' : pattern[i % pattern.length];
        }
        for (long sent = 0; sent < total; ) {
            int n = (int) Math.min(block.length, total - sent);
            if (chunked) {
                writeChunk(out, block, n);
            } else {
                out.write(block, 0, n);
            }
            sent += n;
        }
        out.flush();
    }

    private static void writeChunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void respond(
            OutputStream out, int status, String contentType, String body, Map<String, String> extra)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", contentType);
        headers.put("Content-Length", Integer.toString(bytes.length));
        writeHead(out, status, headers);
        out.write(bytes);
        out.flush();
    }

    private static void writeHead(OutputStream out, int status, Map<String, String> headers) throws IOException {
        out.write(("HTTP/1.1 " + status + HttpStatusText.of(status) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        all.putAll(headers);
        out.write(headerBlock(all));
        out.flush();
    }

    /** Header lines, "Connection: close" and the blank line; UTF-8 so that non-ASCII values survive as sent. */
    private static byte[] headerBlock(Map<String, String> headers) {
        StringBuilder block = new StringBuilder();
        headers.forEach(
                (name, value) -> block.append(name).append(": ").append(value).append("\r\n"));
        block.append("Connection: close\r\n\r\n");
        return block.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The request line and headers, up to the blank line; null when the client sent nothing. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > MAX_REQUEST_HEAD) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // going away anyway
        }
    }

    /** The feed file as it is now. */
    private record Snapshot(byte[] content, String etag, ZonedDateTime lastModified, String contentType) {
        static Snapshot of(Path file) {
            try {
                byte[] content = Files.readAllBytes(file);
                String etag = "\""
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content)) + "\"";
                ZonedDateTime lastModified = Files.getLastModifiedTime(file)
                        .toInstant()
                        .atZone(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS);
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                String contentType = name.endsWith(".json")
                        ? "application/json"
                        : name.endsWith(".xlsx")
                                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                : name.endsWith("-sjis.csv")
                                        ? "text/csv; charset=Shift_JIS"
                                        : name.endsWith(".csv")
                                                ? "text/csv; charset=utf-8"
                                                : name.endsWith(".zip")
                                                        ? "application/zip" // an NTA file's company mirror
                                                        : "text/plain; charset=utf-8";
                return new Snapshot(content, etag, lastModified, contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Serves the feeds given as arguments until stopped; {@code --port N} picks the port (default 8089). */
    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            files.add(Path.of("sample-data", "register-star.csv"));
            files.add(Path.of("sample-data", "register-security-action.csv"));
        }
        LocalRegisterServer server = start(port, files.toArray(Path[]::new));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        for (Path file : files) {
            org.slf4j.LoggerFactory.getLogger(LocalRegisterServer.class)
                    .info(
                            "Serving {} at {}",
                            file,
                            server.url(file.getFileName().toString()));
        }
        new CountDownLatch(1).await();
    }
}
