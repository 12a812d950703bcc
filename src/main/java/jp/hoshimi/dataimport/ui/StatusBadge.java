package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportStatus;

/** A run's status as a badge: icon and words, colour only as a hint. */
class StatusBadge extends Span {

    StatusBadge(ImportRun run) {
        this(run.status(), run.counts().error() > 0);
    }

    StatusBadge(ImportStatus status, boolean hasErrors) {
        VaadinIcon icon;
        String theme;
        switch (status) {
            case APPLIED -> {
                icon = VaadinIcon.CHECK;
                theme = "badge success";
            }
            case PREVIEWED -> {
                icon = hasErrors ? VaadinIcon.WARNING : VaadinIcon.EYE;
                theme = hasErrors ? "badge error" : "badge";
            }
            case FAILED, REJECTED -> {
                icon = VaadinIcon.CLOSE_CIRCLE;
                theme = "badge error";
            }
            case NEEDS_MAPPING -> {
                icon = VaadinIcon.TABLE;
                theme = "badge";
            }
            case DISCARDED -> {
                icon = VaadinIcon.TRASH;
                theme = "badge contrast";
            }
            default -> {
                icon = VaadinIcon.HOURGLASS;
                theme = "badge contrast";
            }
        }
        add(icon.create(), new Span(getTranslation(status.messageKey())));
        getElement().getThemeList().add(theme);
        addClassName("import-status");
    }
}
