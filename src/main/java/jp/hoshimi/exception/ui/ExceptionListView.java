package jp.hoshimi.exception.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.contract.LevelDecisionService;
import jp.hoshimi.contract.LevelDecisionState;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.exception.ExceptionState;
import jp.hoshimi.exception.RiskException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * Exceptions (例外承認) the user may see, newest first, paged in SQL, filtered by state. Risk managers
 * open one to approve, reject or end it; a request is made from the supplier's page. A second tab
 * ({@code ?tab=levels}) is the queue of level decisions: contracts whose level was set below the decision
 * chart's suggestion, waiting for a second risk manager (issue 20).
 */
@Route("exceptions")
@Menu(title = "nav.exceptions", icon = "vaadin:handshake", order = 27)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class ExceptionListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String TAB = "tab";
    static final String LEVELS = "levels";

    final Select<ExceptionState> state = new Select<>();
    final Grid<RiskException> grid = new Grid<>();
    final Tab exceptionsTab = new Tab();
    final Tab levelsTab = new Tab();
    final Tabs tabs = new Tabs(exceptionsTab, levelsTab);
    final LevelDecisionGrid levels;
    private final ExceptionService exceptions;
    private final boolean decides;

    ExceptionListView(ExceptionService exceptions, LevelDecisionService levelDecisions, CurrentUser user) {
        this.exceptions = exceptions;
        this.decides = user.hasRole(Role.RISK_MANAGER);
        addClassName("exception-list-view");
        setSizeFull();
        state.setId("exception-state-filter");
        state.setLabel(getTranslation("exception.column.state"));
        state.setItems(ExceptionState.values());
        state.setItemLabelGenerator(
                s -> s == null ? getTranslation("exception.state.all") : getTranslation(s.messageKey()));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("exception.state.all"));
        state.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        exceptionsTab.setLabel(getTranslation("exception.tab.exceptions"));
        exceptionsTab.setId("exception-tab-exceptions");
        levelsTab.setId("exception-tab-levels");
        int waiting = levelDecisions.count(LevelDecisionState.REQUESTED);
        levelsTab.setLabel(getTranslation("exception.tab.levels", waiting));
        levels = new LevelDecisionGrid(levelDecisions, decides);
        tabs.addSelectedChangeListener(change -> showTab());
        add(new ViewToolbar(getTranslation("nav.exceptions"), state), tabs, grid, levels);
        setFlexGrow(1, grid, levels);
        showTab();
        columns();
        grid.setItems(
                query -> exceptions.list(state.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> exceptions.count(state.getValue()));
    }

    private void columns() {
        grid.setId("exception-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RiskException::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(
                        x -> new Span(getTranslation(x.state().messageKey()))))
                .setHeader(getTranslation("exception.column.state"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(x -> new Anchor("suppliers/" + x.supplierId(), x.supplierName())))
                .setHeader(getTranslation("exception.column.supplier"))
                .setFlexGrow(2);
        grid.addColumn(x -> contractText(this, x)).setHeader(getTranslation("exception.column.contract"));
        grid.addColumn(new ComponentRenderer<>(x -> new ComplianceBadge(x.acceptedStatus(), false)))
                .setHeader(getTranslation("exception.column.accepted"))
                .setAutoWidth(true);
        grid.addColumn(x -> Formats.date(x.endsOn())).setHeader(getTranslation("exception.field.endsOn"));
        grid.addColumn(RiskException::requestedBy).setHeader(getTranslation("exception.column.requestedBy"));
        grid.addColumn(x -> x.decidedBy() == null ? "—" : x.decidedBy())
                .setHeader(getTranslation("exception.column.decidedBy"));
        grid.addColumn(new ComponentRenderer<>(this::action))
                .setKey("action")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    private Component action(RiskException x) {
        boolean open = x.state() == ExceptionState.REQUESTED || x.state() == ExceptionState.APPROVED;
        Button button = new Button(getTranslation(
                x.state() == ExceptionState.REQUESTED ? "exception.action.decide" : "exception.action.open"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName("exception-open");
        button.getElement().setAttribute("data-exception", String.valueOf(x.id()));
        button.setVisible(decides && open);
        button.addClickListener(click -> new ExceptionDecisionDialog(
                        exceptions, x, () -> grid.getDataProvider().refreshAll())
                .open());
        return button;
    }

    private void showTab() {
        boolean onLevels = tabs.getSelectedTab() == levelsTab;
        levels.setVisible(onLevels);
        grid.setVisible(!onLevels);
        state.setVisible(!onLevels);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean onLevels = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(TAB)
                .filter(LEVELS::equals)
                .isPresent();
        tabs.setSelectedTab(onLevels ? levelsTab : exceptionsTab);
        showTab();
    }

    static String contractText(Component in, RiskException x) {
        return x.supplierWide() ? in.getTranslation("exception.scope.allContracts") : x.contractNumber();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.exceptions") + " | Hoshimi";
    }
}
