package jp.hoshimi.dataimport;

/** What a row of the file does to the data. */
public enum RowOutcome {
    NEW,
    CHANGED,
    UNCHANGED,
    ERROR;

    public String messageKey() {
        return "import.outcome." + name();
    }
}
