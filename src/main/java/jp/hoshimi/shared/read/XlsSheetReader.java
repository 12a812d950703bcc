package jp.hoshimi.shared.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Streams one sheet of an .xls with POI's HSSF event API: records are pushed one by one, the workbook is
 * never built. Formula cells are their cached results (the number in the FORMULA record, or the STRING
 * record that follows it). Reading stops at the end of the chosen sheet.
 */
final class XlsSheetReader implements HSSFListener {

    /** Ends the record loop once the chosen sheet is done; never escapes {@link #read}. */
    private static final class Done extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Done() {
            super(null, null, false, false);
        }
    }

    private static final int DEADLINE_CHECK_RECORDS = 4096;

    private final SheetChooser chooser;
    private final RowSink sink;
    private FormatTrackingHSSFListener formats;

    private final List<BoundSheetRecord> boundSheets = new ArrayList<>();
    private List<SheetInfo> sheets;
    private SheetInfo chosen;
    private int chosenSubstream = -1;
    private SSTRecord sst;
    private boolean date1904;
    private NumericCells numbers;

    private int depth;
    private int substream = -1;
    private boolean inChosenSheet;
    private long records;

    private int currentRow = -1;
    private List<CellValue> cells = new ArrayList<>();
    private int formulaStringRow = -1;
    private int formulaStringColumn = -1;

    private XlsSheetReader(SheetChooser chooser, RowSink sink) {
        this.chooser = chooser;
        this.sink = sink;
    }

    static ReadResult read(Path file, SheetChooser chooser, RowSink sink) {
        XlsSheetReader reader = new XlsSheetReader(chooser, sink);
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            reader.formats = new FormatTrackingHSSFListener(new MissingRecordAwareHSSFListener(reader));
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(reader.formats);
            try {
                new HSSFEventFactory().processWorkbookEvents(request, fs);
            } catch (Done done) {
                // the chosen sheet has been read
            }
        } catch (IOException | RuntimeException e) {
            throw Failures.translate(e, reader.currentRow + 1);
        }
        return reader.result();
    }

    private ReadResult result() {
        if (chosen == null) {
            // no sheet substream at all: still let the chooser see the names
            chooseSheet();
        }
        if (sink.rowCount() == 0) {
            throw new ImportRejectedException(Reason.NO_HEADER);
        }
        return new ReadResult(
                SpreadsheetFormat.XLS,
                null,
                null,
                chosen.name(),
                Sheets.skipped(sheets, chosen),
                sink.rowCount(),
                date1904);
    }

    @Override
    public void processRecord(Record record) {
        if (++records % DEADLINE_CHECK_RECORDS == 0) {
            sink.checkDeadline(currentRow + 1);
        }
        if (record instanceof BOFRecord bof) {
            beginSubstream(bof);
        } else if (record instanceof EOFRecord) {
            endSubstream();
        } else if (depth > 1) {
            return; // an embedded chart's substream
        } else if (record instanceof BoundSheetRecord boundSheet) {
            boundSheets.add(boundSheet);
        } else if (record instanceof DateWindow1904Record window) {
            date1904 = window.getWindowing() == 1;
        } else if (record instanceof SSTRecord sstRecord) {
            sst = sstRecord;
        } else if (inChosenSheet) {
            cell(record);
        }
    }

    private void beginSubstream(BOFRecord bof) {
        depth++;
        if (depth != 1 || bof.getType() == BOFRecord.TYPE_WORKBOOK) {
            return;
        }
        substream++;
        if (chosen == null) {
            chooseSheet();
            numbers = new NumericCells(date1904);
        }
        if (substream > chosenSubstream) {
            throw new Done();
        }
        inChosenSheet = substream == chosenSubstream;
    }

    private void endSubstream() {
        depth--;
        if (depth == 0 && inChosenSheet) {
            flushRow();
            throw new Done();
        }
    }

    /** All BOUNDSHEET records come before the first sheet; sheet substreams follow in BOF-offset order. */
    private void chooseSheet() {
        sheets = new ArrayList<>();
        for (int i = 0; i < boundSheets.size(); i++) {
            BoundSheetRecord boundSheet = boundSheets.get(i);
            sheets.add(new SheetInfo(i, boundSheet.getSheetname(), boundSheet.isHidden() || boundSheet.isVeryHidden()));
        }
        chosen = Sheets.choose(chooser, sheets);
        chosenSubstream = Arrays.asList(BoundSheetRecord.orderByBofPosition(boundSheets))
                .indexOf(boundSheets.get(chosen.index()));
    }

    private void cell(Record record) {
        if (record instanceof NumberRecord number) {
            put(number, numberOf(number, number.getValue()));
        } else if (record instanceof LabelSSTRecord label) {
            put(label, XlsxSheetReader.text(sst.getString(label.getSSTIndex()).getString()));
        } else if (record instanceof LabelRecord label) {
            put(label, XlsxSheetReader.text(label.getValue()));
        } else if (record instanceof BoolErrRecord boolErr) {
            put(
                    boolErr,
                    boolErr.isBoolean()
                            ? new CellValue.Bool(boolErr.getBooleanValue())
                            : errorOf(boolErr.getErrorValue()));
        } else if (record instanceof FormulaRecord formula) {
            formula(formula);
        } else if (record instanceof StringRecord string && formulaStringRow >= 0) {
            put(formulaStringRow, formulaStringColumn, XlsxSheetReader.text(string.getString()));
            formulaStringRow = -1;
        } else if (record instanceof LastCellOfRowDummyRecord last && last.getRow() == currentRow) {
            flushRow();
        }
    }

    private void formula(FormulaRecord formula) {
        switch (formula.getCachedResultTypeEnum()) {
            case NUMERIC -> put(formula, numberOf(formula, formula.getValue()));
            case BOOLEAN -> put(formula, new CellValue.Bool(formula.getCachedBooleanValue()));
            case ERROR -> put(formula, errorOf(formula.getCachedErrorValue()));
            case STRING -> {
                if (formula.hasCachedResultString()) {
                    // the text is in the STRING record that follows
                    formulaStringRow = formula.getRow();
                    formulaStringColumn = formula.getColumn();
                }
            }
            default -> {
                // empty cached result
            }
        }
    }

    private CellValue numberOf(CellValueRecordInterface record, double value) {
        return numbers.of(value, formats.getFormatIndex(record), formats.getFormatString(record));
    }

    private static CellValue errorOf(int code) {
        return new CellValue.Error(
                FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#N/A");
    }

    private void put(CellValueRecordInterface record, CellValue value) {
        put(record.getRow(), record.getColumn(), value);
    }

    private void put(int row, int column, CellValue value) {
        if (row != currentRow) {
            flushRow();
            currentRow = row;
        }
        while (cells.size() <= column) {
            cells.add(new CellValue.Empty());
        }
        cells.set(column, value);
    }

    private void flushRow() {
        if (currentRow >= 0) {
            List<CellValue> row = cells;
            int rowNumber = currentRow + 1;
            cells = new ArrayList<>();
            currentRow = -1;
            sink.row(rowNumber, row);
        }
    }
}
