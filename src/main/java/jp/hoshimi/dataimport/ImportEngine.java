package jp.hoshimi.dataimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import jp.hoshimi.shared.read.CellValue;
import jp.hoshimi.shared.read.ImportRejectedException;
import jp.hoshimi.shared.read.ReadResult;
import jp.hoshimi.shared.read.SheetChooser;
import jp.hoshimi.shared.read.SpreadsheetReader;

/**
 * The two phases of a run. {@link #read}: the untrusted file is parsed once, within the read limits and
 * deadline, into a {@link RowSpool}; no database work. {@link #process}: the header row is found among
 * the first rows (a title above the table does no harm), the columns are mapped, and each data row goes
 * to a {@link RowImporter}. Process runs inside the caller's transaction and never commits itself.
 */
final class ImportEngine {

    /** Required columns are not mapped: the user must choose them. */
    static final class MappingRequired extends RuntimeException {
        final transient ColumnMapping mapping;

        MappingRequired(ColumnMapping mapping) {
            super("required columns are not mapped", null, false, false);
            this.mapping = mapping;
        }
    }

    private final SpreadsheetReader reader;

    ImportEngine(SpreadsheetReader reader) {
        this.reader = reader;
    }

    ReadResult read(Path file, ImportKind kind, Path spool, IntConsumer progress) {
        try (RowSpool.Writer writer = new RowSpool.Writer(spool)) {
            int[] rows = {0};
            return reader.read(file, SheetChooser.byName(kind.sheetNames()), (rowNumber, cells) -> {
                writer.write(rowNumber, cells);
                progress.accept(++rows[0]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping for the spooled rows: the user's, a saved one for this header row, or by synonyms. */
    ColumnMapping mapping(Path spool, ImportKind kind, Function<String, Optional<ColumnMapping>> saved) {
        List<Map.Entry<Integer, List<CellValue>>> head = new ArrayList<>();
        try {
            RowSpool.forEach(spool, (rowNumber, cells) -> {
                head.add(Map.entry(rowNumber, cells));
                if (head.size() >= HeaderMatcher.HEADER_SEARCH_ROWS) {
                    throw new StopReading();
                }
            });
        } catch (StopReading enough) {
            // the header row is among the first rows
        }
        if (head.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.NO_HEADER);
        }
        Map.Entry<Integer, List<CellValue>> best = head.stream()
                .max(Comparator.comparingInt((Map.Entry<Integer, List<CellValue>> e) ->
                                HeaderMatcher.score(kind, texts(e.getValue())))
                        .thenComparing(e -> -e.getKey()))
                .orElseThrow();
        if (HeaderMatcher.score(kind, texts(best.getValue())) == 0) {
            // nothing recognised: take the first row as the header and let the user map the columns
            best = head.get(0);
        }
        List<String> headers = texts(best.getValue());
        int headerRow = best.getKey();
        return saved.apply(ColumnMapping.signature(headers))
                .map(mapping -> new ColumnMapping(headerRow, headers, mapping.columns()))
                .orElseGet(() -> new ColumnMapping(headerRow, headers, HeaderMatcher.map(kind, headers)));
    }

    /** Checks (and, in a transaction that commits, applies) every data row below the header row. */
    ImportCounts process(
            Path spool,
            ImportKind kind,
            ColumnMapping mapping,
            RowImporter importer,
            Consumer<ImportRowResult> sink,
            IntConsumer progress) {
        if (!mapping.missingRequired(kind).isEmpty()) {
            throw new MappingRequired(mapping);
        }
        ImportCounts[] counts = {ImportCounts.zero()};
        forEachDataRow(spool, mapping, progress, values -> {
            ImportRowResult result = importer.importRow(values);
            counts[0] = counts[0].plus(result.outcome());
            sink.accept(result);
        });
        return counts[0];
    }

    /** Every non-blank spooled row below the header row, mapped; {@code progress} counts every spooled row. */
    static void forEachDataRow(Path spool, ColumnMapping mapping, IntConsumer progress, Consumer<RowValues> action) {
        int[] done = {0};
        RowSpool.forEach(spool, (rowNumber, cells) -> {
            progress.accept(++done[0]);
            if (rowNumber <= mapping.headerRow()) {
                return;
            }
            RowValues values = new RowValues(rowNumber, mapping, cells);
            if (!values.isBlank()) {
                action.accept(values);
            }
        });
    }

    private static List<String> texts(List<CellValue> cells) {
        return cells.stream().map(CellValue::asText).map(String::strip).toList();
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
