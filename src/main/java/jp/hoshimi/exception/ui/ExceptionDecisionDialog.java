package jp.hoshimi.exception.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.exception.ExceptionState;
import jp.hoshimi.exception.RiskException;
import jp.hoshimi.shared.ui.Formats;

/**
 * A risk manager's decision on one exception: approve or reject a request (not their own: the service
 * refuses that and says why), or end an approved one early.
 */
class ExceptionDecisionDialog extends Dialog {

    final TextArea note = new TextArea();
    final Button approve = new Button();
    final Button reject = new Button();
    final Button end = new Button();
    private final ExceptionService exceptions;
    private final RiskException exception;
    private final Runnable done;

    ExceptionDecisionDialog(ExceptionService exceptions, RiskException exception, Runnable done) {
        this.exceptions = exceptions;
        this.exception = exception;
        this.done = done;
        setId("exception-decision-dialog");
        setHeaderTitle(getTranslation("exception.decision.title", exception.id()));
        Div details = new Div();
        details.addClassName("detail-grid");
        DecisionDialogs.field(this, details, "exception.column.supplier", exception.supplierName());
        DecisionDialogs.field(
                this, details, "exception.column.contract", ExceptionListView.contractText(this, exception));
        DecisionDialogs.field(
                this,
                details,
                "exception.column.accepted",
                getTranslation(exception.acceptedStatus().messageKey()));
        DecisionDialogs.field(this, details, "exception.field.justification", exception.justification());
        DecisionDialogs.field(this, details, "exception.field.compensatingMeasures", exception.compensatingMeasures());
        DecisionDialogs.field(this, details, "exception.field.endsOn", Formats.date(exception.endsOn()));
        DecisionDialogs.field(this, details, "exception.column.requestedBy", exception.requestedBy());
        add(details);
        boolean requested = exception.state() == ExceptionState.REQUESTED;
        note.setId("exception-note");
        note.setLabel(getTranslation("exception.field.note"));
        note.setWidthFull();
        note.setMaxLength(ExceptionService.MAX_TEXT);
        note.setVisible(requested);
        add(note);
        approve.setId("exception-approve");
        approve.setText(getTranslation("exception.action.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(
                click -> act(() -> exceptions.approve(exception.id(), exception.version(), note.getValue())));
        reject.setId("exception-reject");
        reject.setText(getTranslation("exception.action.reject"));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(
                click -> act(() -> exceptions.reject(exception.id(), exception.version(), note.getValue())));
        end.setId("exception-end");
        end.setText(getTranslation("exception.action.end"));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        end.addClickListener(click -> act(() -> exceptions.end(exception.id())));
        approve.setVisible(requested);
        reject.setVisible(requested);
        end.setVisible(exception.state() == ExceptionState.APPROVED);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), reject, end, approve);
        setWidth("min(40rem, 95vw)");
    }

    void act(Runnable decision) {
        DecisionDialogs.act(this, decision, done);
    }
}
