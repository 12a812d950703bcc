package jp.hoshimi.alert;

/** Where an outbox row is; see docs/decisions/0011-alert-outbox.md. */
public enum DeliveryStatus {
    /** Waiting until it is due (a daily digest, or a retry after a failed attempt). */
    PENDING,
    /** Claimed by a dispatcher that is sending it now. */
    SENDING,
    SENT,
    /** Every attempt failed; an administrator sees the error and may send it again. */
    FAILED,
    /** Its dispatcher stopped between sending and recording: it may have gone out, so it is not re-sent by itself. */
    UNCERTAIN;

    public String messageKey() {
        return "alert.delivery.status." + name();
    }
}
