package jp.hoshimi.register.source;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import jp.hoshimi.shared.read.CellValue;
import jp.hoshimi.shared.read.ImportRejectedException;
import jp.hoshimi.shared.read.ReadLimits;
import jp.hoshimi.shared.read.SheetChooser;
import jp.hoshimi.shared.read.SpreadsheetReader;

/**
 * A register published as an Excel download (.xlsx): read with the import's streaming reader and its limits
 * (never a whole workbook in memory), first visible sheet, rows handed to the same header search and checks
 * as a CSV feed.
 */
final class WorkbookFeed {

    private WorkbookFeed() {}

    static void read(java.nio.file.Path body, ReadLimits limits, FieldMapping mapping, FeedParser.Table table) {
        DateTimeFormatter dates = mapping.dateFormatter();
        try {
            new SpreadsheetReader(limits)
                    .read(
                            body,
                            SheetChooser.firstVisible(),
                            (rowNumber, cells) -> table.row(rowNumber, texts(cells, dates)));
        } catch (ImportRejectedException e) {
            throw new RegisterSourceException(Reason.MALFORMED, "the workbook cannot be read: " + e.getMessage(), 1, e);
        }
        table.end();
    }

    /**
     * Cells as the text a CSV feed would hold. A date cell is written in the mapping's own date form, so that a
     * sheet mixing date cells and date text reads the same either way.
     */
    private static List<String> texts(List<CellValue> cells, DateTimeFormatter dates) {
        List<String> texts = new ArrayList<>(cells.size());
        for (CellValue cell : cells) {
            texts.add(cell instanceof CellValue.Date date ? dateText(date.value(), dates) : cell.asText());
        }
        return texts;
    }

    private static String dateText(LocalDateTime value, DateTimeFormatter dates) {
        return dates.format(value.toLocalDate());
    }
}
