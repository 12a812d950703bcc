package jp.hoshimi.shared.read;

import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;

/** Turns whatever POI, the zip code or a parser threw into the rejection it means. */
final class Failures {

    /**
     * In the messages of POI's ZipArchiveThresholdInputStream (ratio and entry size); the StAX parser keeps only
     * the message, not the exception, so the message is all there is to go by.
     */
    private static final String POI_ZIP_BOMB = "Zip bomb detected";

    private Failures() {}

    /**
     * @param rowNumber the row being read when it failed, or 0 if unknown
     * @return the exception to throw: rejections and handler failures unchanged, anything else translated
     */
    static RuntimeException translate(Throwable failure, int rowNumber) {
        if (failure instanceof ImportRejectedException || failure instanceof RowSink.CallerFailure) {
            return (RuntimeException) failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(POI_ZIP_BOMB)) {
                return new ImportRejectedException(Reason.ZIP_BOMB, failure);
            }
            if (t instanceof EncryptedDocumentException) {
                return new ImportRejectedException(Reason.ENCRYPTED, failure, "xls");
            }
            if (t instanceof OldExcelFormatException) {
                return new ImportRejectedException(Reason.EXCEL_95_OR_OLDER, failure, "BIFF5");
            }
        }
        return rowNumber > 0
                ? new ImportRejectedException(Reason.CORRUPT, failure, rowNumber)
                : new ImportRejectedException(Reason.CORRUPT, failure);
    }
}
