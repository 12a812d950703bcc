package jp.hoshimi.contract;

import java.time.LocalDate;

/**
 * When the earliest registration in a contract's chain ends ({@code contract_compliance.earliest_valid_until}):
 * within the next {@code withinDays} days from the evaluation date (today included), or between two dates
 * (both included; either open). The dashboard links to both: "expiring within 30 days" and a month of the
 * expiry timeline.
 */
public record ExpiryWindow(Integer withinDays, LocalDate from, LocalDate to) {

    public ExpiryWindow {
        if (withinDays != null && withinDays < 0) {
            throw new IllegalArgumentException("negative window: " + withinDays);
        }
        if (withinDays == null && from == null && to == null) {
            throw new IllegalArgumentException("an expiry window needs days or dates");
        }
    }

    public static ExpiryWindow within(int days) {
        return new ExpiryWindow(days, null, null);
    }

    public static ExpiryWindow between(LocalDate from, LocalDate to) {
        return new ExpiryWindow(null, from, to);
    }

    /** The first day of the window, as of {@code today}; null when open. */
    public LocalDate firstDay(LocalDate today) {
        return withinDays != null ? today : from;
    }

    /** The last day of the window, as of {@code today}; null when open. */
    public LocalDate lastDay(LocalDate today) {
        return withinDays != null ? today.plusDays(withinDays) : to;
    }
}
