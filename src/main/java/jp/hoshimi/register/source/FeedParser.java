package jp.hoshimi.register.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.InvalidCorporateNumberException;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.Text;
import jp.hoshimi.shared.read.ReadLimits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a feed body into validated entries, streaming: a 200,000-entry feed is never held in memory
 * (only the 法人番号 seen so far, to refuse duplicates).
 *
 * <p>The first bad entry ends the parse with {@link Reason#MALFORMED} and its line; a feed without
 * entries is {@link Reason#EMPTY}. Entries already handed to the consumer before a failure must be thrown
 * away by the caller: a feed is used whole or not at all.
 */
public final class FeedParser {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /**
     * Limits of a spreadsheet feed read without the import's configured limits (tools and tests): a register
     * is larger than an import, so more rows and time.
     */
    public static final ReadLimits SPREADSHEET_LIMITS =
            new ReadLimits(200L * 1024 * 1024, 1_000_000, 2_000, 400_000_000L, java.time.Duration.ofMinutes(5));

    private FeedParser() {}

    /**
     * Streams the feed's entries to {@code consumer}, each validated: a valid 法人番号 (check digit included),
     * a level of {@code kind}, a known status, real dates (valid until not before registered on), no 法人番号
     * twice. A spreadsheet is read within {@link #SPREADSHEET_LIMITS}.
     *
     * @return how many entries there were
     * @throws RegisterSourceException MALFORMED with "line N: …" on the first bad entry, EMPTY when there are
     *     none, FILE_NOT_FOUND when the body cannot be read
     */
    public static int parse(
            Path body, FeedFormat format, RegisterKind kind, FieldMapping mapping, Consumer<FeedEntry> consumer) {
        return parse(body, format, kind, mapping, SPREADSHEET_LIMITS, consumer);
    }

    /** {@link #parse(Path, FeedFormat, RegisterKind, FieldMapping, Consumer)} with the import's read limits. */
    public static int parse(
            Path body,
            FeedFormat format,
            RegisterKind kind,
            FieldMapping mapping,
            ReadLimits limits,
            Consumer<FeedEntry> consumer) {
        Checker checker = new Checker(kind, mapping, consumer, null);
        read(body, format, limits, checker);
        if (checker.count == 0) {
            throw new RegisterSourceException(Reason.EMPTY, null, Text.of("feed.noEntries"));
        }
        return checker.count;
    }

    /** An entry that a preview refused: where it is and why. */
    public record Rejection(Text place, Text problem) {

        /** The place in English, as a log would say it. */
        public String where() {
            return place.english();
        }

        /** Why, in English. */
        public String reason() {
            return problem.english();
        }
    }

    /**
     * Reads the whole feed like {@link #parse} but goes on past bad entries: each is handed to {@code
     * rejected} instead of ending the read. A feed that cannot be read at all (no header, not a spreadsheet,
     * broken quoting) still throws.
     *
     * @return how many entries were accepted
     */
    public static int preview(
            Path body,
            FeedFormat format,
            RegisterKind kind,
            FieldMapping mapping,
            ReadLimits limits,
            Consumer<FeedEntry> accepted,
            Consumer<Rejection> rejected) {
        Checker checker = new Checker(kind, mapping, accepted, Objects.requireNonNull(rejected, "rejected"));
        read(body, format, limits, checker);
        return checker.count;
    }

    /** The format of a body by its content: a zip is a workbook, '{' or '[' JSON, anything else CSV. */
    public static FeedFormat detect(Path body) {
        return BodySniffer.guess(BodySniffer.start(body));
    }

    private static void read(Path body, FeedFormat format, ReadLimits limits, Checker checker) {
        Objects.requireNonNull(format, "format");
        if (format == FeedFormat.XLSX) {
            WorkbookFeed.read(body, limits, checker.mapping, new Table(checker, "feed.at.row", false));
            return;
        }
        try (InputStream in = Files.newInputStream(body)) {
            switch (format) {
                case CSV -> parseCsv(in, checker);
                case JSON -> parseJson(in, checker);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (NoSuchFileException e) {
            throw new RegisterSourceException(Reason.FILE_NOT_FOUND, "there is no file " + body, 1, e);
        } catch (IOException e) {
            throw new RegisterSourceException(
                    Reason.FILE_NOT_FOUND, "cannot read " + body + ": " + e.getMessage(), 1, e);
        }
    }

    private static void parseCsv(InputStream in, Checker checker) throws IOException {
        InputStream content = skipBom(in);
        Charset charset = checker.mapping.charset();
        // The reader decodes ahead of the parser, so a decoding error would point at the wrong line: bad
        // bytes become U+FFFD instead, and the record holding one is refused with its own line.
        Reader reader = new BufferedReader(
                new InputStreamReader(
                        content,
                        charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                65536);
        RecordLengthGuard guard = new RecordLengthGuard(reader);
        Text undecodable = charset.equals(StandardCharsets.UTF_8)
                ? Text.of("feed.undecodable.utf8")
                : Text.of("feed.undecodable.charset", charset.name());
        // blank lines come as records so that the line count stays true; they are skipped below
        CSVFormat format =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        Table table = new Table(checker, "feed.at.line", true);
        try (CSVParser parser = CSVParser.parse(guard, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record = next(records, line);
                if (record == null) {
                    break;
                }
                guard.recordDone();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                for (String value : record.values()) { // the record's own array: its iterator copies it
                    if (value.indexOf('\uFFFD') >= 0) {
                        throw malformed(line, undecodable);
                    }
                }
                table.row(line, Arrays.asList(record.values()));
            }
        }
        table.end();
    }

    /**
     * Rows of a CSV body or a workbook sheet: the header row is the first of the first {@link #TITLE_ROWS}
     * rows that names every required field (a title block above it is skipped, as the import does); every
     * row below it is an entry.
     */
    static final class Table {
        /** How many rows above the header row may hold a title. */
        static final int TITLE_ROWS = 10;

        private final Checker checker;
        /** The bundle key that names a place: a line of a text, a row of a sheet. */
        private final String unit;

        private final boolean sameWidth;
        private Map<String, Integer> columns;
        private int width;
        private int scanned;
        private List<String> widest;
        private long widestLine;

        Table(Checker checker, String unit, boolean sameWidth) {
            this.checker = checker;
            this.unit = unit;
            this.sameWidth = sameWidth;
        }

        void row(long line, List<String> values) {
            if (columns == null) {
                findHeader(line, values);
                return;
            }
            if (sameWidth && values.size() != width) {
                checker.reject(malformed(line, Text.of("feed.width", values.size(), width)));
                return;
            }
            Map<String, Integer> byField = columns;
            checker.check(() -> checker.accept(
                    field -> {
                        Integer column = byField.get(field);
                        return column == null || column >= values.size() ? null : values.get(column);
                    },
                    Text.of(unit, line),
                    line));
        }

        private void findHeader(long line, List<String> values) {
            if (checker.namesEveryRequiredField(values)) {
                columns = checker.columnsOf(header(values, line), line);
                width = values.size();
                return;
            }
            if (widest == null || values.size() > widest.size()) {
                widest = List.copyOf(values);
                widestLine = line;
            }
            if (++scanned > TITLE_ROWS) {
                end();
            }
        }

        /** No header row found: the widest row of the top is most likely the header, and says what it lacks. */
        void end() {
            if (columns == null && widest != null) {
                checker.columnsOf(header(widest, widestLine), widestLine);
            }
        }
    }

    /** Column positions by normalised name, in the header's order. */
    private static Map<String, Integer> header(List<String> record, long line) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = key(record.get(i));
            if (name.isEmpty()) {
                continue; // an unnamed column is read by nobody
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw malformed(line, Text.of("feed.header.twice", record.get(i).strip()));
            }
        }
        return columns;
    }

    /** The next record, or null at the end; commons-csv reports broken quoting and decoding unchecked. */
    private static CSVRecord next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw csvFailure(e, line);
        }
    }

    private static RegisterSourceException csvFailure(RuntimeException e, long line) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RecordTooLongException) {
            return malformed(line, Text.of("feed.recordTooLong", RecordLengthGuard.MAX_RECORD_CHARS));
        }
        String message = String.valueOf(cause.getMessage()).replaceFirst("^\\(startline \\d+\\) ", "");
        return malformed(line, Text.of("feed.quoting", message));
    }

    private static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLongException() {
            super("a record runs over " + RecordLengthGuard.MAX_RECORD_CHARS + " characters");
        }
    }

    /**
     * Stops a record that never ends: one quote that never closes would otherwise make the rest of a 200 MB
     * feed a single field, in memory. Counts what the parser reads since the last complete record (plus its
     * read-ahead, which is small).
     */
    private static final class RecordLengthGuard extends FilterReader {
        static final int MAX_RECORD_CHARS = 1_000_000;

        private long sinceRecord;

        RecordLengthGuard(Reader in) {
            super(in);
        }

        void recordDone() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int chars) throws IOException {
            sinceRecord += chars;
            if (sinceRecord > MAX_RECORD_CHARS + 65_536) {
                throw new RecordTooLongException();
            }
        }
    }

    private static void parseJson(InputStream in, Checker checker) throws IOException {
        // Jackson detects UTF-8 with or without a byte-order mark, and refuses invalid UTF-8
        try (JsonParser parser = JSON.createParser(in)) {
            List<String> path = checker.mapping.entriesPath().isEmpty()
                    ? List.of()
                    : Arrays.asList(checker.mapping.entriesPath().split("\\."));
            if (parser.nextToken() == null) {
                throw new RegisterSourceException(Reason.EMPTY, null, Text.of("feed.emptyBody"));
            }
            if (!seek(parser, path, 0)) {
                throw malformed(
                        parser.currentTokenLocation().getLineNr(),
                        path.isEmpty()
                                ? Text.of("feed.json.notArray")
                                : Text.of("feed.json.noArray", checker.mapping.entriesPath()));
            }
            int entry = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                entry++;
                long line = parser.currentTokenLocation().getLineNr();
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw malformed(line, Text.of("feed.json.notObject", entry));
                }
                JsonNode node = JSON.readTree(parser);
                Text where = Text.of("feed.at.entry", line, entry);
                checker.check(() -> checker.accept(field -> textOf(node, field, where), where, line));
            }
            // the rest of the document must be there too: a body cut after the array is still cut
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw malformed(line, Text.of("feed.json.invalid", withoutSource(e.getOriginalMessage())));
        } catch (CharConversionException e) {
            throw new RegisterSourceException(
                    Reason.MALFORMED, null, Text.of("feed.json.notUtf8", String.valueOf(e.getMessage())));
        }
    }

    /** Moves the parser onto the START_ARRAY of the entries; false when the path is not there. */
    private static boolean seek(JsonParser parser, List<String> path, int depth) throws IOException {
        if (depth == path.size()) {
            return parser.currentToken() == JsonToken.START_ARRAY;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(path.get(depth))) {
                return seek(parser, path, depth + 1);
            }
            parser.skipChildren();
        }
        return false;
    }

    private static String textOf(JsonNode node, String field, Text where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new RegisterSourceException(
                    Reason.MALFORMED, where, Text.of(value.isArray() ? "feed.json.array" : "feed.json.object", field));
        }
        return value.asText();
    }

    /** Jackson's messages name the source and repeat locations; the line is given separately. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                .strip();
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 65536);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    /** Field names compare trimmed, NFKC-normalised and case-blind. */
    private static String key(String field) {
        return FieldMapping.normalise(field).toLowerCase(Locale.ROOT);
    }

    private static RegisterSourceException malformed(long line, Text what) {
        return new RegisterSourceException(Reason.MALFORMED, Text.of("feed.at.line", line), what);
    }

    /** Validates entries one by one and hands them on. */
    private static final class Checker {
        final RegisterKind kind;
        final FieldMapping mapping;
        final Consumer<FeedEntry> consumer;
        final DateTimeFormatter dates;
        final boolean iso;
        final boolean era;
        final String levelNames;
        final java.util.Set<String> levels;
        final List<String> required;
        final FirstLines firstLines = new FirstLines();
        /** Where a preview's bad entries go; null for a sync, which stops at the first. */
        final Consumer<Rejection> rejected;

        int count;

        Checker(RegisterKind kind, FieldMapping mapping, Consumer<FeedEntry> consumer, Consumer<Rejection> rejected) {
            this.rejected = rejected;
            this.kind = Objects.requireNonNull(kind, "kind");
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            this.dates = mapping.dateFormatter();
            this.iso = mapping.datePattern().equals(FieldMapping.ISO_DATES);
            this.era = mapping.eraDates();
            this.levelNames =
                    kind.levels().stream().sorted().map(StarLevel::name).collect(Collectors.joining(", "));
            this.levels = kind.levels().stream().map(StarLevel::name).collect(Collectors.toUnmodifiableSet());
            this.required = requiredFields(kind, mapping);
        }

        /** The fields an entry must have, by the feed's names. */
        private static List<String> requiredFields(RegisterKind kind, FieldMapping mapping) {
            List<String> required = new ArrayList<>(
                    List.of(mapping.corporateNumber(), mapping.name(), mapping.level(), mapping.status()));
            if (kind == RegisterKind.STAR) {
                if (mapping.validUntil() == null) {
                    throw new RegisterSourceException(Reason.MALFORMED, null, Text.of("feed.starNeedsValidUntil"));
                }
                required.add(mapping.validUntil());
            }
            return required;
        }

        /** Runs one entry's check: a bad entry ends a sync, and is only noted by a preview. */
        void check(Runnable entry) {
            try {
                entry.run();
            } catch (RegisterSourceException e) {
                reject(e);
            }
        }

        void reject(RegisterSourceException e) {
            if (rejected == null || e.reason() != Reason.MALFORMED) {
                throw e;
            }
            rejected.accept(new Rejection(e.where() == null ? Text.asIs("") : e.where(), e.what()));
        }

        /** Whether a row names every required field: then it is the header row. */
        boolean namesEveryRequiredField(List<String> row) {
            java.util.Set<String> names = new java.util.HashSet<>();
            row.forEach(value -> names.add(key(value)));
            return required.stream().allMatch(field -> names.contains(key(field)));
        }

        /**
         * The column of each mapped field, by the mapping's field name; optional fields the header lacks are
         * left out.
         */
        Map<String, Integer> columnsOf(Map<String, Integer> header, long line) {
            for (String field : required) {
                if (!header.containsKey(key(field))) {
                    throw new RegisterSourceException(
                            Reason.MALFORMED,
                            Text.of("feed.at.line", line),
                            Text.of("feed.header.missing", field, String.join(", ", header.keySet())));
                }
            }
            Map<String, Integer> columns = new HashMap<>();
            for (String field : Arrays.asList(
                    mapping.corporateNumber(),
                    mapping.name(),
                    mapping.level(),
                    mapping.registeredOn(),
                    mapping.validUntil(),
                    mapping.status(),
                    mapping.scope(),
                    mapping.assessmentBody())) {
                if (field != null && header.containsKey(key(field))) {
                    columns.put(field, header.get(key(field)));
                }
            }
            return columns;
        }

        void accept(UnaryOperator<String> raw, Text where, long line) {
            String corporateNumber = corporateNumber(raw.apply(mapping.corporateNumber()), where);
            String name = required(raw, mapping.name(), where);
            String level = mapping.levelOf(required(raw, mapping.level(), where));
            if (!levels.contains(level)) {
                throw new RegisterSourceException(
                        Reason.MALFORMED,
                        where,
                        Text.of("feed.level.unknown", raw.apply(mapping.level()).strip(), kind.name(), levelNames));
            }
            String status = mapping.statusOf(required(raw, mapping.status(), where));
            if (!FeedEntry.STATUSES.contains(status)) {
                throw new RegisterSourceException(
                        Reason.MALFORMED,
                        where,
                        Text.of(
                                "feed.status.unknown",
                                raw.apply(mapping.status()).strip()));
            }
            LocalDate registeredOn = date(raw, mapping.registeredOn(), where);
            LocalDate validUntil = kind == RegisterKind.STAR
                    ? date(required(raw, mapping.validUntil(), where), mapping.validUntil(), where)
                    : date(raw, mapping.validUntil(), where);
            if (registeredOn != null && validUntil != null && validUntil.isBefore(registeredOn)) {
                throw new RegisterSourceException(
                        Reason.MALFORMED,
                        where,
                        Text.of(
                                "feed.validBeforeRegistered",
                                mapping.validUntil(),
                                validUntil.toString(),
                                mapping.registeredOn(),
                                registeredOn.toString()));
            }
            long first = firstLines.putIfAbsent(Long.parseLong(corporateNumber), line);
            if (first >= 0) {
                throw new RegisterSourceException(
                        Reason.MALFORMED, where, Text.of("feed.numberAgain", corporateNumber, first));
            }
            count++;
            consumer.accept(new FeedEntry(
                    corporateNumber,
                    name,
                    level,
                    registeredOn,
                    validUntil,
                    status,
                    optional(raw, mapping.scope()),
                    optional(raw, mapping.assessmentBody())));
        }

        private String corporateNumber(String value, Text where) {
            if (value != null && CorporateNumbers.isPlainAndValid(value)) {
                return value;
            }
            try {
                return CorporateNumber.parse(value).value();
            } catch (InvalidCorporateNumberException e) {
                throw new RegisterSourceException(
                        Reason.MALFORMED,
                        where,
                        switch (e.reason()) {
                            case EMPTY -> Text.of("feed.number.empty", mapping.corporateNumber());
                            default ->
                                Text.of(
                                        "feed.number.invalid",
                                        value.strip(),
                                        Text.of("feed.number." + e.reason().name()));
                        });
            }
        }

        private static String required(UnaryOperator<String> raw, String field, Text where) {
            String value = optional(raw, field);
            if (value == null) {
                throw new RegisterSourceException(Reason.MALFORMED, where, Text.of("feed.field.empty", field));
            }
            return value;
        }

        private static String optional(UnaryOperator<String> raw, String field) {
            if (field == null) {
                return null;
            }
            String value = raw.apply(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private LocalDate date(UnaryOperator<String> raw, String field, Text where) {
            String value = optional(raw, field);
            return value == null ? null : date(value, field, where);
        }

        private LocalDate date(String value, String field, Text where) {
            try {
                String text = FieldMapping.normalise(value);
                if (era) {
                    text = text.replace("元年", "1年"); // the first year of an era is written 元年
                }
                return iso ? isoDate(text) : LocalDate.parse(text, dates);
            } catch (DateTimeException e) {
                throw new RegisterSourceException(
                        Reason.MALFORMED, where, Text.of("feed.date.invalid", field, value, mapping.datePattern()));
            }
        }

        /**
         * uuuu-MM-dd without the formatter, which builds maps for every parse (the biggest item in a profile of
         * a 200,000-entry feed). Same rule: four, two and two digits, and a real date.
         */
        private static LocalDate isoDate(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                throw new DateTimeException(text);
            }
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new DateTimeException(text);
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
