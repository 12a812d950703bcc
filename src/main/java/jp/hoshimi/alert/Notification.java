package jp.hoshimi.alert;

import java.time.LocalDateTime;

/** An alert in one person's notification centre. */
public record Notification(Alert alert, LocalDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
