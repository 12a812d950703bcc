package jp.hoshimi.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV in UTF-8 with a byte order mark, CRLF line ends, text cells neutralised ({@link CellText}). */
final class CsvTableWriter implements TableWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer writer;
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out) throws IOException {
        // the BOM is what makes Japanese Excel read UTF-8 instead of Shift_JIS
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        printer = new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    @Override
    public void row(List<?> cells) {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(text(cell));
        }
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof String s) {
            return CellText.neutralise(s);
        }
        if (cell instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (cell instanceof LocalDate d) {
            return d.toString();
        }
        // numbers and booleans are what they say; a negative number is a number, not a formula
        return String.valueOf(cell);
    }

    @Override
    public void close() {
        try {
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
