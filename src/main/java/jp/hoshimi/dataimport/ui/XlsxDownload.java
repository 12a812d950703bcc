package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A download of an .xlsx written on request (the template, an error report). */
final class XlsxDownload {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxDownload() {}

    static DownloadHandler of(Supplier<String> fileName, Consumer<OutputStream> writer) {
        return DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.accept(bytes);
            byte[] content = bytes.toByteArray();
            return new DownloadResponse(
                    new ByteArrayInputStream(content), fileName.get(), CONTENT_TYPE, content.length);
        });
    }
}
