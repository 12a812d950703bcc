package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import jp.hoshimi.contract.LevelDecision;
import jp.hoshimi.shared.ui.Formats;

/**
 * Issue 20: a lower level than the chart suggests that waits for a second risk manager — what was asked,
 * by whom and why, that the contract requires the suggested level until then, and where it is decided.
 */
class PendingLevelNotice extends Div {

    PendingLevelNotice(LevelDecision pending) {
        setId("level-decision-pending");
        addClassName("pending-level-notice");
        getElement().setAttribute("role", "status");
        Icon icon = VaadinIcon.HOURGLASS.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        Span headline = new Span(getTranslation(
                "levelDecision.pending.headline",
                getTranslation(pending.requestedLevel().messageKey()),
                getTranslation(pending.suggestedLevel().messageKey())));
        headline.addClassName("pending-level-headline");
        Paragraph who = new Paragraph(getTranslation(
                "levelDecision.pending.by", pending.requestedBy(), Formats.dateTime(pending.requestedAt())));
        Paragraph reason = new Paragraph(getTranslation("contract.field.levelReason") + ": " + pending.reason());
        reason.setId("level-decision-reason");
        Anchor queue = new Anchor("exceptions?tab=levels", getTranslation("levelDecision.pending.queue"));
        queue.setId("level-decision-queue-link");
        add(new Div(icon, headline), who, reason, queue);
    }
}
