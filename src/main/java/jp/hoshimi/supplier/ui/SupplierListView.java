package jp.hoshimi.supplier.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.WaitingForSync;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.security.CurrentUser;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.export.TableWriter;
import jp.hoshimi.shared.ui.EmptyState;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ListCounts;
import jp.hoshimi.shared.ui.ListFilters;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.StatusFilter;
import jp.hoshimi.shared.ui.StatusParameters;
import jp.hoshimi.shared.ui.ViewToolbar;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.SupplierSort;

/**
 * The supplier master, paged, sorted and filtered in SQL so that 100,000 rows stay quick. The search text,
 * quick filter and status filter are read from the URL ({@code suppliers?q=ミナト&quick=FOREIGN&status=EXPIRED,MISSING}),
 * so the dashboard can link to it, and the URL follows them so a filtered list can be bookmarked and shared.
 */
@Route("suppliers")
@Menu(title = "nav.suppliers", icon = "vaadin:factory", order = 10)
@PermitAll
class SupplierListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String SEARCH = "q";
    static final String QUICK = "quick";

    final TextField search = new TextField();
    final Grid<SupplierListItem> grid = new Grid<>();
    final Span count = new Span();
    final RadioButtonGroup<SupplierFilter.Quick> quick = new RadioButtonGroup<>();
    final StatusFilter status = new StatusFilter("supplier-status");
    final Button create = new Button();
    final ListFilters filters;
    final ExportLinks export;
    private final SupplierService suppliers;
    private final boolean stale;
    /** The filter and order of the last refresh, for downloads (they run outside the UI lock). */
    private volatile SupplierFilter shownFilter = SupplierFilter.none();

    private volatile SupplierSort.Order shownOrder = SupplierSort.Order.defaultOrder();
    private boolean entering;

    SupplierListView(
            SupplierService suppliers,
            jp.hoshimi.legalentity.LegalEntityService legalEntities,
            RegisterService register,
            CurrentUser currentUser,
            Clock clock) {
        this.suppliers = suppliers;
        RegisterService.Freshness freshness = register.freshness();
        this.stale = freshness.stale();
        addClassName("supplier-list-view");
        if (WaitingForSync.waiting(freshness.lastSuccess())) {
            add(new WaitingForSync());
        }
        setSizeFull();

        search.setPlaceholder(getTranslation("supplier.list.search.placeholder"));
        search.setHelperText(getTranslation("supplier.list.search.help"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setMaxWidth("28em");
        search.setId("supplier-search");
        search.addValueChangeListener(event -> refresh());
        quick.setItems(SupplierFilter.Quick.values());
        quick.setItemLabelGenerator(q -> getTranslation("supplier.quick." + q.name()));
        quick.setValue(SupplierFilter.Quick.ALL);
        quick.addClassName("quick-filters");
        quick.setId("supplier-quick");
        quick.addValueChangeListener(event -> refresh());
        status.addValueChangeListener(event -> refresh());
        count.addClassName("result-count");
        count.setId("supplier-count");

        configureGrid();
        create.setText(getTranslation("supplier.list.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("supplier-create");
        create.setVisible(currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN));
        create.addClickListener(click -> new SupplierEditor(
                        suppliers,
                        legalEntities,
                        null,
                        id -> UI.getCurrent()
                                .navigate(SupplierDetailView.class, new RouteParameters("id", String.valueOf(id))))
                .open());

        Locale locale = getLocale();
        export = new ExportLinks("supplier", "suppliers", clock, (format, out) -> export(format, out, locale));
        filters = new ListFilters("supplier", status, quick);
        HorizontalLayout countRow = new HorizontalLayout(count, export);
        countRow.setAlignItems(FlexComponent.Alignment.CENTER);
        com.vaadin.flow.router.RouterLink missingNumbers = new com.vaadin.flow.router.RouterLink(
                getTranslation("legalEntity.match.link"), jp.hoshimi.legalentity.ui.MissingNumbersView.class);
        missingNumbers.setId("supplier-missing-numbers");
        missingNumbers.setVisible(create.isVisible());
        add(
                new ViewToolbar(getTranslation("supplier.list.title"), search, create),
                filters,
                countRow,
                missingNumbers,
                grid);
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
            String quickName = StatusParameters.single(parameters, QUICK);
            quick.setValue(java.util.Arrays.stream(SupplierFilter.Quick.values())
                    .filter(q -> q.name().equalsIgnoreCase(quickName))
                    .findFirst()
                    .orElse(SupplierFilter.Quick.ALL));
        } finally {
            entering = false;
        }
        refresh();
    }

    /** Writes the list as last shown (filter and order) in the user's language. */
    void export(ExportFormat format, OutputStream out, Locale locale) {
        try (TableWriter table = TableWriter.open(format, out, getTranslation(locale, "nav.suppliers"))) {
            table.row(
                    getTranslation(locale, "supplier.column.name"),
                    getTranslation(locale, "supplier.field.nameKana"),
                    getTranslation(locale, "supplier.column.corporateNumber"),
                    getTranslation(locale, "supplier.column.supplierCode"),
                    getTranslation(locale, "supplier.column.country"),
                    getTranslation(locale, "supplier.column.status"),
                    getTranslation(locale, "supplier.column.heldLevel"),
                    getTranslation(locale, "supplier.column.validUntil"),
                    getTranslation(locale, "supplier.column.registeredName"),
                    getTranslation(locale, "supplier.column.updatedAt"));
            suppliers.export(
                    shownFilter,
                    shownOrder,
                    item -> table.row(
                            item.name(),
                            item.nameKana(),
                            item.corporateNumber(),
                            item.supplierCode(),
                            country(item, locale),
                            item.status() == null
                                    ? ""
                                    : getTranslation(locale, item.status().messageKey()),
                            item.heldLevel() == null
                                    ? ""
                                    : getTranslation(locale, item.heldLevel().messageKey()),
                            Formats.date(item.validUntil()),
                            item.registeredName(),
                            Formats.dateTime(item.updatedAt())));
        }
    }

    private void configureGrid() {
        grid.setId("supplier-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.addColumn(new ComponentRenderer<>(SupplierListView::nameCell))
                .setKey("name")
                .setHeader(getTranslation("supplier.column.name"))
                .setSortProperty(SupplierSort.NAME.name())
                .setTooltipGenerator(SupplierListItem::name)
                .setWidth("12em")
                .setFlexGrow(3)
                .setResizable(true);
        Grid.Column<SupplierListItem> corporateNumber = grid.addColumn(SupplierListItem::corporateNumber)
                .setKey("corporateNumber")
                .setHeader(getTranslation("supplier.column.corporateNumber"))
                .setSortProperty(SupplierSort.CORPORATE_NUMBER.name())
                .setClassNameGenerator(item -> "mono")
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(item ->
                        item.status() == null ? ComplianceBadge.none() : new ComplianceBadge(item.status(), stale)))
                .setKey("status")
                .setHeader(getTranslation("supplier.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<SupplierListItem> heldLevel = grid.addColumn(item -> item.heldLevel() == null
                        ? "—"
                        : getTranslation(item.heldLevel().messageKey()))
                .setKey("heldLevel")
                .setHeader(getTranslation("supplier.column.heldLevel"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<SupplierListItem> validUntil = grid.addColumn(
                        item -> item.validUntil() == null ? "—" : Formats.date(item.validUntil()))
                .setKey("validUntil")
                .setHeader(getTranslation("supplier.column.validUntil"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<SupplierListItem> registeredName = grid.addColumn(
                        item -> item.registeredName() == null ? "—" : item.registeredName())
                .setKey("registeredName")
                .setHeader(getTranslation("supplier.column.registeredName"))
                .setTooltipGenerator(SupplierListItem::registeredName)
                .setWidth("14em")
                .setFlexGrow(2)
                .setResizable(true);
        Grid.Column<SupplierListItem> supplierCode = grid.addColumn(SupplierListItem::supplierCode)
                .setKey("supplierCode")
                .setHeader(getTranslation("supplier.column.supplierCode"))
                .setSortProperty(SupplierSort.SUPPLIER_CODE.name())
                .setAutoWidth(true);
        Grid.Column<SupplierListItem> country = grid.addColumn(item -> country(item, getLocale()))
                .setKey("country")
                .setHeader(getTranslation("supplier.column.country"))
                .setTextAlign(ColumnTextAlign.CENTER)
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<SupplierListItem> updatedAt = grid.addColumn(item -> Formats.dateTime(item.updatedAt()))
                .setKey("updatedAt")
                .setHeader(getTranslation("supplier.column.updatedAt"))
                .setSortProperty(SupplierSort.UPDATED_AT.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        // a phone keeps the name (with its kana) and the status
        ScreenWidth.switchColumns(
                grid,
                List.of(),
                List.of(corporateNumber, heldLevel, validUntil, registeredName, supplierCode, country, updatedAt));
        grid.addItemClickListener(click -> UI.getCurrent()
                .navigate(
                        SupplierDetailView.class,
                        new RouteParameters("id", String.valueOf(click.getItem().id()))));
        grid.setEmptyStateComponent(new EmptyState(
                "supplier-list-empty", getTranslation("supplier.list.empty"), "imports", "emptyState.import"));
        // no count callback: refresh() counts once and sizes the grid (ListCounts)
        grid.setItems(query -> {
            SupplierSort.Order order = order(query);
            shownOrder = order;
            return suppliers.list(filter(), order, query.getOffset(), query.getLimit()).stream();
        });
    }

    /** A supplier's country code, or "unknown" when nobody stated it (never guessed). */
    private String country(SupplierListItem item, Locale locale) {
        return item.country() == null ? getTranslation(locale, "supplier.country.unknown") : item.country();
    }

    private static Div nameCell(SupplierListItem item) {
        Div cell = new Div(new Span(item.name()));
        cell.addClassName("name-cell");
        if (item.nameKana() != null) {
            Span kana = new Span(item.nameKana());
            kana.addClassName("kana");
            cell.add(kana);
        }
        return cell;
    }

    private SupplierFilter filter() {
        return new SupplierFilter(search.getValue(), quick.getValue(), status.getValue());
    }

    private static SupplierSort.Order order(Query<SupplierListItem, Void> query) {
        List<com.vaadin.flow.data.provider.QuerySortOrder> sortOrders = query.getSortOrders();
        if (sortOrders.isEmpty()) {
            return SupplierSort.Order.defaultOrder();
        }
        var first = sortOrders.get(0);
        return SupplierSort.fromProperty(first.getSorted())
                .map(sort -> new SupplierSort.Order(sort, first.getDirection() == SortDirection.ASCENDING))
                .orElse(SupplierSort.Order.defaultOrder());
    }

    private void refresh() {
        if (entering) {
            return;
        }
        filters.setActive((status.isEmpty() ? 0 : 1) + (quick.getValue() == SupplierFilter.Quick.ALL ? 0 : 1));
        shownFilter = filter();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location()));
        ResultCount total = suppliers.count(filter());
        count.setText(ListCounts.label(this, "supplier.list.count", "supplier.list.countAtLeast", total));
        ListCounts.sizeGrid(grid, total);
        grid.getDataProvider().refreshAll();
    }

    /** The list's address with its filters: what the browser's address bar shows and a bookmark opens. */
    com.vaadin.flow.router.Location location() {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            parameters.put(SEARCH, search.getValue().strip());
        }
        if (quick.getValue() != null && quick.getValue() != SupplierFilter.Quick.ALL) {
            parameters.put(QUICK, quick.getValue().name());
        }
        parameters.putAll(StatusParameters.toParameters(status.getValue()));
        return new com.vaadin.flow.router.Location("suppliers", QueryParameters.simple(parameters));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.suppliers") + " | Hoshimi";
    }
}
