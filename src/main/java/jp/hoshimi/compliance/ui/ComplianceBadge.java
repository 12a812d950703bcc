package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * A compliance status as a badge: an icon and words, colour only as a hint, so that it reads the same
 * in grayscale. With {@code stale}, a clock icon and "stale" follow: never green on old register data.
 */
public class ComplianceBadge extends Span {

    public ComplianceBadge(ComplianceStatus status, boolean stale) {
        Icon icon = iconOf(status).create();
        icon.getElement().setAttribute("aria-hidden", "true");
        add(icon, new Span(getTranslation(status.messageKey())));
        getElement().getThemeList().add(themeOf(status, stale));
        addClassName("compliance-badge");
        getElement().setAttribute("data-status", status.name());
        if (stale) {
            Icon clock = VaadinIcon.CLOCK.create();
            clock.getElement().setAttribute("aria-hidden", "true");
            add(clock, new Span(getTranslation("compliance.stale")));
            getElement().setAttribute("title", getTranslation("compliance.stale.hint"));
        }
    }

    /** An empty badge for a supplier or contract with nothing required of it yet. */
    public static Span none() {
        Span span = new Span("—");
        span.getElement().setAttribute("title", span.getTranslation("compliance.none"));
        return span;
    }

    static VaadinIcon iconOf(ComplianceStatus status) {
        return switch (status) {
            case REVOKED -> VaadinIcon.BAN;
            case EXPIRED -> VaadinIcon.CALENDAR_CLOCK;
            case MISSING -> VaadinIcon.QUESTION_CIRCLE;
            case UNVERIFIABLE -> VaadinIcon.EXCLAMATION_CIRCLE;
            case INSUFFICIENT -> VaadinIcon.ARROW_DOWN;
            case EXPIRING -> VaadinIcon.HOURGLASS;
            case ACCEPTED -> VaadinIcon.HANDSHAKE; // issue 20: an accepted gap, never the OK check
            case OK -> VaadinIcon.CHECK;
        };
    }

    static String themeOf(ComplianceStatus status, boolean stale) {
        if (stale) {
            return "badge contrast";
        }
        return switch (status) {
            case OK -> "badge success";
            case EXPIRING -> "badge";
            // its own theme word: the hoshimi theme colours it apart from OK, the gaps and "stale"
            case ACCEPTED -> "badge accepted";
            default -> "badge error";
        };
    }
}
