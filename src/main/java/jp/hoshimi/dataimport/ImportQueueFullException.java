package jp.hoshimi.dataimport;

/** Too many imports are waiting; the upload was not kept. Try again in a few minutes. */
public class ImportQueueFullException extends RuntimeException {

    public ImportQueueFullException() {
        super("import.queue.full", null, false, false);
    }
}
