package jp.hoshimi.exception.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import jp.hoshimi.contract.LevelDecision;
import jp.hoshimi.contract.LevelDecisionService;
import jp.hoshimi.shared.ui.Formats;

/**
 * A risk manager's decision on a lower level than the chart suggests: approve (the contract requires the
 * lower level from then on) or reject (it keeps the suggestion). Not one's own request: the service
 * refuses that and the dialog says why.
 */
class LevelDecisionDialog extends Dialog {

    final TextArea note = new TextArea();
    final Button approve = new Button();
    final Button reject = new Button();

    LevelDecisionDialog(LevelDecisionService decisions, LevelDecision decision, Runnable done) {
        setId("level-decision-dialog");
        setHeaderTitle(getTranslation("levelDecision.dialog.title", decision.contractNumber()));
        Div details = new Div();
        details.addClassName("detail-grid");
        DecisionDialogs.field(
                this, details, "exception.column.contract", decision.contractNumber() + "　" + decision.contractTitle());
        DecisionDialogs.field(this, details, "levelDecision.column.levels", LevelDecisionGrid.levels(this, decision));
        DecisionDialogs.field(this, details, "contract.field.levelReason", decision.reason());
        DecisionDialogs.field(
                this,
                details,
                "exception.column.requestedBy",
                decision.requestedBy() + "（" + Formats.dateTime(decision.requestedAt()) + "）");
        add(new Paragraph(getTranslation("levelDecision.dialog.intro")), details);
        note.setId("level-decision-note");
        note.setLabel(getTranslation("exception.field.note"));
        note.setWidthFull();
        note.setMaxLength(LevelDecisionService.MAX_NOTE);
        add(note);
        approve.setId("level-decision-approve");
        approve.setText(getTranslation("exception.action.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(click -> DecisionDialogs.act(
                this, () -> decisions.approve(decision.id(), decision.version(), note.getValue()), done));
        reject.setId("level-decision-reject");
        reject.setText(getTranslation("exception.action.reject"));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(click -> DecisionDialogs.act(
                this, () -> decisions.reject(decision.id(), decision.version(), note.getValue()), done));
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), reject, approve);
        setWidth("min(40rem, 95vw)");
    }
}
