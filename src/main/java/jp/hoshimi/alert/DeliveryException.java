package jp.hoshimi.alert;

/** A send that did not go through; the message is what administrators see on the failed delivery. */
class DeliveryException extends Exception {

    private final boolean permanent;

    DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    DeliveryException(String message, Throwable cause) {
        super(message, cause);
        this.permanent = false;
    }

    /** Trying again cannot help (no address, nothing configured): report at once. */
    boolean permanent() {
        return permanent;
    }
}
