package jp.hoshimi.legalentity.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the NTA Web-API v4 on loopback (never the real service): {@code /4/diff} answers the rows
 * it was given whose update date (column 5) lies in {@code from..to}, in pages of {@link #pageSize}, each
 * page led by the summary line {@code lastUpdateDate,count,divideNumber,divideSize}; {@code /4/num} answers
 * the rows of the numbers asked for. It checks the application id ({@code id}, else 403) and can misbehave
 * on the next request ({@link Fault}).
 */
public final class LocalNtaApiServer implements AutoCloseable {

    public static final String APPLICATION_ID = "KtLKHsYJGaNRT";

    /** Ways to answer the next request instead of the data. */
    public enum Fault {
        /** 500 Internal Server Error. */
        SERVER_ERROR,
        /** 400 Bad Request (e.g. a range the API refuses). */
        BAD_REQUEST,
        /** 200 text/csv with text that is not an API answer. */
        GARBAGE,
        /** 200 with a summary line announcing more rows than follow. */
        SHORT_COUNT,
        /** 200 text/html: a maintenance page. */
        MAINTENANCE_PAGE,
        /** Reads the request and answers nothing until the server closes. */
        HANG
    }

    private final HttpServer server;
    private final List<String> rows = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile int pageSize = 2000;

    private LocalNtaApiServer(HttpServer server) {
        this.server = server;
    }

    public static LocalNtaApiServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalNtaApiServer api = new LocalNtaApiServer(server);
        server.createContext("/4/", api::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "local-nta-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return api;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/4");
    }

    /** Rows in the NTA CSV format (30 columns), e.g. the lines of a sample difference file. */
    public LocalNtaApiServer rows(List<String> lines) {
        rows.clear();
        rows.addAll(lines);
        return this;
    }

    public LocalNtaApiServer pageSize(int size) {
        pageSize = size;
        return this;
    }

    public synchronized LocalNtaApiServer next(Fault fault) {
        faults.add(fault);
        return this;
    }

    public List<URI> requests() {
        return List.copyOf(requests);
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri);
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        try (exchange) {
            if (fault == Fault.HANG) {
                try {
                    closing.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            Map<String, String> query = query(uri);
            if (!APPLICATION_ID.equals(query.get("id"))) {
                send(exchange, 403, "text/plain", "invalid application id");
                return;
            }
            if (fault != null) {
                switch (fault) {
                    case SERVER_ERROR -> send(exchange, 500, "text/plain", "internal error");
                    case BAD_REQUEST -> send(exchange, 400, "text/plain", "bad request");
                    case GARBAGE -> send(exchange, 200, "text/csv", "<<not,an\nanswer>>\n");
                    case MAINTENANCE_PAGE -> send(exchange, 200, "text/html", "<html><body>メンテナンス中</body></html>");
                    case SHORT_COUNT -> send(exchange, 200, "text/csv", "2026-12-06,5,1,1\n" + rows.get(0) + "\n");
                    default -> throw new IllegalStateException(fault.name());
                }
                return;
            }
            List<String> selected = new ArrayList<>();
            if (uri.getPath().endsWith("/diff")) {
                String from = query.get("from");
                String to = query.get("to");
                for (String row : rows) {
                    String updated = row.split(",", -1)[4];
                    if (updated.compareTo(from) >= 0 && updated.compareTo(to) <= 0) {
                        selected.add(row);
                    }
                }
            } else if (uri.getPath().endsWith("/num")) {
                List<String> numbers = Arrays.asList(query.get("number").split(","));
                for (String row : rows) {
                    if (numbers.contains(row.split(",", -1)[1])) {
                        selected.add(row);
                    }
                }
            } else {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            int pages = Math.max(1, (selected.size() + pageSize - 1) / pageSize);
            int page = Integer.parseInt(query.getOrDefault("divide", "1"));
            List<String> slice = selected.subList(
                    Math.min(selected.size(), (page - 1) * pageSize), Math.min(selected.size(), page * pageSize));
            StringBuilder body = new StringBuilder("2026-12-06," + selected.size() + "," + page + "," + pages + "\n");
            slice.forEach(row -> body.append(row).append('\n'));
            send(exchange, 200, "text/csv; charset=UTF-8", body.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
