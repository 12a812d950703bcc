package jp.hoshimi.alert.internal;

/** Fitting values into the alert tables' columns. */
final class Columns {

    /** The id of the one webhook row (alert_webhook). */
    static final int WEBHOOK_ID = 1;

    private Columns() {}

    /** {@code value} cut to at most {@code max} characters (the column's size); null stays null. */
    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
