package jp.hoshimi.exception;

/** Where an exception (例外承認) stands. Only APPROVED accepts a risk. */
public enum ExceptionState {
    REQUESTED,
    APPROVED,
    REJECTED,
    /** A risk manager ended it before its end date. */
    ENDED,
    /** It ended by itself: its end date passed, or the finding got worse than accepted. */
    LAPSED;

    public String messageKey() {
        return "exception.state." + name();
    }
}
