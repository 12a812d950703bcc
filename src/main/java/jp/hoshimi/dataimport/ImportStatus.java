package jp.hoshimi.dataimport;

/** Where a run is. Nothing is written to the master data before APPLIED. */
public enum ImportStatus {
    /** Waiting for the import worker (imports run one after another). */
    QUEUED,
    /** Reading the file and checking every row; nothing is written. */
    CHECKING,
    /** The file was read but required columns could not be matched: the user chooses them. */
    NEEDS_MAPPING,
    /** Checked: the preview is ready to apply (or has errors to fix first). */
    PREVIEWED,
    /** Writing, in one transaction. */
    APPLYING,
    APPLIED,
    /** The apply failed and was rolled back: the data is as it was. */
    FAILED,
    /** The file was refused (format, encryption, limits, …). */
    REJECTED,
    DISCARDED;

    public boolean isActive() {
        return this == QUEUED || this == CHECKING || this == APPLYING;
    }

    public String messageKey() {
        return "import.status." + name();
    }
}
