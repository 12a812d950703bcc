package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.WaitingForSync;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.ContractSort;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.outreach.ui.FindingActions;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.security.CurrentUser;
import jp.hoshimi.security.Role;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.export.TableWriter;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.EmptyState;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.ListCounts;
import jp.hoshimi.shared.ui.ListFilters;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.StatusFilter;
import jp.hoshimi.shared.ui.StatusParameters;
import jp.hoshimi.shared.ui.ViewToolbar;
import jp.hoshimi.supplier.SupplierService;

/**
 * The contracts the user may see (their units' or the whole group's), filtered and sorted in SQL. The
 * filters are also read from the URL, so the dashboard links to filtered lists:
 * {@code contracts?status=EXPIRED&unit=3&level=STAR4&expiringWithin=30} (or {@code expiresFrom} /
 * {@code expiresTo} dates for a month of the expiry timeline, {@code notEvaluated=true} for contracts
 * without an evaluation); the URL follows the filters, the search text ({@code q}) and the owner
 * ({@code owner} = user id) too, so a reload or a bookmark shows the same list.
 */
@Route("contracts")
@Menu(title = "nav.contracts", icon = "vaadin:file-text-o", order = 20)
@PermitAll
class ContractListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String SEARCH = "q";
    static final String OWNER = "owner";
    static final String UNIT = "unit";
    static final String LEVEL = "level";
    static final String EXPIRING_WITHIN = "expiringWithin";
    static final String EXPIRES_FROM = "expiresFrom";
    static final String EXPIRES_TO = "expiresTo";
    static final String NOT_EVALUATED = "notEvaluated";
    static final String ENDED = "ended";
    /** Issue 20: only the contracts whose chain is not covered until their end. */
    static final String COVERAGE_SHORT = "coverageShort";

    final TextField search = new TextField();
    final Select<OrgUnit> unit = new Select<>();
    final Select<RequiredLevel> level = new Select<>();
    final ComboBox<UserSummary> owner = ComponentTexts.comboBox(null);
    final StatusFilter status = new StatusFilter("contract-status");
    /** Shows the expiry window that a dashboard link set (no field edits it); its click clears it. */
    final Button expiryChip = new Button();
    /** Shows that a dashboard link asked for the contracts without an evaluation; its click clears it. */
    final Button notEvaluatedChip = new Button();
    /** Only the contracts past their end date (ended: judged no more, not counted; decision 0016). */
    final Checkbox endedOnly = new Checkbox();
    /** Issue 20: the registration ends before the contract (or a link fails today). */
    final Checkbox coverageShort = new Checkbox();

    private final LocalDate today;
    private final FindingActions findingActions;
    private final ComplianceService compliance;

    final ListFilters filters;

    final ExportLinks export;
    final Grid<ContractListItem> grid = new Grid<>();
    final Span count = new Span();
    final Button create = new Button();
    private final ContractService contracts;
    private final boolean stale;
    private ExpiryWindow expiry;
    private boolean notEvaluated;
    private boolean entering;
    /** The filter and order of the last refresh, for downloads (they run outside the UI lock). */
    private volatile ContractFilter shownFilter = ContractFilter.none();

    private volatile ContractSort.Order shownOrder = ContractSort.Order.defaultOrder();

    ContractListView(
            ContractService contracts,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            UserAccountService users,
            RegisterService register,
            CurrentUser currentUser,
            Clock clock,
            BusinessDate businessDate,
            FindingActions findingActions,
            ComplianceService compliance) {
        this.today = businessDate.today();
        this.findingActions = findingActions;
        this.compliance = compliance;
        this.contracts = contracts;
        RegisterService.Freshness freshness = register.freshness();
        this.stale = freshness.stale();
        addClassName("contract-list-view");
        if (WaitingForSync.waiting(freshness.lastSuccess())) {
            add(new WaitingForSync());
        }
        setSizeFull();

        search.setId("contract-search");
        search.setPlaceholder(getTranslation("contract.list.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setMaxWidth("22em");
        search.addValueChangeListener(e -> refresh());

        unit.setLabel(getTranslation("contract.field.orgUnit"));
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("filter.all"));
        unit.setItems(orgUnits.unitsInScope());
        unit.setItemLabelGenerator(u -> u == null ? getTranslation("filter.all") : u.name());
        unit.addValueChangeListener(e -> refresh());

        level.setId("contract-level-filter");
        level.setLabel(getTranslation("contract.field.requiredLevel"));
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("filter.all"));
        level.setItems(RequiredLevel.values());
        level.setItemLabelGenerator(l -> l == null ? getTranslation("filter.all") : getTranslation(l.messageKey()));
        level.addValueChangeListener(e -> refresh());

        owner.setId("contract-owner");
        owner.setLabel(getTranslation("contract.field.owner"));
        owner.setItems(users.activeUsers());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder(getTranslation("filter.all"));
        owner.addValueChangeListener(e -> refresh());

        status.addValueChangeListener(e -> refresh());

        chip(expiryChip, "contract-expiry", () -> expiry = null);
        notEvaluatedChip.setText(getTranslation("contract.list.notEvaluated"));
        chip(notEvaluatedChip, "contract-not-evaluated", () -> notEvaluated = false);

        create.setText(getTranslation("contract.list.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("contract-create");
        create.setVisible(currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN));
        create.addClickListener(
                click -> new ContractEditor(contracts, suppliers, orgUnits, users, null, this::open).open());

        endedOnly.setLabel(getTranslation("contract.list.endedOnly"));
        endedOnly.setId("contract-ended-only");
        endedOnly.addValueChangeListener(e -> refresh());
        coverageShort.setLabel(getTranslation("coverage.list.filter"));
        coverageShort.setId("contract-coverage-short");
        coverageShort.addValueChangeListener(e -> refresh());
        filters = new ListFilters(
                "contract", status, unit, level, owner, endedOnly, coverageShort, expiryChip, notEvaluatedChip);
        configureGrid();
        count.addClassName("result-count");
        count.setId("contract-count");
        Locale locale = getLocale();
        export = new ExportLinks("contract", "contracts", clock, (format, out) -> export(format, out, locale));
        HorizontalLayout countRow = new HorizontalLayout(count, export);
        countRow.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new ViewToolbar(getTranslation("contract.list.title"), search, create), filters, countRow, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        entering = true;
        try {
            status.setValue(StatusParameters.parse(parameters.get(StatusParameters.STATUS)));
            String text = StatusParameters.single(parameters, SEARCH);
            search.setValue(text == null ? "" : text);
            Long ownerId = StatusParameters.number(parameters, OWNER);
            owner.setValue(byId(owner.getListDataView().getItems(), ownerId, UserSummary::id));
            Long unitId = StatusParameters.number(parameters, UNIT);
            unit.setValue(byId(unit.getListDataView().getItems(), unitId, OrgUnit::id));
            String levelName = StatusParameters.single(parameters, LEVEL);
            level.setValue(
                    levelName == null
                            ? null
                            : java.util.Arrays.stream(RequiredLevel.values())
                                    .filter(l -> l.name().equalsIgnoreCase(levelName))
                                    .findFirst()
                                    .orElse(null));
            expiry = expiryOf(parameters);
            notEvaluated = "true".equalsIgnoreCase(StatusParameters.single(parameters, NOT_EVALUATED));
            endedOnly.setValue("true".equalsIgnoreCase(StatusParameters.single(parameters, ENDED)));
            coverageShort.setValue("true".equalsIgnoreCase(StatusParameters.single(parameters, COVERAGE_SHORT)));
        } finally {
            entering = false;
        }
        refresh();
    }

    /** The item with this id, or null when there is no id or no such item (a stale bookmark). */
    private static <T> T byId(java.util.stream.Stream<T> items, Long id, java.util.function.ToLongFunction<T> idOf) {
        return id == null
                ? null
                : items.filter(item -> idOf.applyAsLong(item) == id).findFirst().orElse(null);
    }

    private static ExpiryWindow expiryOf(Map<String, List<String>> parameters) {
        Long days = StatusParameters.number(parameters, EXPIRING_WITHIN);
        if (days != null && days >= 0 && days <= 3660) {
            return ExpiryWindow.within(days.intValue());
        }
        LocalDate from = date(StatusParameters.single(parameters, EXPIRES_FROM));
        LocalDate to = date(StatusParameters.single(parameters, EXPIRES_TO));
        return from == null && to == null ? null : ExpiryWindow.between(from, to);
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The URL parameters of the current search and filters. */
    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            parameters.put(SEARCH, search.getValue().strip());
        }
        parameters.putAll(StatusParameters.toParameters(status.getValue()));
        if (owner.getValue() != null) {
            parameters.put(OWNER, String.valueOf(owner.getValue().id()));
        }
        if (unit.getValue() != null) {
            parameters.put(UNIT, String.valueOf(unit.getValue().id()));
        }
        if (level.getValue() != null) {
            parameters.put(LEVEL, level.getValue().name());
        }
        if (expiry != null && expiry.withinDays() != null) {
            parameters.put(EXPIRING_WITHIN, String.valueOf(expiry.withinDays()));
        } else if (expiry != null) {
            if (expiry.from() != null) {
                parameters.put(EXPIRES_FROM, expiry.from().toString());
            }
            if (expiry.to() != null) {
                parameters.put(EXPIRES_TO, expiry.to().toString());
            }
        }
        if (notEvaluated) {
            parameters.put(NOT_EVALUATED, "true");
        }
        if (endedOnly.getValue()) {
            parameters.put(ENDED, "true");
        }
        if (coverageShort.getValue()) {
            parameters.put(COVERAGE_SHORT, "true");
        }
        return parameters;
    }

    /** A filter set by a link that no field edits: shown as a button that clears it. */
    private void chip(Button chip, String id, Runnable clear) {
        chip.setIcon(VaadinIcon.CLOSE_SMALL.create());
        chip.setIconAfterText(true);
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        chip.setId(id);
        chip.setVisible(false);
        chip.addClickListener(click -> {
            clear.run();
            refresh();
        });
    }

    private String expiryLabel() {
        if (expiry.withinDays() != null) {
            return getTranslation("contract.list.expiry.within", expiry.withinDays());
        }
        return getTranslation(
                "contract.list.expiry.between",
                expiry.from() == null ? "" : expiry.from().toString(),
                expiry.to() == null ? "" : expiry.to().toString());
    }

    /** Writes the list as last shown (filters and order) in the user's language. */
    private void export(ExportFormat format, OutputStream out, Locale locale) {
        try (TableWriter table = TableWriter.open(format, out, getTranslation(locale, "nav.contracts"))) {
            table.row(
                    getTranslation(locale, "contract.field.contractNumber"),
                    getTranslation(locale, "contract.field.title"),
                    getTranslation(locale, "contract.field.supplier"),
                    getTranslation(locale, "contract.field.orgUnit"),
                    getTranslation(locale, "contract.field.owner"),
                    getTranslation(locale, "contract.field.requiredLevel"),
                    getTranslation(locale, "list.column.status"),
                    getTranslation(locale, "list.column.earliestValidUntil"),
                    getTranslation(locale, "contract.field.endDate"),
                    getTranslation(locale, "coverage.list.column"),
                    getTranslation(locale, "coverage.list.endsBefore"));
            contracts.export(
                    shownFilter,
                    shownOrder,
                    item -> table.row(
                            item.contractNumber(),
                            item.title(),
                            item.supplierName(),
                            item.orgUnitName(),
                            item.ownerName(),
                            getTranslation(locale, item.requiredLevel().messageKey()),
                            item.status() == null
                                    ? ""
                                    : getTranslation(locale, item.status().messageKey()),
                            item.earliestValidUntil(),
                            item.endDate(),
                            CoverageCell.text(this, locale, item),
                            getTranslation(
                                    locale, item.coverageEndsBeforeContract() ? "coverage.yes" : "coverage.no")));
        }
    }

    private void configureGrid() {
        grid.setId("contract-grid");
        // a name longer than its column wraps to a second line instead of being cut
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setMultiSort(false);
        // a phone shows this one column of number, title and supplier beside the status (ScreenWidth)
        Grid.Column<ContractListItem> compact = grid.addColumn(new ComponentRenderer<>(ContractListView::compactCell))
                .setKey("compact")
                .setHeader(getTranslation("contract.list.column.contract"))
                .setSortProperty(ContractSort.CONTRACT_NUMBER.name())
                .setFlexGrow(1);
        Grid.Column<ContractListItem> number = grid.addColumn(ContractListItem::contractNumber)
                .setKey("contractNumber")
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setSortProperty(ContractSort.CONTRACT_NUMBER.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the status next to the key, so a narrow window (a tablet) shows both before the grid scrolls sideways
        grid.addColumn(new ComponentRenderer<>(this::statusOf))
                .setKey("status")
                .setHeader(getTranslation("list.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the names get the room (and the full text on hover): the other columns keep to their content
        Grid.Column<ContractListItem> title = grid.addColumn(ContractListItem::title)
                .setKey("title")
                .setHeader(getTranslation("contract.field.title"))
                .setSortProperty(ContractSort.TITLE.name())
                .setTooltipGenerator(ContractListItem::title)
                .setWidth("14em")
                .setFlexGrow(3)
                .setResizable(true);
        Grid.Column<ContractListItem> supplier = grid.addColumn(ContractListItem::supplierName)
                .setKey("supplier")
                .setHeader(getTranslation("contract.field.supplier"))
                .setSortProperty(ContractSort.SUPPLIER.name())
                .setTooltipGenerator(ContractListItem::supplierName)
                .setWidth("14em")
                .setFlexGrow(3)
                .setResizable(true);
        Grid.Column<ContractListItem> orgUnit = grid.addColumn(ContractListItem::orgUnitName)
                .setKey("orgUnit")
                .setHeader(getTranslation("contract.field.orgUnit"))
                .setTooltipGenerator(ContractListItem::orgUnitName)
                .setWidth("10em")
                .setFlexGrow(1)
                .setResizable(true);
        Grid.Column<ContractListItem> requiredLevel = grid.addColumn(
                        new ComponentRenderer<>(item -> new LevelBadge(item.requiredLevel())))
                .setKey("requiredLevel")
                .setHeader(getTranslation("contract.field.requiredLevel"))
                .setSortProperty(ContractSort.REQUIRED_LEVEL.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<ContractListItem> endDate = grid.addColumn(
                        item -> item.endDate() == null ? "" : item.endDate().toString())
                .setKey("endDate")
                .setHeader(getTranslation("contract.field.endDate"))
                .setSortProperty(ContractSort.END_DATE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<ContractListItem> coveredUntil = grid.addColumn(
                        new ComponentRenderer<>(item -> CoverageCell.of(this, item)))
                .setKey("coveredUntil")
                .setHeader(getTranslation("coverage.list.column"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // issue 19: a contract with a gap in its chain offers to ask the supplier from its row
        Grid.Column<ContractListItem> actions = null;
        if (findingActions.mayAsk()) {
            actions = grid.addColumn(new ComponentRenderer<>(item -> item.status() != null
                                    && FindingActions.askable(item.status())
                                    && (item.endDate() == null
                                            || !item.endDate().isBefore(today))
                            ? FindingActions.inGrid(findingActions.askForContract(
                                    () -> compliance
                                            .contractEvaluation(item.id())
                                            .links(),
                                    this::refresh))
                            : new Span()))
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        ScreenWidth.switchColumns(
                grid,
                List.of(compact),
                java.util.stream.Stream.of(
                                number, title, supplier, orgUnit, requiredLevel, endDate, coveredUntil, actions)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        grid.setEmptyStateComponent(new EmptyState(
                "contract-list-empty", getTranslation("contract.list.empty"), "imports", "emptyState.import"));
        // no count callback: refresh() counts once and sizes the grid (ListCounts)
        grid.setItems(query -> {
            ContractSort.Order order = order(query);
            shownOrder = order;
            return contracts.list(filter(), order, query.getOffset(), query.getLimit()).stream();
        });
        grid.addItemClickListener(click -> open(click.getItem().id()));
    }

    /** An ended contract says so rather than "—" (it has no status: judged no more). */
    private Component statusOf(ContractListItem item) {
        if (item.endDate() != null && item.endDate().isBefore(today)) {
            Span ended = new Span(getTranslation("contract.list.ended"));
            ended.addClassName("contract-ended");
            ended.getElement().getThemeList().add("badge contrast");
            return ended;
        }
        return item.status() == null ? ComplianceBadge.none() : new ComplianceBadge(item.status(), stale);
    }

    /** Number and level, title, supplier: the contract in the width of a phone. */
    private static Div compactCell(ContractListItem item) {
        Span number = new Span(item.contractNumber());
        number.addClassName("compact-key");
        Div head = new Div(number, new LevelBadge(item.requiredLevel()));
        head.addClassName("compact-head");
        Span title = new Span(item.title());
        title.addClassName("compact-title");
        Span supplier = new Span(item.supplierName());
        supplier.addClassName("compact-sub");
        Div cell = new Div(head, title, supplier);
        cell.addClassName("compact-cell");
        return cell;
    }

    private void open(long id) {
        UI.getCurrent().navigate(ContractDetailView.class, new RouteParameters("id", String.valueOf(id)));
    }

    ContractFilter filter() {
        return new ContractFilter(
                search.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(),
                level.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(),
                null,
                status.getValue(),
                expiry,
                notEvaluated,
                endedOnly.getValue(),
                coverageShort.getValue());
    }

    private static ContractSort.Order order(Query<ContractListItem, Void> query) {
        if (query.getSortOrders().isEmpty()) {
            return ContractSort.Order.defaultOrder();
        }
        var first = query.getSortOrders().get(0);
        return ContractSort.fromProperty(first.getSorted())
                .map(sort -> new ContractSort.Order(sort, first.getDirection() == SortDirection.ASCENDING))
                .orElse(ContractSort.Order.defaultOrder());
    }

    private void refresh() {
        if (entering) {
            return;
        }
        expiryChip.setVisible(expiry != null);
        notEvaluatedChip.setVisible(notEvaluated);
        if (expiry != null) {
            expiryChip.setText(expiryLabel());
        }
        filters.setActive((int) java.util.stream.Stream.of(
                        !status.isEmpty(),
                        unit.getValue() != null,
                        level.getValue() != null,
                        owner.getValue() != null,
                        endedOnly.getValue(),
                        coverageShort.getValue(),
                        expiry != null,
                        notEvaluated)
                .filter(set -> set)
                .count());
        shownFilter = filter();
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("contracts", QueryParameters.simple(parameters()))));
        ResultCount total = contracts.count(filter());
        count.setText(ListCounts.label(this, "contract.list.count", "contract.list.countAtLeast", total));
        ListCounts.sizeGrid(grid, total);
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.contracts") + " | Hoshimi";
    }
}
