package jp.hoshimi.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx written with POI's streaming SXSSF: only the last {@value #WINDOW} rows stay in memory, the
 * rest go to a compressed temporary file until the workbook is written out. Text goes into string cells,
 * which Excel never evaluates, so it is kept exactly as stored. The first row is bold and frozen.
 */
final class XlsxTableWriter implements TableWriter {

    static final int WINDOW = 100;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle header;
    private int rows;

    XlsxTableWriter(OutputStream out, String sheetName) throws IOException {
        this.out = out;
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName);
        var formats = workbook.getCreationHelper().createDataFormat();
        date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm:ss"));
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(rows);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (value instanceof LocalDateTime t) {
                cell.setCellValue(t);
                cell.setCellStyle(dateTime);
            } else {
                cell.setCellValue(String.valueOf(value));
            }
            if (rows == 0) {
                cell.setCellStyle(header);
            }
        }
        if (rows == 0) {
            sheet.createFreezePane(0, 1);
        }
        rows++;
    }

    @Override
    public void close() {
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // the temporary files are already gone (dispose); nothing else holds resources
            }
        }
    }
}
