package jp.hoshimi.legalentity.source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.hoshimi.register.source.BodyCheck;
import jp.hoshimi.register.source.FetchResult;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import jp.hoshimi.register.source.Validators;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The NTA Web-API, version 4: {@code /diff} (the changes of a date range, in pages) and {@code /num} (up to
 * ten numbers at a time), CSV in the Unicode edition ({@code type=02}). Every page is fetched with the
 * register's {@link HttpFeedSource} (timeouts, retries, cap, completeness) and appended to one CSV in the
 * NTA file format, so the loader reads an API answer exactly as it reads a downloaded difference file.
 *
 * <p>What the answers are assumed to look like (docs/decisions/0040-nta-sources.md): the first line is the
 * summary {@code lastUpdateDate,count,divideNumber,divideSize}, then the 30-column rows of the file format;
 * a range is at most 50 days; pages are {@code divide=1..divideSize}. The rows are renumbered 1, 2, 3… in the
 * order they arrived, so sequence numbers rise across pages and windows whatever the API numbers them.
 */
public final class NtaWebApiSource implements NtaSource {

    /** The API refuses longer {@code /diff} ranges (an assumption from its specification). */
    public static final int MAX_DAYS = 50;

    static final int MAX_NUMBERS = 10;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int MAX_PAGES = 10_000;

    private final HttpFeedSource http;
    private final URI base;
    private final String applicationId;
    private final Clock clock;
    private final Path spoolDir;

    /**
     * @param http timeouts, retries and cap for every request; its URL is the API's base, e.g.
     *     {@code https://api.houjin-bangou.nta.go.jp/4}
     * @param applicationId the application id the NTA issued (sent as {@code id}; never shown or logged)
     */
    public NtaWebApiSource(HttpFeedSource http, String applicationId, Clock clock, Path spoolDir) {
        this.http = Objects.requireNonNull(http, "http");
        String url = http.settings().url().toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("the NTA Web-API needs an application id");
        }
        this.applicationId = applicationId.strip();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spoolDir = spoolDir;
    }

    @Override
    public String id() {
        return "nta-api:" + base;
    }

    /**
     * The differences from the day after {@code cursor.fetchedThrough()} (first fetch: yesterday) through
     * yesterday in Tokyo — whole days only, so a day is never fetched before it is complete.
     */
    @Override
    public NtaFetch fetch(NtaCursor cursor) {
        LocalDate through = LocalDate.now(clock.withZone(TOKYO)).minusDays(1);
        LocalDate from = cursor.fetchedThrough() == null
                ? through
                : cursor.fetchedThrough().plusDays(1);
        if (from.isAfter(through)) {
            return new NtaFetch.Unchanged(cursor);
        }
        List<URI> firstPages = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(through); start = start.plusDays(MAX_DAYS)) {
            LocalDate end = start.plusDays(MAX_DAYS - 1).isAfter(through) ? through : start.plusDays(MAX_DAYS - 1);
            firstPages.add(URI.create(
                    base + "/diff?id=" + encode(applicationId) + "&from=" + start + "&to=" + end + "&type=02&divide="));
        }
        Collected collected = collect(firstPages, true);
        Path out = collected.file();
        if (collected.rows() == 0) {
            // no corporation changed in those days: nothing to load, but they are fetched
            Spool.delete(out);
            return new NtaFetch.Unchanged(new NtaCursor(Validators.none(), through));
        }
        try {
            return new NtaFetch.Fetched(
                    out,
                    NtaEdition.UNICODE,
                    new NtaCursor(Validators.none(), through),
                    Files.size(out),
                    "diff " + from + ".." + through);
        } catch (IOException e) {
            Spool.delete(out);
            throw new RegisterSourceException(Reason.SPOOL_FAILED, "cannot read back " + out + ": " + e.getMessage());
        }
    }

    /** The current state of up to any number of corporations, asked ten at a time ({@code /num}). */
    public NtaFetch.Fetched numbers(List<String> corporateNumbers) {
        if (corporateNumbers.isEmpty()) {
            throw new IllegalArgumentException("no corporate numbers to ask for");
        }
        List<URI> requests = new ArrayList<>();
        for (int i = 0; i < corporateNumbers.size(); i += MAX_NUMBERS) {
            String numbers =
                    String.join(",", corporateNumbers.subList(i, Math.min(corporateNumbers.size(), i + MAX_NUMBERS)));
            requests.add(URI.create(
                    base + "/num?id=" + encode(applicationId) + "&number=" + numbers + "&type=02&history=0"));
        }
        Collected collected = collect(requests, false);
        Path out = collected.file();
        if (collected.rows() == 0) {
            Spool.delete(out);
            throw new RegisterSourceException(Reason.EMPTY, "the Web-API knows none of these numbers");
        }
        try {
            return new NtaFetch.Fetched(
                    out, NtaEdition.UNICODE, NtaCursor.none(), Files.size(out), "num " + corporateNumbers.size());
        } catch (IOException e) {
            Spool.delete(out);
            throw new RegisterSourceException(Reason.SPOOL_FAILED, "cannot read back " + out + ": " + e.getMessage());
        }
    }

    /** Every page of every request into one CSV; with {@code paged}, each URI is completed by the page number. */
    private record Collected(Path file, long rows) {}

    private Collected collect(List<URI> requests, boolean paged) {
        Path out = Spool.create(spoolDir);
        long[] sequence = {0};
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (URI request : requests) {
                int pages = 1;
                for (int page = 1; page <= pages; page++) {
                    URI url = paged ? URI.create(request + String.valueOf(page)) : request;
                    Summary summary = page(url, page, printer, sequence);
                    pages = paged ? summary.pages() : 1;
                }
            }
        } catch (IOException e) {
            Spool.delete(out);
            throw new RegisterSourceException(Reason.SPOOL_FAILED, "cannot write " + out + ": " + e.getMessage());
        } catch (RuntimeException e) {
            Spool.delete(out);
            throw e;
        }
        return new Collected(out, sequence[0]);
    }

    /** The summary line of one answer: how many rows the request has in all, and in how many pages. */
    record Summary(LocalDate lastUpdate, long count, int page, int pages) {}

    private Summary page(URI url, int expectedPage, CSVPrinter printer, long[] sequence) throws IOException {
        FetchResult result = http.download(url, Validators.none(), PageCheck.INSTANCE);
        if (!(result instanceof FetchResult.Downloaded page)) {
            throw new RegisterSourceException(
                    Reason.HTTP_STATUS, "the Web-API answered 304 Not Modified to a request that was not conditional");
        }
        try (Reader reader = new InputStreamReader(
                        Files.newInputStream(page.body()),
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw malformed(url, "the answer is empty (not even its summary line)");
            }
            Summary summary = summary(records.next(), url, expectedPage);
            long rows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rows++;
                List<String> values = new ArrayList<>(record.toList());
                values.set(0, String.valueOf(++sequence[0]));
                printer.printRecord(values);
            }
            if (summary.pages() == 1 && rows != summary.count()) {
                throw new RegisterSourceException(
                        Reason.TRUNCATED,
                        "the Web-API announced " + summary.count() + " rows but sent " + rows + " (" + where(url)
                                + ")");
            }
            return summary;
        } catch (UncheckedIOException e) {
            throw malformedOrUnreadable(url, e.getCause());
        } catch (CharacterCodingException e) {
            throw malformed(url, "the answer is not UTF-8 (type=02 asks for the Unicode edition)");
        } catch (IOException e) {
            throw malformedOrUnreadable(url, e);
        } finally {
            Spool.delete(page.body());
        }
    }

    private static Summary summary(CSVRecord first, URI url, int expectedPage) {
        if (first.size() != 4) {
            throw malformed(
                    url,
                    "the answer does not start with its summary line (lastUpdateDate,count,divideNumber,divideSize)"
                            + " but with " + first.size() + " columns");
        }
        try {
            LocalDate lastUpdate = LocalDate.parse(first.get(0).strip());
            long count = Long.parseLong(first.get(1).strip());
            int page = Integer.parseInt(first.get(2).strip());
            int pages = Integer.parseInt(first.get(3).strip());
            if (count < 0 || pages < 0 || pages > MAX_PAGES || (count > 0 && page != expectedPage)) {
                throw malformed(
                        url,
                        "its summary line is implausible: " + count + " rows, page " + page + " of " + pages + " (page "
                                + expectedPage + " was asked for)");
            }
            return new Summary(lastUpdate, count, page, Math.max(pages, 1));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed(
                    url, "its summary line is not a date and three numbers: " + String.join(",", first.toList()));
        }
    }

    private static RegisterSourceException malformedOrUnreadable(URI url, IOException e) {
        if (e instanceof CharacterCodingException) {
            return malformed(url, "the answer is not UTF-8 (type=02 asks for the Unicode edition)");
        }
        return malformed(url, "the answer is not CSV: " + e.getMessage());
    }

    private static RegisterSourceException malformed(URI url, String what) {
        return new RegisterSourceException(Reason.MALFORMED, "the Web-API's answer to " + where(url) + ": " + what);
    }

    /** The request without its application id, for messages. */
    static String where(URI url) {
        String query = url.getRawQuery() == null ? "" : url.getRawQuery().replaceAll("(^|&)id=[^&]*&?", "$1");
        return url.getPath() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A Web-API page: CSV, never an HTML page or XML (type=02 asks for CSV). */
    private static final class PageCheck implements BodyCheck {
        static final PageCheck INSTANCE = new PageCheck();
        private static final Set<String> TYPES =
                Set.of("", "text/csv", "text/plain", "application/csv", "application/octet-stream");

        @Override
        public String accept() {
            return "text/csv, text/plain;q=0.5";
        }

        @Override
        public void contentType(String mime) {
            if (!TYPES.contains(mime)) {
                throw new RegisterSourceException(
                        Reason.WRONG_CONTENT_TYPE, "the Web-API sent " + mime + " instead of CSV");
            }
        }

        @Override
        public void body(Path file) {
            // the summary line and every row are checked while the page is copied
        }
    }

    /** Spool files of this source. */
    private static final class Spool {
        private Spool() {}

        static Path create(Path dir) {
            try {
                if (dir == null) {
                    return Files.createTempFile("nta-api-", ".csv");
                }
                Files.createDirectories(dir);
                return Files.createTempFile(dir, "nta-api-", ".csv");
            } catch (IOException e) {
                throw new RegisterSourceException(
                        Reason.SPOOL_FAILED, "cannot create a spool file: " + e.getMessage(), 1, e);
            }
        }

        static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a left-over spool file is harmless; the failure that led here matters
            }
        }
    }
}
