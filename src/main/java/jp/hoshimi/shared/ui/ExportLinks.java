package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import jp.hoshimi.shared.export.ExportFormat;

/**
 * "CSV" and "Excel" download links for a list. Each download asks {@code table} to write the list as
 * filtered at that moment straight into the response: rows flow from the database cursor to the browser,
 * nothing is buffered. The download runs in its own HTTP request, outside the UI's session lock: the
 * callback must use what the view captured (its current filter), not read its components.
 */
public class ExportLinks extends Composite<HorizontalLayout> {

    /** Writes the list in a format onto the response stream. */
    @FunctionalInterface
    public interface Table {
        void write(ExportFormat format, OutputStream out);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    final Anchor csv;
    final Anchor xlsx;

    public ExportLinks(String idPrefix, String fileBase, Clock clock, Table table) {
        csv = link(idPrefix + "-export-csv", "export.csv", ExportFormat.CSV, fileBase, clock, table);
        xlsx = link(idPrefix + "-export-xlsx", "export.xlsx", ExportFormat.XLSX, fileBase, clock, table);
        HorizontalLayout layout = getContent();
        layout.addClassName("export-links");
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.setSpacing(true);
        layout.add(csv, xlsx);
    }

    private Anchor link(String id, String labelKey, ExportFormat format, String fileBase, Clock clock, Table table) {
        DownloadHandler handler = event -> {
            String stamp = STAMP.format(LocalDateTime.now(clock.withZone(Formats.DISPLAY_ZONE)));
            event.setFileName(format.fileName(fileBase + "-" + stamp));
            event.setContentType(format.contentType());
            try (OutputStream out = event.getOutputStream()) {
                table.write(format, out);
            }
        };
        Anchor anchor = new Anchor(handler, "");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.add(getTranslation(labelKey));
        anchor.setId(id);
        anchor.getElement().setAttribute("title", getTranslation(labelKey + ".hint"));
        anchor.addClassName("export-link");
        return anchor;
    }
}
