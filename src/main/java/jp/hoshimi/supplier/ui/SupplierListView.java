package jp.hoshimi.supplier.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.WaitingForSync;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ListFilters;
import jp.hoshimi.shared.ui.ListPage;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.StatusFilter;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.SupplierSort;

/**
 * The supplier master, paged, sorted and filtered in SQL so that 100,000 rows stay quick. The search text,
 * quick filter and status filter are read from the URL ({@link SupplierListQuery}:
 * {@code suppliers?q=ミナト&quick=FOREIGN&status=EXPIRED,MISSING}),
 * so the dashboard can link to it, and the URL follows them so a filtered list can be bookmarked and shared.
 */
@Route(SupplierListQuery.ROUTE)
@Menu(title = "nav.suppliers", icon = "vaadin:factory", order = 10)
@PermitAll
class SupplierListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The columns of a download, in order (see {@link #cells}). */
    static final List<String> EXPORT_COLUMNS = List.of(
            "supplier.column.name",
            "supplier.field.nameKana",
            "supplier.column.corporateNumber",
            "supplier.column.supplierCode",
            "supplier.column.country",
            "supplier.column.status",
            "supplier.column.heldLevel",
            "supplier.column.validUntil",
            "supplier.column.registeredName",
            "supplier.column.updatedAt");

    final TextField search = new TextField();
    final Grid<SupplierListItem> grid = new Grid<>();
    final Span count = new Span();
    final RadioButtonGroup<SupplierFilter.Quick> quick = new RadioButtonGroup<>();
    final StatusFilter status = new StatusFilter("supplier-status");
    final Button create = new Button();
    final ListFilters filters;
    final ExportLinks export;
    private final ListPage<SupplierListItem, SupplierFilter, SupplierSort.Order> page;
    private final boolean stale;

    SupplierListView(
            SupplierService suppliers,
            jp.hoshimi.legalentity.LegalEntityService legalEntities,
            RegisterService register,
            CurrentUser currentUser,
            Clock clock) {
        RegisterService.Freshness freshness = register.freshness();
        this.stale = freshness.stale();
        if (WaitingForSync.waiting(freshness.lastSuccess())) {
            add(new WaitingForSync());
        }
        page = new ListPage<>(this, "supplier", SupplierListQuery.ROUTE, grid, count);
        page.readFrom(
                suppliers::list,
                suppliers::count,
                SupplierSort::fromProperty,
                SupplierSort.Order::new,
                SupplierSort.Order.defaultOrder());

        page.search(search, "28em", this::refresh);
        search.setHelperText(getTranslation("supplier.list.search.help"));
        quick.setItems(SupplierFilter.Quick.values());
        quick.setItemLabelGenerator(q -> getTranslation("supplier.quick." + q.name()));
        quick.setValue(SupplierFilter.Quick.ALL);
        quick.addClassName("quick-filters");
        quick.setId("supplier-quick");
        quick.addValueChangeListener(event -> refresh());
        status.addValueChangeListener(event -> refresh());

        configureGrid();
        page.create(
                create,
                currentUser.hasRole(Role.PROCUREMENT)
                        || currentUser.hasRole(Role.RISK_MANAGER)
                        || currentUser.hasRole(Role.ADMIN),
                () -> new SupplierEditor(
                                suppliers,
                                legalEntities,
                                null,
                                id -> UI.getCurrent()
                                        .navigate(
                                                SupplierDetailView.class,
                                                new RouteParameters("id", String.valueOf(id))))
                        .open());

        export = page.export(clock, getLocale(), EXPORT_COLUMNS, suppliers::export, this::cells);
        filters = new ListFilters("supplier", status, quick);
        com.vaadin.flow.router.RouterLink missingNumbers = new com.vaadin.flow.router.RouterLink(
                getTranslation("legalEntity.match.link"), jp.hoshimi.legalentity.ui.MissingNumbersView.class);
        missingNumbers.setId("supplier-missing-numbers");
        missingNumbers.setVisible(create.isVisible());
        page.layOut(search, create, filters, export, missingNumbers);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SupplierListQuery query = SupplierListQuery.parse(event.getLocation());
        page.enter(() -> {
            status.setValue(query.statuses());
            search.setValue(query.search() == null ? "" : query.search());
            quick.setValue(query.quick());
        });
        refresh();
    }

    /** Writes the list as last shown (filter and order) in a language, as a download does. */
    void export(ExportFormat format, OutputStream out, Locale locale) {
        page.write(format, out, locale);
    }

    /** A row of a download, in the columns of {@link #EXPORT_COLUMNS}. */
    private List<?> cells(SupplierListItem item, Locale locale) {
        return java.util.Arrays.asList(
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
                Formats.dateTime(item.updatedAt()));
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
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

    /** The list's filters as they are now. */
    private SupplierListQuery query() {
        return new SupplierListQuery(search.getValue(), quick.getValue(), status.getValue());
    }

    private void refresh() {
        filters.setActive((status.isEmpty() ? 0 : 1) + (quick.getValue() == SupplierFilter.Quick.ALL ? 0 : 1));
        SupplierListQuery query = query();
        page.show(query.filter(), query.location());
    }

    /** The list's address with its filters: what the browser's address bar shows and a bookmark opens. */
    Location location() {
        return query().location();
    }

    @Override
    public String getPageTitle() {
        return page.title();
    }
}
