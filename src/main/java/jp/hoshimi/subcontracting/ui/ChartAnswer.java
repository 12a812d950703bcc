package jp.hoshimi.subcontracting.ui;

/**
 * One choice of a link's chart question in the dialog: yes, no, or not answered (stored as null, shown
 * as a gap, judged as today: decision 0015). A radio group cannot offer null as an item, hence the enum.
 */
enum ChartAnswer {
    YES(Boolean.TRUE, "answer.yes"),
    NO(Boolean.FALSE, "answer.no"),
    NOT_ANSWERED(null, "answer.notAnswered");

    private final Boolean stored;
    private final String messageKey;

    ChartAnswer(Boolean stored, String messageKey) {
        this.stored = stored;
        this.messageKey = messageKey;
    }

    static ChartAnswer of(Boolean stored) {
        return stored == null ? NOT_ANSWERED : stored ? YES : NO;
    }

    /** What the link stores: true, false or null. */
    Boolean stored() {
        return stored;
    }

    String messageKey() {
        return messageKey;
    }
}
