package jp.hoshimi.shared.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Builds the test files (into a @TempDir) and collects what the reader passes on. No binary fixtures. */
final class Fixtures {

    private Fixtures() {}

    /** One row as the handler received it, cells as text. */
    record Row(int number, List<String> cells) {}

    /** The result of a read and the rows, as text. */
    record Read(ReadResult result, List<Row> rows, List<List<CellValue>> values) {
        List<String> cellsOf(int rowNumber) {
            return rows.stream()
                    .filter(row -> row.number() == rowNumber)
                    .findFirst()
                    .orElseThrow()
                    .cells();
        }

        List<Integer> rowNumbers() {
            return rows.stream().map(Row::number).toList();
        }
    }

    static Read read(Path file) {
        return read(file, ReadLimits.defaults(), SheetChooser.firstVisible());
    }

    static Read read(Path file, ReadLimits limits, SheetChooser chooser) {
        SpreadsheetReader.applyPoiProtections(ReadLimits.defaults());
        List<Row> rows = new ArrayList<>();
        List<List<CellValue>> values = new ArrayList<>();
        ReadResult result = new SpreadsheetReader(limits).read(file, chooser, (number, cells) -> {
            rows.add(new Row(number, cells.stream().map(CellValue::asText).toList()));
            values.add(cells);
        });
        return new Read(result, rows, values);
    }

    /** The rejection thrown by {@code call}, failing the test if there is none. */
    static ImportRejectedException rejection(ThrowingCallable call) {
        ImportRejectedException rejection = catchThrowableOfType(ImportRejectedException.class, call);
        assertThat(rejection).as("expected a rejection").isNotNull();
        return rejection;
    }

    /** Asserts that {@code call} is rejected for {@code reason} with exactly {@code args}. */
    static ImportRejectedException assertRejected(ThrowingCallable call, Reason reason, Object... args) {
        ImportRejectedException rejected = rejection(call);
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.args()).containsExactly(args);
        return rejected;
    }

    /** An OLE2 compound file holding one stream. */
    static byte[] ole2(String streamName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(content), streamName);
            fs.writeFilesystem(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, Workbook workbook) {
        Path file = dir.resolve(name);
        try (workbook;
                OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A zip with the given entries (name → UTF-8 text), in order. */
    static byte[] zip(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes a content for one entry of a zip. */
    @FunctionalInterface
    interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A copy of {@code source} with {@code entryName}'s content replaced. */
    static Path replaceEntry(Path source, Path target, String entryName, EntryWriter content) {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    content.write(out);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
