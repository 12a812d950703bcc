package jp.hoshimi.supplier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.audit.ui.HistoryGrid;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Registration;
import jp.hoshimi.compliance.SupplierEvaluation;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.EvaluationSummary;
import jp.hoshimi.compliance.ui.FindingsGrid;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.exception.ui.ExceptionRequestDialog;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.ui.ContactsSection;
import jp.hoshimi.outreach.ui.RequestDialog;
import jp.hoshimi.outreach.ui.SupplierRequestsSection;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.ui.RegisterHistory;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.LinkAnswers;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ListCounts;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.ViewToolbar;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.subcontracting.SubcontractorUse;
import jp.hoshimi.subcontracting.ui.LinkTexts;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierInUseException;
import jp.hoshimi.supplier.SupplierService;

/** One supplier: its master data, where it is used, what the register said, and who changed what. */
// digits only: /suppliers/abc is "not found", never a NumberFormatException (issue 15)
@Route("suppliers/:id([0-9]+)")
@PermitAll
class SupplierDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SupplierService suppliers;
    private final ComplianceService compliance;
    private final CurrentUser currentUser;
    SupplierDetails supplier;
    final Button edit = new Button();
    final Button delete = new Button();
    final HistoryGrid history = new HistoryGrid();
    final Grid<ContractListItem> contracts = new Grid<>();
    final Grid<SubcontractorUse> usesAsSubcontractor = new Grid<>();
    EvaluationSummary summary;
    FailingContractsSection failing;
    FindingsGrid findings;
    private final ContractService contractService;
    private final SubcontractingService chains;

    private final RegisterService register;
    // --- exceptions (issue 20)
    final Button requestException = new Button();
    private List<Finding> failingFindings = List.of();
    private final ExceptionService exceptions;
    // ---
    private final ContactService contactService;
    private final RequestService requestService;
    private final jp.hoshimi.legalentity.LegalEntityService legalEntities;
    private final jp.hoshimi.legalentity.LegalEntityMatchService legalEntityMatch;

    SupplierDetailView(
            SupplierService suppliers,
            ContractService contractService,
            SubcontractingService chains,
            RegisterService register,
            CurrentUser currentUser,
            ComplianceService compliance,
            ExceptionService exceptions,
            ContactService contactService,
            RequestService requestService,
            jp.hoshimi.legalentity.LegalEntityService legalEntities,
            jp.hoshimi.legalentity.LegalEntityMatchService legalEntityMatch) {
        this.legalEntityMatch = legalEntityMatch;
        this.contactService = contactService;
        this.requestService = requestService;
        this.compliance = compliance;
        this.exceptions = exceptions;
        this.legalEntities = legalEntities;
        this.register = register;
        this.suppliers = suppliers;
        this.contractService = contractService;
        this.chains = chains;
        this.currentUser = currentUser;
        addClassName("supplier-detail-view");
        setSizeFull();
        edit.addClickListener(click -> new SupplierEditor(suppliers, legalEntities, supplier, this::reload).open());
        delete.addClickListener(click -> confirmDelete());
        requestException.addClickListener(click -> new ExceptionRequestDialog(
                        exceptions, supplier.id(), supplier.name(), failingFindings, () -> reload(supplier.id()))
                .open());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("id");
        Optional<SupplierDetails> found = id.flatMap(suppliers::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    private void show(SupplierDetails details) {
        this.supplier = details;
        removeAll();

        edit.setText(getTranslation("action.edit"));
        edit.setIcon(VaadinIcon.EDIT.create());
        edit.setId("supplier-edit");
        edit.setVisible(currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN));
        delete.setText(getTranslation("action.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setId("supplier-delete");
        delete.setVisible(currentUser.hasRole(Role.RISK_MANAGER) || currentUser.hasRole(Role.ADMIN));

        Anchor back = new Anchor("suppliers", "← " + getTranslation("supplier.list.title"));
        back.addClassName("back-link");
        SupplierEvaluation evaluation = compliance.supplierEvaluation(details.id());
        exceptionButton(details, evaluation);
        add(back, new ViewToolbar(details.name(), requestException, edit, delete));

        summary = new EvaluationSummary(
                evaluation.status(),
                evaluation.since(),
                evaluation.previous(),
                evaluation.findings(),
                evaluation.stale(),
                evaluation.registerAsOf(),
                true);
        add(summary, ownStanding(evaluation));
        // issue 21: what the NTA corporate-number data says of this 法人番号
        add(new jp.hoshimi.legalentity.ui.OfficialRecord(legalEntities, details.corporateNumber(), details.name()));
        if (currentUser.hasRole(Role.RISK_MANAGER) || currentUser.hasRole(Role.PROCUREMENT)) {
            add(new jp.hoshimi.legalentity.ui.SuccessorReplacement(
                    legalEntityMatch, details.id(), () -> reload(details.id())));
        }
        failing = new FailingContractsSection(compliance, details.id(), evaluation.stale());
        add(failing);
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("supplier.tab.overview"), overview(details));
        // issue 19: a failing finding offers a request to the supplier right where the gap is seen
        boolean mayAsk = requestService.mayAsk(details.id());
        findings = new FindingsGrid(
                evaluation.findings(),
                evaluation.stale(),
                mayAsk
                        ? () -> new RequestDialog(requestService, contactService, details.id(), details.name()).open()
                        : null);
        tabs.add(getTranslation("supplier.tab.compliance"), findings);
        tabs.add(getTranslation("supplier.tab.contracts"), contractsTab(details));
        tabs.add(getTranslation("supplier.tab.asSubcontractor"), subcontractorTab(details));
        tabs.add(
                getTranslation("supplier.tab.contacts"),
                new ContactsSection(contactService, details.id(), edit.isVisible()));
        tabs.add(
                getTranslation("supplier.tab.requests"),
                new SupplierRequestsSection(requestService, contactService, details.id(), details.name(), mayAsk));
        tabs.add(getTranslation("supplier.tab.register"), new RegisterHistory(register, details.corporateNumber()));
        tabs.add(getTranslation("supplier.tab.history"), historyTab(details));
        add(tabs);
        setFlexGrow(1, tabs);
    }

    /** Issue 20: request an exception (例外承認) for a failing finding, or for all the supplier's contracts. */
    private void exceptionButton(SupplierDetails details, SupplierEvaluation evaluation) {
        List<Finding> failing = evaluation.findings().stream()
                .filter(f -> f.status().isFailing())
                .toList();
        requestException.setText(getTranslation("exception.request.button"));
        requestException.setIcon(VaadinIcon.HANDSHAKE.create());
        requestException.setId("supplier-request-exception");
        requestException.setVisible(!failing.isEmpty()
                && (currentUser.hasRole(Role.PROCUREMENT) || currentUser.hasRole(Role.RISK_MANAGER)));
        failingFindings = failing;
    }

    /** The supplier's own standing: its status and the register entry behind it. */
    private Component ownStanding(SupplierEvaluation evaluation) {
        Div grid = new Div();
        grid.addClassName("detail-grid");
        grid.addClassName("own-standing");
        grid.setId("supplier-own-standing");
        Span label = new Span(getTranslation("supplier.own.status"));
        label.addClassName("detail-label");
        Span status = new Span(
                evaluation.status() == null
                        ? ComplianceBadge.none()
                        : new ComplianceBadge(evaluation.status(), evaluation.stale()));
        status.addClassName("detail-value");
        status.setId("supplier-own-status");
        grid.add(label, status);
        Registration r = evaluation.registration();
        field(
                grid,
                "supplier.column.heldLevel",
                r == null ? null : getTranslation(r.heldLevel().messageKey()));
        field(grid, "supplier.column.validUntil", r == null ? null : Formats.date(r.validUntil()));
        field(
                grid,
                "supplier.column.registeredName",
                r == null ? getTranslation("supplier.own.notRegistered") : r.registeredName());
        return grid;
    }

    private Component overview(SupplierDetails d) {
        Div grid = new Div();
        grid.addClassName("detail-grid");
        field(grid, "supplier.field.name", d.name());
        field(grid, "supplier.field.nameKana", d.nameKana());
        field(
                grid,
                "supplier.field.corporateNumber",
                d.corporateNumber() == null ? getTranslation("supplier.noCorporateNumber") : d.corporateNumber());
        field(grid, "supplier.field.supplierCode", d.supplierCode());
        field(
                grid,
                "supplier.field.country",
                d.country() == null ? getTranslation("supplier.country.unknown") : d.country());
        field(grid, "supplier.field.address", d.address());
        field(grid, "supplier.field.contactName", d.contactName());
        field(grid, "supplier.field.contactEmail", d.contactEmail());
        field(grid, "supplier.field.notes", d.notes());
        field(grid, "supplier.column.updatedAt", Formats.dateTime(d.updatedAt()));
        return grid;
    }

    private void field(Div grid, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("detail-label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("detail-value");
        grid.add(label, text);
    }

    private Component contractsTab(SupplierDetails d) {
        contracts.removeAllColumns();
        contracts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        contracts
                .addColumn(ContractListItem::contractNumber)
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setAutoWidth(true);
        contracts
                .addColumn(ContractListItem::title)
                .setHeader(getTranslation("contract.field.title"))
                .setFlexGrow(2);
        Grid.Column<ContractListItem> orgUnit = contracts
                .addColumn(ContractListItem::orgUnitName)
                .setHeader(getTranslation("contract.field.orgUnit"))
                .setAutoWidth(true);
        Grid.Column<ContractListItem> level = contracts
                .addColumn(c -> getTranslation(c.requiredLevel().messageKey()))
                .setHeader(getTranslation("contract.field.requiredLevel"))
                .setAutoWidth(true);
        Grid.Column<ContractListItem> endDate = contracts
                .addColumn(c -> c.endDate() == null ? "" : c.endDate().toString())
                .setHeader(getTranslation("contract.field.endDate"))
                .setAutoWidth(true);
        ScreenWidth.switchColumns(contracts, List.of(), List.of(orgUnit, level, endDate));
        ContractFilter filter = ContractFilter.none().withSupplier(d.id());
        contracts.setItems(query -> contractService.list(filter, null, query.getOffset(), query.getLimit()).stream());
        ListCounts.sizeGrid(contracts, contractService.count(filter));
        contracts.addItemClickListener(
                click -> UI.getCurrent().navigate("contracts/" + click.getItem().id()));
        contracts.setEmptyStateText(getTranslation("supplier.tab.contracts.none"));
        contracts.setId("supplier-contracts");
        contracts.setHeight("24rem");
        return contracts;
    }

    private Component subcontractorTab(SupplierDetails d) {
        usesAsSubcontractor.removeAllColumns();
        usesAsSubcontractor.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        usesAsSubcontractor
                .addColumn(SubcontractorUse::contractNumber)
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setAutoWidth(true);
        usesAsSubcontractor
                .addColumn(SubcontractorUse::contractTitle)
                .setHeader(getTranslation("contract.field.title"))
                .setFlexGrow(2);
        usesAsSubcontractor
                .addColumn(SubcontractorUse::parentName)
                .setHeader(getTranslation("supplier.tab.asSubcontractor.for"))
                .setFlexGrow(2);
        usesAsSubcontractor
                .addColumn(use -> LinkTexts.flowsWithGaps(
                        this, new LinkAnswers(use.confidentialDataFlows(), use.businessCritical(), use.systemAccess())))
                .setHeader(getTranslation("chain.column.flows"))
                .setAutoWidth(true);
        usesAsSubcontractor.setItems(chains.usesOf(d.id()));
        usesAsSubcontractor.addItemClickListener(
                click -> UI.getCurrent().navigate("contracts/" + click.getItem().contractId()));
        usesAsSubcontractor.setEmptyStateText(getTranslation("supplier.tab.asSubcontractor.none"));
        usesAsSubcontractor.setAllRowsVisible(true);
        usesAsSubcontractor.setId("supplier-subcontracting");
        return usesAsSubcontractor;
    }

    private Component historyTab(SupplierDetails d) {
        history.show(suppliers.history(d.id()));
        history.setId("supplier-history");
        return history;
    }

    private void reload(long id) {
        suppliers.find(id).ifPresentOrElse(this::show, () -> UI.getCurrent().navigate("suppliers"));
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("supplier.delete.title"));
        confirm.setText(getTranslation("supplier.delete.text", supplier.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> deleteSupplier());
        confirm.open();
    }

    void deleteSupplier() {
        try {
            suppliers.delete(supplier.id(), supplier.version());
            Notifications.success(getTranslation("supplier.delete.done", supplier.name()));
            UI.getCurrent().navigate("suppliers");
        } catch (SupplierInUseException e) {
            Notifications.error(getTranslation("supplier.delete.inUse", e.contracts(), e.links()));
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
            reload(supplier.id());
        }
    }

    @Override
    public String getPageTitle() {
        return (supplier == null ? getTranslation("nav.suppliers") : supplier.name()) + " | Hoshimi";
    }
}
