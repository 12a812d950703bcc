package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.LocalDateTime;

/**
 * "Waiting for the first register sync": what a screen says instead of statuses before the ★ register has
 * ever been synced successfully, when nothing is evaluated yet (docs/decisions/0010, "Before the first sync").
 */
public class WaitingForSync extends Paragraph {

    public WaitingForSync() {
        Icon icon = VaadinIcon.HOURGLASS.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        add(icon, new com.vaadin.flow.component.html.Span(getTranslation("compliance.waitingForSync")));
        addClassName("waiting-for-sync");
        setId("waiting-for-sync");
    }

    /** Whether a screen whose register was last synced at {@code lastSuccess} waits for the first sync. */
    public static boolean waiting(LocalDateTime lastSuccess) {
        return lastSuccess == null;
    }
}
