package jp.hoshimi.dataimport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The empty import template: one sheet per kind, named as the import looks for it (取引先, 契約, 再委託),
 * with Japanese and English headers; required columns are marked with *. Cells are formatted as text so
 * that Excel keeps the leading zeros of codes and all 13 digits of a 法人番号.
 */
public final class ImportTemplate {

    private ImportTemplate() {}

    public static void write(OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(10);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (ImportKind kind : ImportKind.values()) {
                Sheet sheet = workbook.createSheet(kind.sheetNames().get(0));
                Row row = sheet.createRow(0);
                int column = 0;
                for (ImportField field : kind.fields()) {
                    row.createCell(column).setCellValue(field.templateHeader() + (field.required() ? " *" : ""));
                    row.getCell(column).setCellStyle(header);
                    sheet.setDefaultColumnStyle(column, text);
                    sheet.setColumnWidth(column, 24 * 256);
                    column++;
                }
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }
}
