package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
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
import java.time.Clock;
import java.util.Optional;
import jp.hoshimi.audit.ui.HistoryGrid;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.ContractEvaluation;
import jp.hoshimi.compliance.CoverageService;
import jp.hoshimi.compliance.ui.EvaluationSummary;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.outreach.ui.ChainActionsSection;
import jp.hoshimi.outreach.ui.FindingActions;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ViewToolbar;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.subcontracting.ui.ChainTree;
import jp.hoshimi.supplier.SupplierService;

/** One contract: what it is, which level it requires and why (the decision chart record). */
// digits only: /contracts/abc is "not found", never a NumberFormatException (issue 15)
@Route("contracts/:id([0-9]+)")
@PermitAll
class ContractDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ContractService contracts;
    private final SupplierService suppliers;
    private final SubcontractingService chains;
    private final OrgUnitService orgUnits;
    private final UserAccountService users;
    private final CurrentUser currentUser;
    private final ComplianceService compliance;
    private final Clock clock;
    private final CoverageService coverage;
    private final FindingActions findingActions;
    ContractDetails contract;
    ChainTree chainTree;
    ChainActionsSection chainActions;
    final Button edit = new Button();
    final Button delete = new Button();

    ContractDetailView(
            ContractService contracts,
            SupplierService suppliers,
            SubcontractingService chains,
            OrgUnitService orgUnits,
            UserAccountService users,
            CurrentUser currentUser,
            ComplianceService compliance,
            CoverageService coverage,
            FindingActions findingActions,
            Clock clock) {
        this.findingActions = findingActions;
        this.compliance = compliance;
        this.coverage = coverage;
        this.clock = clock;
        this.contracts = contracts;
        this.suppliers = suppliers;
        this.chains = chains;
        this.orgUnits = orgUnits;
        this.users = users;
        this.currentUser = currentUser;
        setSizeFull();
        addClassName("contract-detail-view");
        edit.setText(getTranslation("action.edit"));
        edit.setIcon(VaadinIcon.EDIT.create());
        edit.setId("contract-edit");
        edit.addClickListener(
                click -> new ContractEditor(contracts, suppliers, orgUnits, users, contract, this::reload).open());
        delete.setText(getTranslation("action.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> confirmDelete());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ContractDetails> found =
                event.getRouteParameters().getLong("id").flatMap(contracts::find);
        if (found.isEmpty()) {
            // another unit's contract answers exactly like one that does not exist
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    private void show(ContractDetails details) {
        contract = details;
        removeAll();
        edit.setVisible(currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN));
        delete.setVisible(currentUser.hasRole(Role.RISK_MANAGER) || currentUser.hasRole(Role.ADMIN));
        Anchor back = new Anchor("contracts", "← " + getTranslation("contract.list.title"));
        back.addClassName("back-link");
        add(back, new ViewToolbar(details.contractNumber() + "　" + details.title(), edit, delete));

        ContractEvaluation evaluation = compliance.contractEvaluation(details.id());
        add(new EvaluationSummary(
                evaluation.status(),
                evaluation.since(),
                evaluation.previous(),
                evaluation.links(),
                evaluation.stale(),
                evaluation.registerAsOf(),
                false));
        if (details.pendingLevelDecision() != null) {
            add(new PendingLevelNotice(details.pendingLevelDecision()));
        }
        // issue 19, 20: ask a supplier with a gap, or request an exception for it, from here
        chainActions = ChainActionsSection.of(findingActions, evaluation.links(), () -> reload(details.id()));
        if (chainActions != null) {
            add(chainActions);
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("contract.tab.overview"), overview(details));
        chainTree = new ChainTree(chains, suppliers, compliance, details, edit.isVisible(), clock);
        tabs.add(getTranslation("contract.tab.chain"), chainTree);
        // issue 20: the contract's term against each link's registration
        tabs.add(
                getTranslation("coverage.title"),
                new CoverageSection(coverage.contractCoverage(details.id()), compliance.evaluationDate()));
        HistoryGrid history = new HistoryGrid();
        history.show(contracts.history(details.id()));
        history.setId("contract-history");
        tabs.add(getTranslation("supplier.tab.history"), history);
        add(tabs);
        setFlexGrow(1, tabs);
    }

    private Component overview(ContractDetails d) {
        Div grid = new Div();
        grid.addClassName("detail-grid");
        field(grid, "contract.field.contractNumber", new Span(d.contractNumber()));
        field(grid, "contract.field.title", new Span(d.title()));
        field(grid, "contract.field.supplier", new Anchor("suppliers/" + d.supplierId(), d.supplierName()));
        field(
                grid,
                "supplier.field.corporateNumber",
                new Span(
                        d.supplierCorporateNumber() == null
                                ? getTranslation("supplier.noCorporateNumber")
                                : d.supplierCorporateNumber()));
        field(grid, "contract.field.orgUnit", new Span(d.orgUnitName()));
        field(grid, "contract.field.owner", new Span(d.ownerName() == null ? "—" : d.ownerName()));
        field(
                grid,
                "contract.field.period",
                new Span((d.startDate() == null ? "—" : d.startDate().toString()) + " 〜 "
                        + (d.endDate() == null ? "—" : d.endDate().toString())));
        field(grid, "contract.field.requiredLevel", new LevelBadge(d.requiredLevel()));
        field(grid, "supplier.column.updatedAt", new Span(Formats.dateTime(d.updatedAt())));

        Div chart = new Div(new H4(getTranslation("contract.chart.record")));
        chart.addClassName("decision-chart");
        chart.setId("decision-record");
        DecisionChart answers = d.decisionChart();
        chart.add(answer("contract.chart.q1", answers.handlesConfidential()));
        chart.add(answer("contract.chart.q2", answers.businessCritical()));
        chart.add(answer("contract.chart.q3", answers.networkAccess()));
        if (d.suggestedLevel() != null) {
            chart.add(new Paragraph(getTranslation(
                    "contract.chart.suggestion",
                    getTranslation(d.suggestedLevel().messageKey()))));
        }
        if (d.levelReason() != null) {
            Paragraph reason = new Paragraph(getTranslation("contract.field.levelReason") + ": " + d.levelReason());
            reason.setId("level-reason");
            chart.add(reason);
        }
        return new Div(grid, chart);
    }

    private Component answer(String questionKey, Boolean answer) {
        Span value = new Span(answer == null ? "—" : getTranslation(answer ? "answer.yes" : "answer.no"));
        value.addClassName(Boolean.TRUE.equals(answer) ? "answer-yes" : "answer-no");
        Div row = new Div(new Span(getTranslation(questionKey)), value);
        row.addClassName("chart-answer");
        return row;
    }

    private void field(Div grid, String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("detail-label");
        value.addClassName("detail-value");
        grid.add(label, value);
    }

    private void reload(long id) {
        contracts.find(id).ifPresentOrElse(this::show, () -> UI.getCurrent().navigate("contracts"));
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("contract.delete.title"));
        confirm.setText(getTranslation("contract.delete.text", contract.contractNumber()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                contracts.delete(contract.id(), contract.version());
                Notifications.success(getTranslation("contract.delete.done", contract.contractNumber()));
                UI.getCurrent().navigate("contracts");
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("concurrentEdit.text"));
                reload(contract.id());
            }
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return (contract == null ? getTranslation("nav.contracts") : contract.contractNumber()) + " | Hoshimi";
    }
}
