package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short confirmations and errors in one consistent style. */
public final class Notifications {

    private Notifications() {}

    public static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
