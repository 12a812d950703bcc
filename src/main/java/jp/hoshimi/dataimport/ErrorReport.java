package jp.hoshimi.dataimport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ui.MessageBundle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/** The rows in error of a run as an .xlsx: row number, record, column, problem. Streamed, 100 rows in memory. */
@Component
class ErrorReport {

    interface Pages {
        List<ImportRowResult> page(int offset, int limit);
    }

    private final MessageBundle messages;

    ErrorReport(MessageBundle messages) {
        this.messages = messages;
    }

    void write(ImportRun run, Pages errors, Locale locale, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet(messages.getTranslation("import.report.sheet", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0)
                    .setCellValue(messages.getTranslation(
                            "import.report.title",
                            locale,
                            run.fileName(),
                            run.id(),
                            run.counts().error()));
            Row header = sheet.createRow(2);
            String[] headers = {
                "import.report.row", "import.report.key", "import.report.column", "import.report.problem"
            };
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.getTranslation(headers[i], locale));
                header.getCell(i).setCellStyle(bold);
            }
            int next = 3;
            for (int offset = 0; ; offset += 1000) {
                List<ImportRowResult> page = errors.page(offset, 1000);
                for (ImportRowResult row : page) {
                    for (FieldProblem problem : row.problems()) {
                        Row line = sheet.createRow(next++);
                        line.createCell(0).setCellValue(row.rowNumber());
                        line.createCell(1).setCellValue(row.entityKey() == null ? "" : row.entityKey());
                        line.createCell(2).setCellValue(column(run, problem.field(), locale));
                        line.createCell(3)
                                .setCellValue(messages.getTranslation(
                                        problem.messageKey(),
                                        locale,
                                        problem.arguments().toArray()));
                    }
                }
                if (page.size() < 1000) {
                    break;
                }
            }
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(3, 100 * 256);
            sheet.createFreezePane(0, 3);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** "B: 取引先名" for a field the file maps, else the field's name. */
    private String column(ImportRun run, String property, Locale locale) {
        ImportField field = run.kind().fieldFor(property).orElse(null);
        if (field == null) {
            return "";
        }
        if (run.mapping() != null && run.mapping().maps(field)) {
            return run.mapping().describeColumn(run.mapping().column(field).orElseThrow());
        }
        return messages.getTranslation(field.messageKey(), locale);
    }
}
