package jp.hoshimi.alert.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import jp.hoshimi.alert.AlertService;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The bell in the header with the number of unread alerts; a link to the notification centre. Counts
 * again on every navigation, when alerts were read here, and (at most every few seconds) when a screen
 * polls the server anyway.
 */
class AlertBell extends Anchor implements AfterNavigationObserver {

    private static final long POLL_REFRESH_NANOS = Duration.ofSeconds(5).toNanos();

    final Span count = new Span();
    private final AlertService alerts;
    private Registration changed;
    private Registration poll;
    private long lastRefresh;

    AlertBell(AlertService alerts) {
        super("alerts");
        this.alerts = alerts;
        setId("alert-bell");
        addClassName("alert-bell");
        Icon icon = VaadinIcon.BELL.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        count.setId("alert-bell-count");
        count.addClassName("alert-bell-count");
        add(icon, count);
        refresh();
    }

    void refresh() {
        lastRefresh = System.nanoTime();
        int unread;
        try {
            unread = alerts.unreadCount();
        } catch (AuthenticationCredentialsNotFoundException notBoundYet) {
            // the frame can be built before the sign-in is bound to this thread (Karibu's first view):
            // the bell counts at the next navigation instead of failing the whole layout
            unread = 0;
        }
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        getElement().setAttribute("data-unread", String.valueOf(unread));
        getElement().setAttribute("aria-label", getTranslation("alert.bell.label", unread));
        setTitle(getTranslation("alert.bell.label", unread));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        changed = ComponentUtil.addListener(event.getUI(), AlertsChanged.class, e -> refresh());
        poll = event.getUI().addPollListener(e -> {
            if (System.nanoTime() - lastRefresh > POLL_REFRESH_NANOS) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (changed != null) {
            changed.remove();
        }
        if (poll != null) {
            poll.remove();
        }
    }
}
