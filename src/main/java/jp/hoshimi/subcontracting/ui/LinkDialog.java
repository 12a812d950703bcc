package jp.hoshimi.subcontracting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.ui.SupplierPicker;

/**
 * Add a sub-contractor under a supplier of the chain, or change its decision-chart answers: the three
 * questions of the contract's chart, in its words, each yes / no / not answered. A new link starts with
 * every question not answered (shown as a gap, never taken as "no"; decision 0015).
 */
class LinkDialog extends Dialog {

    /** The "follow the policy" choice of the level select. */
    static final String POLICY = "POLICY";

    final SupplierPicker child;
    final RadioButtonGroup<ChartAnswer> confidentialData = question("contract.chart.q1");
    final RadioButtonGroup<ChartAnswer> businessCritical = question("contract.chart.q2");
    final RadioButtonGroup<ChartAnswer> systemAccess = question("contract.chart.q3");
    final Select<String> level = new Select<>();
    final TextField note = new TextField();
    final Button save = new Button();
    private final SubcontractingService chains;
    private final ContractDetails contract;
    private final long parentSupplierId;
    private final ChainLink existing;
    private final Runnable onSaved;

    LinkDialog(
            SubcontractingService chains,
            SupplierService suppliers,
            ContractDetails contract,
            long parentSupplierId,
            String parentName,
            ChainLink existing,
            Runnable onSaved) {
        this.chains = chains;
        this.contract = contract;
        this.parentSupplierId = parentSupplierId;
        this.existing = existing;
        this.onSaved = onSaved;
        this.child = new SupplierPicker(suppliers, getTranslation("chain.field.child"));
        setHeaderTitle(
                existing == null
                        ? getTranslation("chain.addUnder", parentName)
                        : getTranslation("chain.edit", existing.childName()));
        setWidth("min(40rem, 95vw)");

        child.setWidthFull();
        child.setVisible(existing == null);
        child.setId("chain-child");
        confidentialData.setId("chain-q1");
        businessCritical.setId("chain-q2");
        systemAccess.setId("chain-q3");
        level.setLabel(getTranslation("contract.field.requiredLevel"));
        level.setItems(POLICY, "STAR3", "STAR4", "STAR5", "SA2", "SA1", "NONE");
        level.setItemLabelGenerator(value -> POLICY.equals(value)
                ? getTranslation("chain.level.followPolicy")
                : getTranslation(RequiredLevel.valueOf(value).messageKey()));
        level.setValue(POLICY);
        note.setLabel(getTranslation("chain.field.note"));
        note.setWidthFull();
        note.setMaxLength(1000);

        if (existing != null) {
            confidentialData.setValue(ChartAnswer.of(existing.confidentialDataFlows()));
            systemAccess.setValue(ChartAnswer.of(existing.systemAccess()));
            businessCritical.setValue(ChartAnswer.of(existing.businessCritical()));
            level.setValue(
                    existing.requiredLevelOverride() == null
                            ? POLICY
                            : existing.requiredLevelOverride().name());
            note.setValue(existing.note() == null ? "" : existing.note());
        }
        Paragraph policy = new Paragraph(getTranslation("chain.policyHint"));
        policy.addClassName("tab-note");
        Paragraph answersHint = new Paragraph(getTranslation("chain.field.answers.helper"));
        answersHint.addClassName("tab-note");
        FormLayout form =
                new FormLayout(child, answersHint, confidentialData, businessCritical, systemAccess, level, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, policy);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("chain-save");
        save.addClickListener(click -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private RadioButtonGroup<ChartAnswer> question(String key) {
        RadioButtonGroup<ChartAnswer> group = new RadioButtonGroup<>();
        group.setLabel(getTranslation(key));
        group.setItems(ChartAnswer.values());
        group.setItemLabelGenerator(answer -> getTranslation(answer.messageKey()));
        group.setValue(ChartAnswer.NOT_ANSWERED);
        group.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        group.addClassName("chart-question");
        return group;
    }

    private static Boolean stored(RadioButtonGroup<ChartAnswer> question) {
        return question.getValue() == null ? null : question.getValue().stored();
    }

    void save() {
        RequiredLevel override = POLICY.equals(level.getValue()) ? null : RequiredLevel.valueOf(level.getValue());
        try {
            if (existing == null) {
                chains.addLink(
                        contract.id(),
                        new LinkForm(
                                parentSupplierId,
                                child.getValue() == null
                                        ? null
                                        : child.getValue().id(),
                                stored(confidentialData),
                                stored(systemAccess),
                                stored(businessCritical),
                                override,
                                note.getValue()));
            } else {
                chains.updateLink(
                        contract.id(),
                        existing.id(),
                        existing.version(),
                        new LinkForm(
                                existing.parentSupplierId(),
                                existing.childSupplierId(),
                                stored(confidentialData),
                                stored(systemAccess),
                                stored(businessCritical),
                                override,
                                note.getValue()));
            }
            close();
            onSaved.run();
        } catch (ValidationException e) {
            String rest = Problems.show(this, e, Map.of("childSupplierId", child));
            if (!rest.isEmpty() || existing != null) {
                Notifications.error(Problems.describe(this, e));
            }
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
            close();
            onSaved.run();
        }
    }
}
