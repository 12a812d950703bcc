package jp.hoshimi.shared.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited text. Charset from the content (byte-order mark, else strictly valid UTF-8, else
 * windows-31j), delimiter from the header record, records with commons-csv (quoted line breaks allowed).
 */
final class CsvSheetReader {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final char[] DELIMITERS = {',', '\t', ';'};
    private static final char REPLACEMENT = '\uFFFD';
    /** The header record is looked for in this much text at the start of the file. */
    private static final int HEADER_SCAN_CHARS = 256 * 1024;

    private CsvSheetReader() {}

    static ReadResult read(Path file, RowSink sink) throws IOException {
        Encoding encoding = encodingOf(file);
        char delimiter = delimiterOf(file, encoding);
        CSVFormat format = format(delimiter);
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new BufferedReader(
                        new InputStreamReader(skip(in, encoding.bomLength), decoder(encoding)), 65536);
                CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    boolean decoding = e.getCause() instanceof CharacterCodingException;
                    throw Failures.translate(e, decoding ? 0 : (int) parser.getRecordNumber() + 1);
                }
                int rowNumber = (int) record.getRecordNumber();
                List<CellValue> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    if (encoding.charset == WINDOWS_31J && value.indexOf(REPLACEMENT) >= 0) {
                        throw new ImportRejectedException(Reason.CORRUPT, rowNumber);
                    }
                    cells.add(value.isEmpty() ? new CellValue.Empty() : new CellValue.Text(value));
                }
                sink.row(rowNumber, cells);
            }
        }
        if (sink.rowCount() == 0) {
            throw new ImportRejectedException(Reason.NO_HEADER);
        }
        return new ReadResult(
                SpreadsheetFormat.CSV, encoding.charset.name(), delimiter, null, List.of(), sink.rowCount(), false);
    }

    private static CSVFormat format(char delimiter) {
        // Blank lines come as records so that record numbers stay true to the file; RowSink skips them.
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
    }

    private record Encoding(Charset charset, int bomLength) {}

    private static Encoding encodingOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        return new Encoding(isValidUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_31J, 0);
    }

    /** Decodes the whole file as UTF-8, streamed, and reports the first malformed sequence. */
    private static boolean isValidUtf8(Path file) throws IOException {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(65536);
        CharBuffer chars = CharBuffer.allocate(65536);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            return !decoder.flush(chars).isError() && bytes.position() == 0;
        }
    }

    /**
     * The delimiter that alone splits the header record (the first non-blank one) into two or more fields;
     * comma when none does (a single-column file).
     */
    private static char delimiterOf(Path file, Encoding encoding) throws IOException {
        String start;
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(skip(in, encoding.bomLength), encoding.charset)) {
            char[] buffer = new char[HEADER_SCAN_CHARS];
            int length = 0;
            int read;
            while (length < buffer.length && (read = reader.read(buffer, length, buffer.length - length)) >= 0) {
                length += read;
            }
            start = new String(buffer, 0, length);
        }
        List<Character> candidates = new ArrayList<>();
        for (char delimiter : DELIMITERS) {
            if (headerFieldCount(start, delimiter) >= 2) {
                candidates.add(delimiter);
            }
        }
        if (candidates.size() > 1) {
            throw new ImportRejectedException(Reason.AMBIGUOUS_DELIMITER, candidates.toArray());
        }
        return candidates.isEmpty() ? ',' : candidates.get(0);
    }

    private static int headerFieldCount(String start, char delimiter) {
        try (CSVParser parser = CSVParser.parse(new StringReader(start), format(delimiter))) {
            for (CSVRecord record : parser) {
                boolean blank = record.stream().allMatch(String::isEmpty);
                if (!blank) {
                    return record.size();
                }
            }
            return 0;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return 0; // this delimiter does not parse the header
        }
    }

    /**
     * The reader decodes ahead of the parser, so a decoding error would point at the wrong record. windows-31j
     * has no U+FFFD of its own: bytes it cannot decode are replaced with U+FFFD and the record holding one is
     * rejected. UTF-8 has been checked already; UTF-16 fails without a row number.
     */
    private static CharsetDecoder decoder(Encoding encoding) {
        if (encoding.charset == WINDOWS_31J) {
            return encoding.charset
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(REPLACEMENT));
        }
        return strict(encoding.charset);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static InputStream skip(InputStream in, int bytes) throws IOException {
        in.skipNBytes(bytes);
        return in;
    }
}
