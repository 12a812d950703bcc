package jp.hoshimi.exception.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/** What the two four-eyes dialogs (exceptions, level decisions) share: a labelled row and a decision's outcome. */
final class DecisionDialogs {

    private DecisionDialogs() {}

    static void field(Dialog dialog, Div grid, String labelKey, String value) {
        Span label = new Span(dialog.getTranslation(labelKey));
        label.addClassName("detail-label");
        Span text = new Span(value == null ? "—" : value);
        text.addClassName("detail-value");
        grid.add(label, text);
    }

    /** Runs the decision: done and closed, or the refusal (four eyes, stale, already decided) said. */
    static void act(Dialog dialog, Runnable decision, Runnable done) {
        try {
            decision.run();
            Notifications.success(dialog.getTranslation("exception.decision.done"));
            dialog.close();
            done.run();
        } catch (ValidationException e) {
            Notifications.error(Problems.describe(dialog, e));
        } catch (ConcurrentEditException e) {
            Notifications.error(dialog.getTranslation("concurrentEdit.text"));
            dialog.close();
            done.run();
        }
    }
}
