package jp.hoshimi.legalentity.source;

import static jp.hoshimi.legalentity.source.NtaFileRejectedException.Reason;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an NTA file — a zip holding exactly one CSV, or the CSV itself — row by row, never holding the
 * file in memory. Strict: the announced edition's encoding must decode every byte, every row has 30
 * columns and valid codes ({@link NtaRowParser}); the first problem ends the read with a
 * {@link NtaFileRejectedException} naming it. Callers stage what they are given and apply nothing until
 * the whole file has been read.
 */
public final class NtaFileReader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private NtaFileReader() {}

    /** Reads every row of {@code file} into {@code rows}; returns how many there were. */
    public static long read(Path file, NtaEdition edition, NtaLimits limits, Consumer<NtaRow> rows) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new NtaFileRejectedException(Reason.EMPTY);
            }
            if (startsWithZipMagic(file)) {
                return readZip(file, size, edition, limits, rows);
            }
            if (startsWith(file, (byte) 'P', (byte) 'K')) {
                throw new NtaFileRejectedException(Reason.NOT_A_ZIP);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return readCsv(in, edition, rows);
            }
        } catch (IOException e) {
            throw new NtaFileRejectedException(Reason.UNREADABLE, e.getMessage());
        }
    }

    private static long readZip(Path file, long zipSize, NtaEdition edition, NtaLimits limits, Consumer<NtaRow> rows)
            throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            // the central directory sits at the end of a zip: a cut-off download has none
            throw new NtaFileRejectedException(Reason.TRUNCATED);
        }
        try (zip) {
            ZipEntry entry = onlyCsvEntry(zip);
            long cap = Math.min(limits.maxCsvBytes(), Math.max(zipSize, 1) * limits.maxExpansion());
            try (InputStream in = new BufferedInputStream(
                    new CappedInputStream(zip.getInputStream(entry), cap, limits.maxCsvBytes()), 1 << 16)) {
                return readCsv(in, edition, rows);
            } catch (EOFException | ZipException e) {
                throw new NtaFileRejectedException(Reason.TRUNCATED);
            }
        }
    }

    private static ZipEntry onlyCsvEntry(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        ZipEntry only = null;
        int count = 0;
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            count++;
            only = entry;
        }
        if (count != 1
                || only.isDirectory()
                || !only.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new NtaFileRejectedException(Reason.ZIP_ENTRIES, count);
        }
        return only;
    }

    private static long readCsv(InputStream in, NtaEdition edition, Consumer<NtaRow> rows) throws IOException {
        LastCharReader reader = new LastCharReader(new InputStreamReader(
                in,
                edition.charset()
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        long count = 0;
        long previous = 0;
        try {
            skipBom(reader);
        } catch (CharacterCodingException e) {
            throw translate(e, count, edition);
        }
        try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            var iterator = parser.iterator();
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                count++;
                if (record.size() != NtaRow.COLUMNS && !iterator.hasNext() && !reader.endedWithNewline()) {
                    throw new NtaFileRejectedException(Reason.TRUNCATED);
                }
                NtaRow row = NtaRowParser.parse(record, count);
                if (row.sequenceNumber() <= previous) {
                    // a repeated or reordered row: the file was put together wrongly
                    throw new NtaFileRejectedException(Reason.SEQUENCE, count, row.sequenceNumber());
                }
                previous = row.sequenceNumber();
                rows.accept(row);
            }
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), count, edition);
        } catch (CharacterCodingException e) {
            throw translate(e, count, edition);
        }
        if (count == 0) {
            throw new NtaFileRejectedException(Reason.EMPTY);
        }
        if (!reader.endedWithNewline()) {
            // NTA rows end with a line break; a file that stops without one was cut off
            throw new NtaFileRejectedException(Reason.TRUNCATED);
        }
        return count;
    }

    private static RuntimeException translate(IOException e, long rowsRead, NtaEdition edition) {
        if (e instanceof CharacterCodingException) {
            return new NtaFileRejectedException(Reason.WRONG_ENCODING, rowsRead + 1, edition.name());
        }
        if (e instanceof CappedInputStream.TooLarge tooLarge) {
            return new NtaFileRejectedException(tooLarge.bomb ? Reason.ZIP_BOMB : Reason.TOO_LARGE);
        }
        if (e instanceof EOFException || e instanceof ZipException) {
            return new NtaFileRejectedException(Reason.TRUNCATED);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new NtaFileRejectedException(Reason.TRUNCATED);
        }
        return new NtaFileRejectedException(Reason.BAD_CSV, rowsRead + 1, message);
    }

    private static void skipBom(LastCharReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static boolean startsWithZipMagic(Path file) throws IOException {
        return startsWith(file, ZIP_MAGIC);
    }

    private static boolean startsWith(Path file, byte... prefix) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(prefix.length);
            return java.util.Arrays.equals(head, prefix);
        }
    }

    /** Counts what is read and refuses more than the cap (an expansion cap is a zip bomb, the hard cap too large). */
    private static final class CappedInputStream extends FilterInputStream {

        static final class TooLarge extends IOException {
            final boolean bomb;

            TooLarge(boolean bomb) {
                super(bomb ? "zip bomb" : "too large");
                this.bomb = bomb;
            }
        }

        private final long cap;
        private final long hardCap;
        private long read;

        CappedInputStream(InputStream in, long cap, long hardCap) {
            super(in);
            this.cap = cap;
            this.hardCap = hardCap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > cap) {
                throw new TooLarge(read <= hardCap);
            }
        }
    }

    /** Remembers the last character read, so that a file cut off in the middle of a row can be told apart. */
    private static final class LastCharReader extends java.io.BufferedReader {
        private int last = -1;

        LastCharReader(Reader in) {
            super(in, 1 << 16);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                last = c;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                last = buffer[offset + n - 1];
            }
            return n;
        }

        boolean endedWithNewline() {
            return last == '\n' || last == '\r';
        }
    }
}
