package jp.hoshimi.exception.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.ui.ComplianceTexts;
import jp.hoshimi.exception.ExceptionRequest;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/**
 * Requests an exception (例外承認) for a supplier: for one of its failing findings, or for all its
 * contracts. The end date may be at most the policy's maximum ahead; a second risk manager decides.
 */
public class ExceptionRequestDialog extends Dialog {

    /** What the exception covers: one finding, or (finding null) every contract of the supplier. */
    record Scope(Finding finding) {}

    final ComboBox<Scope> scope = new ComboBox<>();
    final TextArea justification = new TextArea();
    final TextArea measures = new TextArea();
    final DatePicker endsOn;
    final Button submit = new Button();
    private final ExceptionService exceptions;
    private final long supplierId;
    private final Runnable done;

    /** {@code failing}: the supplier's findings that fail (and are not accepted) in the user's scope. */
    public ExceptionRequestDialog(
            ExceptionService exceptions, long supplierId, String supplierName, List<Finding> failing, Runnable done) {
        this.exceptions = exceptions;
        this.supplierId = supplierId;
        this.done = done;
        setId("exception-request-dialog");
        setHeaderTitle(getTranslation("exception.request.title", supplierName));
        List<Scope> choices = new ArrayList<>();
        failing.forEach(f -> choices.add(new Scope(f)));
        choices.add(new Scope(null));
        scope.setId("exception-scope");
        scope.setLabel(getTranslation("exception.field.scope"));
        scope.setItems(choices);
        scope.setItemLabelGenerator(this::label);
        scope.setValue(choices.get(0));
        scope.setWidthFull();
        justification.setId("exception-justification");
        justification.setLabel(getTranslation("exception.field.justification"));
        justification.setMaxLength(ExceptionService.MAX_TEXT);
        measures.setId("exception-measures");
        measures.setLabel(getTranslation("exception.field.compensatingMeasures"));
        measures.setMaxLength(ExceptionService.MAX_TEXT);
        endsOn = ComponentTexts.datePicker(getTranslation("exception.field.endsOn"));
        endsOn.setId("exception-ends-on");
        endsOn.setMax(exceptions.latestEndDate());
        endsOn.setHelperText(getTranslation("exception.field.endsOn.help", exceptions.latestEndDate()));
        endsOn.setValue(exceptions.latestEndDate());
        FormLayout form = new FormLayout(scope, justification, measures, endsOn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph(getTranslation("exception.request.intro")), form);
        submit.setId("exception-submit");
        submit.setText(getTranslation("exception.request.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), submit);
        setWidth("min(40rem, 95vw)");
    }

    private String label(Scope choice) {
        Finding f = choice.finding();
        return f == null
                ? getTranslation("exception.scope.allContracts")
                : getTranslation(
                        "exception.scope.finding", f.contractNumber(), ComplianceTexts.reason(this, f.verdict()));
    }

    void submit() {
        Finding finding = scope.getValue() == null ? null : scope.getValue().finding();
        try {
            long id = exceptions.request(new ExceptionRequest(
                    supplierId,
                    finding == null ? null : finding.contractId(),
                    justification.getValue(),
                    measures.getValue(),
                    endsOn.getValue()));
            Notifications.success(getTranslation("exception.request.done", id));
            close();
            done.run();
        } catch (ValidationException e) {
            String rest = Problems.show(
                    this,
                    e,
                    Map.of(
                            "justification", justification,
                            "compensatingMeasures", measures,
                            "endsOn", endsOn,
                            "contractId", scope,
                            "supplierId", scope));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (NotFoundException e) {
            Notifications.error(getTranslation("error.notFound"));
        }
    }
}
