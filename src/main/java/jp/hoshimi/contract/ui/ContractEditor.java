package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.contract.LevelDecision;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.ui.SupplierPicker;

/**
 * Create or edit a contract, with the scheme's decision chart: three yes/no questions suggest ★4 or ★3;
 * choosing another level asks for a written reason, kept as the audit record.
 */
class ContractEditor extends Dialog {

    final TextField contractNumber = new TextField();
    final TextField title = new TextField();
    final SupplierPicker supplier;
    final Select<OrgUnit> orgUnit = new Select<>();
    final ComboBox<UserSummary> owner = ComponentTexts.comboBox(null);
    final DatePicker startDate = ComponentTexts.datePicker(null);
    final DatePicker endDate = ComponentTexts.datePicker(null);
    final RadioButtonGroup<Boolean> handlesConfidential = question("contract.chart.q1");
    final RadioButtonGroup<Boolean> businessCritical = question("contract.chart.q2");
    final RadioButtonGroup<Boolean> networkAccess = question("contract.chart.q3");
    final Span suggestion = new Span();
    final Select<RequiredLevel> requiredLevel = new Select<>();
    final TextArea levelReason = new TextArea();
    final Div chartProblem = new Div();
    final Button save = new Button();

    private final ContractService contracts;
    private final SupplierService suppliers;
    private final ContractDetails existing;
    private final LongConsumer onSaved;
    private final Map<Long, SupplierListItem> chosenSuppliers = new HashMap<>();

    ContractEditor(
            ContractService contracts,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            UserAccountService users,
            ContractDetails existing,
            LongConsumer onSaved) {
        this.contracts = contracts;
        this.suppliers = suppliers;
        this.existing = existing;
        this.onSaved = onSaved;
        this.supplier = new SupplierPicker(suppliers, getTranslation("contract.field.supplier"));
        setHeaderTitle(getTranslation(existing == null ? "contract.editor.createTitle" : "contract.editor.editTitle"));
        setWidth("min(60rem, 96vw)");
        setCloseOnOutsideClick(false);

        contractNumber.setLabel(getTranslation("contract.field.contractNumber"));
        contractNumber.setRequiredIndicatorVisible(true);
        title.setLabel(getTranslation("contract.field.title"));
        title.setRequiredIndicatorVisible(true);
        supplier.setRequiredIndicatorVisible(true);
        supplier.setId("contract-supplier");
        contractNumber.setId("contract-number");
        title.setId("contract-title");
        orgUnit.setId("contract-unit");
        handlesConfidential.setId("chart-q1");
        businessCritical.setId("chart-q2");
        networkAccess.setId("chart-q3");
        requiredLevel.setId("contract-level");
        levelReason.setId("contract-level-reason");
        orgUnit.setLabel(getTranslation("contract.field.orgUnit"));
        orgUnit.setItems(orgUnits.unitsInScope());
        orgUnit.setItemLabelGenerator(OrgUnit::name);
        owner.setLabel(getTranslation("contract.field.owner"));
        owner.setItems(users.activeUsers());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        startDate.setLabel(getTranslation("contract.field.startDate"));
        endDate.setLabel(getTranslation("contract.field.endDate"));

        requiredLevel.setLabel(getTranslation("contract.field.requiredLevel"));
        requiredLevel.setItems(RequiredLevel.values());
        requiredLevel.setItemLabelGenerator(level -> getTranslation(level.messageKey()));
        levelReason.setLabel(getTranslation("contract.field.levelReason"));
        levelReason.setHelperText(getTranslation("contract.field.levelReason.help"));
        levelReason.setWidthFull();
        levelReason.setMaxLength(2000);
        suggestion.addClassName("chart-suggestion");
        suggestion.setId("chart-suggestion");
        chartProblem.addClassName("field-problem");

        FormLayout basics = new FormLayout(contractNumber, title, supplier, orgUnit, owner, startDate, endDate);
        basics.setColspan(title, 2);
        basics.setColspan(supplier, 2);

        Div chart = new Div(
                new H4(getTranslation("contract.chart.title")),
                new Span(getTranslation("contract.chart.intro")),
                handlesConfidential,
                businessCritical,
                networkAccess,
                chartProblem,
                suggestion,
                requiredLevel,
                levelReason);
        chart.addClassName("decision-chart");
        add(basics, chart);

        handlesConfidential.addValueChangeListener(e -> onChartChanged());
        businessCritical.addValueChangeListener(e -> onChartChanged());
        networkAccess.addValueChangeListener(e -> onChartChanged());
        requiredLevel.addValueChangeListener(e -> updateReasonVisibility());

        if (existing != null) {
            fill(existing);
        }
        onChartChanged();

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setId("contract-save");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private RadioButtonGroup<Boolean> question(String key) {
        RadioButtonGroup<Boolean> group = new RadioButtonGroup<>();
        group.setLabel(getTranslation(key));
        group.setItems(Boolean.TRUE, Boolean.FALSE);
        group.setItemLabelGenerator(answer -> getTranslation(answer ? "answer.yes" : "answer.no"));
        group.addClassName("chart-question");
        return group;
    }

    private void fill(ContractDetails d) {
        contractNumber.setValue(d.contractNumber());
        title.setValue(d.title());
        SupplierListItem current = new SupplierListItem(
                d.supplierId(),
                d.supplierCorporateNumber(),
                null,
                d.supplierName(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        chosenSuppliers.put(current.id(), current);
        supplier.setValue(current);
        orgUnit.getListDataView()
                .getItems()
                .filter(unit -> unit.id() == d.orgUnitId())
                .findFirst()
                .ifPresent(orgUnit::setValue);
        if (d.ownerUserId() != null) {
            owner.getListDataView()
                    .getItems()
                    .filter(user -> user.id() == d.ownerUserId())
                    .findFirst()
                    .ifPresent(owner::setValue);
        }
        startDate.setValue(d.startDate());
        endDate.setValue(d.endDate());
        handlesConfidential.setValue(d.decisionChart().handlesConfidential());
        businessCritical.setValue(d.decisionChart().businessCritical());
        networkAccess.setValue(d.decisionChart().networkAccess());
        requiredLevel.setValue(d.requiredLevel());
        levelReason.setValue(d.levelReason() == null ? "" : d.levelReason());
    }

    private DecisionChart chart() {
        return new DecisionChart(handlesConfidential.getValue(), businessCritical.getValue(), networkAccess.getValue());
    }

    /** Shows the suggestion and pre-selects it while the user has not chosen otherwise. */
    private void onChartChanged() {
        var suggested = chart().suggestion();
        if (suggested.isPresent()) {
            suggestion.setText(getTranslation(
                    "contract.chart.suggestion", getTranslation(suggested.get().messageKey())));
            if (requiredLevel.isEmpty() || (existing == null && !levelChosenByUser())) {
                requiredLevel.setValue(suggested.get());
            }
        } else {
            suggestion.setText(getTranslation("contract.chart.answerAll"));
        }
        updateReasonVisibility();
    }

    private boolean levelChosenByUser() {
        RequiredLevel level = requiredLevel.getValue();
        return level != null && level != RequiredLevel.STAR3 && level != RequiredLevel.STAR4;
    }

    private void updateReasonVisibility() {
        var suggested = chart().suggestion();
        boolean differs = suggested.isPresent()
                && requiredLevel.getValue() != null
                && requiredLevel.getValue() != suggested.get();
        levelReason.setVisible(differs || !levelReason.isEmpty());
        levelReason.setRequiredIndicatorVisible(differs);
    }

    private ContractForm form() {
        return new ContractForm(
                contractNumber.getValue(),
                title.getValue(),
                supplier.getValue() == null ? null : supplier.getValue().id(),
                orgUnit.getValue() == null ? null : orgUnit.getValue().id(),
                owner.getValue() == null ? null : owner.getValue().id(),
                startDate.getValue(),
                endDate.getValue(),
                chart(),
                requiredLevel.getValue(),
                levelReason.isVisible() ? levelReason.getValue() : null);
    }

    void save() {
        chartProblem.setText("");
        try {
            long id;
            Optional<LevelDecision> pending;
            if (existing == null) {
                id = contracts.create(form());
                pending = contracts.find(id).map(ContractDetails::pendingLevelDecision);
            } else {
                pending = contracts.update(existing.id(), existing.version(), form());
                id = existing.id();
            }
            close();
            // issue 20: a level below the suggestion waits for a second risk manager; say so, not just "saved"
            pending.ifPresentOrElse(
                    request -> Notifications.success(getTranslation(
                            "levelDecision.requested.saved",
                            contractNumber.getValue().strip(),
                            getTranslation(request.requestedLevel().messageKey()),
                            getTranslation(request.suggestedLevel().messageKey()))),
                    () -> Notifications.success(getTranslation(
                            "contract.editor.saved", contractNumber.getValue().strip())));
            onSaved.accept(id);
        } catch (ValidationException e) {
            Map<String, HasValidation> fields = new HashMap<>();
            fields.put("contractNumber", contractNumber);
            fields.put("title", title);
            fields.put("supplierId", supplier);
            fields.put("orgUnitId", orgUnit);
            fields.put("endDate", endDate);
            fields.put("requiredLevel", requiredLevel);
            fields.put("levelReason", levelReason);
            String rest = Problems.show(this, e, fields);
            if (e.problems().stream().anyMatch(p -> p.field().equals("levelReason"))) {
                levelReason.setVisible(true);
            }
            chartProblem.setText(rest);
        } catch (ConcurrentEditException e) {
            ConfirmDialog conflict = new ConfirmDialog(
                    getTranslation("concurrentEdit.title"),
                    getTranslation("concurrentEdit.text"),
                    getTranslation("concurrentEdit.reload"),
                    event -> {
                        close();
                        onSaved.accept(existing.id());
                    });
            conflict.setId("concurrent-edit");
            conflict.open();
        }
    }
}
