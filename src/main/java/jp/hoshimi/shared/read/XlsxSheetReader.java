package jp.hoshimi.shared.read;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams one sheet of an .xlsx (transitional or Strict) with excel-streaming-reader: rows are parsed from
 * the sheet XML as they are iterated, at most 100 at a time in memory; shared strings are held read-only.
 */
final class XlsxSheetReader {

    private static final String ERROR_PREFIX = "ERROR:";

    private XlsxSheetReader() {}

    static ReadResult read(Path file, SpreadsheetFormat format, SheetChooser chooser, RowSink sink) {
        int rowNumber = 0;
        try (Workbook workbook =
                StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(file.toFile())) {
            List<SheetInfo> sheets = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
                sheets.add(new SheetInfo(i, workbook.getSheetName(i), hidden));
            }
            SheetInfo chosen = Sheets.choose(chooser, sheets);
            boolean date1904 = ((Date1904Support) workbook).isDate1904();
            NumericCells numbers = new NumericCells(date1904);
            for (Row row : workbook.getSheetAt(chosen.index())) {
                rowNumber = row.getRowNum() + 1;
                List<CellValue> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
                for (Cell cell : row) {
                    while (cells.size() < cell.getColumnIndex()) {
                        cells.add(new CellValue.Empty());
                    }
                    cells.add(valueOf(cell, numbers));
                }
                sink.row(rowNumber, cells);
            }
            if (sink.rowCount() == 0) {
                throw new ImportRejectedException(Reason.NO_HEADER);
            }
            return new ReadResult(
                    format, null, null, chosen.name(), Sheets.skipped(sheets, chosen), sink.rowCount(), date1904);
        } catch (IOException | RuntimeException e) {
            throw Failures.translate(e, rowNumber);
        }
    }

    /** The cell's value; for a formula, its cached value (the reader never evaluates). */
    private static CellValue valueOf(Cell cell, NumericCells numbers) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> text(cell.getStringCellValue());
            case NUMERIC -> {
                CellStyle style = cell.getCellStyle();
                yield style == null
                        ? numbers.of(cell.getNumericCellValue(), 0, "General")
                        : numbers.of(
                                cell.getNumericCellValue(),
                                style.getDataFormat() & 0xFFFF,
                                style.getDataFormatString());
            }
            case BOOLEAN -> new CellValue.Bool(cell.getBooleanCellValue());
            case ERROR -> new CellValue.Error(errorCode(cell.getStringCellValue()));
            default -> new CellValue.Empty();
        };
    }

    static CellValue text(String value) {
        return value == null || value.isEmpty() ? new CellValue.Empty() : new CellValue.Text(value);
    }

    /** The streaming reader gives error cells as "ERROR:  #REF!". */
    private static String errorCode(String value) {
        return value.startsWith(ERROR_PREFIX)
                ? value.substring(ERROR_PREFIX.length()).strip()
                : value;
    }
}
