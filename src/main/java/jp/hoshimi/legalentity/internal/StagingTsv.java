package jp.hoshimi.legalentity.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import jp.hoshimi.legalentity.source.NtaRow;
import jp.hoshimi.shared.CompanyNames;

/**
 * A parsed NTA file as the tab-separated text {@code LOAD DATA} reads by default (tab, newline, backslash
 * escapes, {@code \N} for NULL), one line per row in {@link #COLUMNS} order: the row's state columns plus
 * the normalised name, a hash of the state (to tell a change from a repeat) and a hash of the whole row
 * but its sequence number (a difference row applied twice is recorded once).
 */
final class StagingTsv implements Closeable {

    static final String COLUMNS = "sequence_number, corporate_number, process, correct, latest, update_date,"
            + " change_date, name, name_normalized, furigana, kind, prefecture_name, city_name, street_number,"
            + " prefecture_code, city_code, post_code, address_outside, close_date, close_cause,"
            + " successor_corporate_number, change_cause, assignment_date, en_name, hidden, content_hash, row_hash";

    static final int FIELDS = 27;

    private final Path path;
    private final BufferedWriter out;
    private final Format format = new Format();
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    StagingTsv(Path directory) {
        try {
            Files.createDirectories(directory);
            this.path = Files.createTempFile(directory, "nta-staging-", ".tsv");
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    long rows() {
        return rows;
    }

    void write(NtaRow r) {
        line.setLength(0);
        format.appendLine(r, line);
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /**
     * A row's fields in {@link #COLUMNS} order, with its two hashes, and its line; the staging file and the
     * first load straight into {@code legal_entity} (docs/decisions/0046) make the same values. One instance
     * per thread: it reuses its digest and array.
     */
    static final class Format {
        private final MessageDigest digest;
        private final String[] values = new String[FIELDS];

        Format() {
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The row's fields (the array is reused by the next call). */
        String[] values(NtaRow r) {
            String[] v = values;
            v[0] = Long.toString(r.sequenceNumber());
            v[1] = r.corporateNumber();
            v[2] = r.process();
            v[3] = bit(r.correct());
            v[4] = bit(r.latest());
            v[5] = r.updateDate().toString();
            v[6] = r.changeDate().toString();
            v[7] = cut(r.name(), 300);
            v[8] = cut(CompanyNames.normalize(r.name()), 300);
            v[9] = cut(r.furigana(), 500);
            v[10] = r.kind();
            v[11] = cut(r.prefectureName(), 20);
            v[12] = cut(r.cityName(), 100);
            v[13] = cut(r.streetNumber(), 300);
            v[14] = r.prefectureCode();
            v[15] = r.cityCode();
            v[16] = r.postCode();
            v[17] = cut(r.addressOutside(), 600);
            v[18] = r.closeDate() == null ? null : r.closeDate().toString();
            v[19] = r.closeCause();
            v[20] = r.successorCorporateNumber();
            v[21] = cut(r.changeCause(), 500);
            v[22] = r.assignmentDate() == null ? null : r.assignmentDate().toString();
            v[23] = cut(r.enName(), 300);
            v[24] = bit(r.hidden());
            // the state: what legal_entity keeps (not the process, dates or flags of the row that brought it)
            v[25] = hash(7, 24, -1);
            // the row: everything but its position in the file
            v[26] = hash(1, 24, 8);
            return v;
        }

        /** Appends the row as one line of LOAD DATA's default format, line break included. */
        void appendLine(NtaRow r, StringBuilder line) {
            String[] v = values(r);
            for (int i = 0; i < FIELDS; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                escape(line, v[i]);
            }
            line.append('\n');
        }

        private String hash(int from, int to, int skip) {
            digest.reset();
            for (int i = from; i <= to; i++) {
                if (i != skip) {
                    digest.update(
                            (values[i] == null ? "\u0000" : values[i] + "\u001f").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static void escape(StringBuilder line, String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                line.append('\\').append(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\0' ? '0' : '\\');
            } else {
                line.append(c);
            }
        }
    }

    void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows back, NULL as null, for the batched-insert fallback. */
    static void read(Path file, Consumer<String[]> row) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text; (text = in.readLine()) != null; ) {
                String[] fields = text.split("\t", -1);
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
        boolean escaped = false;
        for (char c : field.toCharArray()) {
            if (escaped) {
                value.append(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == '0' ? '\0' : c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static String bit(boolean flag) {
        return flag ? "1" : "0";
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
