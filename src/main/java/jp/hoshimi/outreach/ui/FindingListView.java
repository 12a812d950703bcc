package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.outreach.FindingWorklist;
import jp.hoshimi.outreach.RequestFocus;
import jp.hoshimi.outreach.RequestMark;
import jp.hoshimi.outreach.WorklistFilter;
import jp.hoshimi.outreach.WorklistRow;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.StatusFilter;
import jp.hoshimi.shared.ui.StatusParameters;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * The findings list (指摘一覧, issue 19): every supplier in every chain the user may see, worst first, with the
 * open request that covers it (依頼中 / 期限超過 and the due date), filtered by status, required level and
 * request ({@code findings?status=MISSING&level=STAR3&requests=NONE}). A row asks its supplier or requests an
 * exception; the filter as a whole asks every supplier in it at once.
 */
@Route("findings")
@Menu(title = "nav.findings", icon = "vaadin:warning", order = 15)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class FindingListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String LEVEL = "level";
    static final String REQUESTS = "requests";

    final StatusFilter status = new StatusFilter("finding-status");
    final ComboBox<StarLevel> level = new ComboBox<>();
    final Select<RequestMark> requests = new Select<>();
    final Grid<WorklistRow> grid = new Grid<>();
    final Span count = new Span();
    final Button bulk = new Button();
    private final FindingWorklist worklist;
    private final FindingActions actions;
    private final ComplianceService compliance;
    private boolean entering;

    FindingListView(FindingWorklist worklist, FindingActions actions, ComplianceService compliance) {
        this.worklist = worklist;
        this.actions = actions;
        this.compliance = compliance;
        setSizeFull();
        addClassName("finding-list-view");
        level.setId("finding-level");
        level.setLabel(getTranslation("contract.field.requiredLevel"));
        level.setItems(StarLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.messageKey()));
        level.setPlaceholder(getTranslation("filter.all"));
        level.setClearButtonVisible(true);
        requests.setId("finding-requests");
        requests.setLabel(getTranslation("worklist.requests.label"));
        requests.setItems(RequestMark.values());
        requests.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        requests.setValue(RequestMark.ANY);
        status.addValueChangeListener(e -> refresh());
        level.addValueChangeListener(e -> refresh());
        requests.addValueChangeListener(e -> refresh());
        count.setId("finding-count");
        count.addClassName("result-count");
        bulk.setId("finding-bulk");
        bulk.setText(getTranslation("bulk.button"));
        bulk.setIcon(VaadinIcon.ENVELOPES_O.create());
        bulk.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulk.setVisible(actions.mayAsk());
        bulk.addClickListener(click -> new BulkRequestDialog(worklist, filter(), this::refresh).open());
        HorizontalLayout filters = new HorizontalLayout(status, level, requests);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        HorizontalLayout countRow = new HorizontalLayout(count);
        configureGrid();
        add(new ViewToolbar(getTranslation("worklist.title"), bulk), filters, countRow, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("finding-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addColumn(new ComponentRenderer<>(r -> new ComplianceBadge(r.status(), false)))
                .setHeader(getTranslation("compliance.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> new Anchor("suppliers/" + r.supplierId(), r.supplierName())))
                .setHeader(getTranslation("request.column.supplier"))
                .setFlexGrow(2);
        Grid.Column<WorklistRow> contract = grid.addColumn(new ComponentRenderer<>(r -> {
                    Div cell = new Div(new Anchor("contracts/" + r.contractId(), r.contractNumber()));
                    if (r.contractTitle() != null) {
                        Span title = new Span(r.contractTitle());
                        title.addClassName("kana");
                        cell.add(title);
                    }
                    cell.addClassName("name-cell");
                    return cell;
                }))
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setWidth("11em")
                .setFlexGrow(2);
        Grid.Column<WorklistRow> tier = grid.addColumn(r -> getTranslation("chain.tier", r.tier()))
                .setHeader(getTranslation("chain.column.tier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<WorklistRow> required = grid.addColumn(
                        r -> r.requiredLevel().label())
                .setHeader(getTranslation("contract.field.requiredLevel"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<WorklistRow> gap = grid.addColumn(r -> gapText(r))
                .setHeader(getTranslation("request.column.gap"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::requestBadge))
                .setKey("request")
                .setHeader(getTranslation("worklist.column.request"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (actions.mayAsk() || actions.mayRequestException()) {
            grid.addColumn(new ComponentRenderer<>(this::rowActions))
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        ScreenWidth.switchColumns(grid, List.of(), List.of(contract, tier, required, gap));
        grid.setEmptyStateText(getTranslation("worklist.empty"));
        grid.setPageSize(50);
    }

    private String gapText(WorklistRow r) {
        if (r.status() == jp.hoshimi.shared.ComplianceStatus.OK) {
            return "—";
        }
        String held = r.heldLevel() == null ? "" : "（" + r.heldLevel().label() + "）";
        return getTranslation(r.gapType().messageKey())
                + held
                + (r.validUntil() == null
                        ? ""
                        : " " + getTranslation("worklist.validUntil", Formats.date(r.validUntil())));
    }

    /** 依頼中 / 期限超過 with the due date, linking to the request. */
    Component requestBadge(WorklistRow r) {
        if (r.requestId() == null) {
            return new Span();
        }
        Anchor badge = new Anchor(
                "requests/" + r.requestId(),
                getTranslation(
                        r.requestOverdue() ? "worklist.request.overdue" : "worklist.request.open",
                        Formats.date(r.requestDue())));
        badge.getElement().getThemeList().add("badge small" + (r.requestOverdue() ? " error" : ""));
        badge.addClassName("finding-request");
        return badge;
    }

    private Component rowActions(WorklistRow r) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        if (actions.mayAsk() && FindingActions.askable(r.status())) {
            buttons.add(actions.ask(r.supplierId(), r.supplierName(), RequestFocus.contract(r.contractId())));
        }
        if (actions.mayRequestException() && FindingActions.acceptable(r.status())) {
            buttons.add(actions.exception(
                    () -> compliance.contractEvaluation(r.contractId()).links().stream()
                            .filter(f -> f.supplierId() == r.supplierId())
                            .findFirst(),
                    this::refresh));
        }
        return buttons;
    }

    WorklistFilter filter() {
        return new WorklistFilter(status.getValue(), level.getValue(), requests.getValue());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        entering = true;
        try {
            status.setValue(StatusParameters.parse(parameters.get(StatusParameters.STATUS)));
            String levelName = StatusParameters.single(parameters, LEVEL);
            level.setValue(Arrays.stream(StarLevel.values())
                    .filter(l -> l.name().equalsIgnoreCase(levelName))
                    .findFirst()
                    .orElse(null));
            String mark = StatusParameters.single(parameters, REQUESTS);
            requests.setValue(Arrays.stream(RequestMark.values())
                    .filter(m -> m.name().equalsIgnoreCase(mark))
                    .findFirst()
                    .orElse(RequestMark.ANY));
        } finally {
            entering = false;
        }
        refresh();
    }

    void refresh() {
        if (entering) {
            return;
        }
        WorklistFilter filter = filter();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location(filter)));
        int total = worklist.count(filter);
        count.setText(getTranslation("worklist.count", total));
        grid.setItems(query -> worklist.list(filter, query.getOffset(), query.getLimit()).stream());
    }

    private static com.vaadin.flow.router.Location location(WorklistFilter filter) {
        Map<String, String> parameters = new LinkedHashMap<>(StatusParameters.toParameters(filter.statuses()));
        if (filter.requiredLevel() != null) {
            parameters.put(LEVEL, filter.requiredLevel().name());
        }
        if (filter.requests() != RequestMark.ANY) {
            parameters.put(REQUESTS, filter.requests().name());
        }
        return new com.vaadin.flow.router.Location("findings", QueryParameters.simple(parameters));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worklist.title") + " | Hoshimi";
    }
}
