package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Per-UI set-up: the language (cookie from the language switch, else the browser's) and the one global
 * error handler, which logs the stack trace with a reference and shows the user a plain message.
 */
@Component
class UiSetup implements VaadinServiceInitListener {

    static final String LANGUAGE_COOKIE = "hoshimi-lang";
    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            UI ui = uiEvent.getUI();
            ui.setLocale(languageOf(VaadinRequest.getCurrent(), ui.getLocale()));
        });
        event.getSource()
                .addSessionInitListener(sessionEvent -> sessionEvent
                        .getSession()
                        .setErrorHandler(error -> {
                            Throwable cause = error.getThrowable();
                            UI ui = UI.getCurrent();
                            if (ui == null) {
                                log.error("Unhandled error outside a UI", cause);
                                return;
                            }
                            String message;
                            if (hasCause(cause, AccessDeniedException.class)) {
                                message = ui.getTranslation("error.accessDenied");
                                log.warn("Access denied: {}", cause.getMessage());
                            } else if (jp.hoshimi.shared.tx.LockConflictRetry.isLockConflict(cause)) {
                                message = ui.getTranslation("error.busy");
                                log.warn("Lock conflict after retries: {}", cause.getMessage());
                            } else {
                                String reference = UUID.randomUUID().toString().substring(0, 8);
                                log.error("Unhandled error, reference {}", reference, cause);
                                message = ui.getTranslation("error.unexpected", reference);
                            }
                            ui.access(() -> Notification.show(message, 8000, Notification.Position.MIDDLE)
                                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
                        }));
    }

    static Locale languageOf(VaadinRequest request, Locale browserLocale) {
        if (request != null && request.getCookies() != null) {
            return Arrays.stream(request.getCookies())
                    .filter(cookie -> LANGUAGE_COOKIE.equals(cookie.getName()))
                    .map(Cookie::getValue)
                    .map(Locale::forLanguageTag)
                    .map(MessageBundle::supported)
                    .findFirst()
                    .orElseGet(() -> MessageBundle.supported(browserLocale));
        }
        return MessageBundle.supported(browserLocale);
    }

    private static boolean hasCause(Throwable throwable, Class<? extends Throwable> type) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
