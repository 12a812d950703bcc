package jp.hoshimi.alert;

import java.time.LocalDateTime;

/**
 * An alert in one person's notification centre. Equal by the alert alone: it is the same notification
 * before and after it was read (a list keeps an opened row open when it turns read).
 */
public record Notification(Alert alert, LocalDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Notification that && that.alert.id() == alert.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(alert.id());
    }
}
