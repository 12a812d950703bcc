package jp.hoshimi.register.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import jp.hoshimi.register.source.FeedEntry;

/**
 * The parsed feed as a tab-separated file in the form {@code LOAD DATA} reads by default: fields
 * separated by tabs, rows by newlines, backslash as the escape character, {@code \N} for NULL. A tab,
 * newline, carriage return, NUL or backslash inside a value is escaped, so every value comes back as
 * it was written (names are published text and may hold any of them).
 */
final class StagingFile implements Closeable {

    /** An entry's content columns, in the order {@link #appendEntry} writes them. */
    static final String ENTRY_COLUMNS =
            "corporate_number, name, level, registered_on, valid_until, status, scope, assessment_body, content_hash";

    /** The columns of a row, in file order; {@link RegisterRepository} loads them in this order. */
    static final String COLUMNS = ENTRY_COLUMNS + ", change_type";

    static final int FIELDS = 10;

    private final Path path;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private int rows;

    private StagingFile(Path path) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    /** A new, empty file in {@code directory} (created if needed). */
    static StagingFile create(Path directory) {
        try {
            Files.createDirectories(directory);
            return new StagingFile(Files.createTempFile(directory, "staging-", ".tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    int rows() {
        return rows;
    }

    /** A NEW or CHANGED entry, with its content. */
    void write(FeedEntry entry, String contentHash, String changeType) {
        line.setLength(0);
        appendEntry(line, entry, contentHash).append('\t');
        field(line, changeType).append('\n');
        append();
    }

    /**
     * Appends an entry's content ({@link #ENTRY_COLUMNS}) in this format, without a line end; the values are
     * cut to their columns' lengths. Also what a kind's first load streams into {@code register_entry}.
     */
    static StringBuilder appendEntry(StringBuilder line, FeedEntry entry, String contentHash) {
        field(line, entry.corporateNumber()).append('\t');
        field(line, truncate(entry.name(), 300)).append('\t');
        field(line, entry.level()).append('\t');
        field(line, entry.registeredOn()).append('\t');
        field(line, entry.validUntil()).append('\t');
        field(line, entry.status()).append('\t');
        field(line, truncate(entry.scope(), 1000)).append('\t');
        field(line, truncate(entry.assessmentBody(), 300)).append('\t');
        return field(line, contentHash);
    }

    /** A removal: the 法人番号 of a stored entry the feed no longer has. */
    void writeRemoval(String corporateNumber, String changeType) {
        line.setLength(0);
        field(line, corporateNumber).append("\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t");
        field(line, changeType).append('\n');
        append();
    }

    private void append() {
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Writes what is buffered; the file is complete after this. */
    void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes and deletes the file. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the file is deleted next; nothing to keep
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder field(StringBuilder line, LocalDate date) {
        return date == null ? line.append("\\N") : line.append(date);
    }

    private static StringBuilder field(StringBuilder line, String value) {
        if (value == null) {
            return line.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> line.append("\\0");
                default -> line.append(c);
            }
        }
        return line;
    }

    /** Reads a file written by {@link #write} back, one array of {@link #FIELDS} values (null for NULL) per row. */
    static void read(Path file, Consumer<String[]> row) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text; (text = in.readLine()) != null; ) {
                String[] fields = text.split("\t", -1);
                if (fields.length != FIELDS) {
                    throw new IllegalStateException("staging file row with " + fields.length + " fields");
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unescape(fields[i]);
                }
                row.accept(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String field) {
        if (field.equals("\\N")) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder value = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                value.append(c);
                continue;
            }
            char next = field.charAt(++i);
            value.append(
                    switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case '0' -> '\0';
                        default -> next;
                    });
        }
        return value.toString();
    }

    /** At most {@code max} characters, never half of a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
