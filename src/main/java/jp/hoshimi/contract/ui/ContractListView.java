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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.ListFilters;
import jp.hoshimi.shared.ui.ListPage;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.StatusFilter;
import jp.hoshimi.supplier.SupplierService;

/**
 * The contracts the user may see (their units' or the whole group's), filtered and sorted in SQL. The
 * filters are also read from the URL ({@link ContractListQuery}), so the dashboard links to filtered lists:
 * {@code contracts?unit=3&level=STAR4&status=EXPIRED}, {@code contracts?expiringWithin=30}, a month of the
 * expiry timeline, the contracts without an evaluation; the URL follows the filters, the search text and the
 * owner too, so a reload or a bookmark shows the same list.
 */
@Route(ContractListQuery.ROUTE)
@Menu(title = "nav.contracts", icon = "vaadin:file-text-o", order = 20)
@PermitAll
class ContractListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The columns of a download, in order (see {@link #cells}). */
    static final List<String> EXPORT_COLUMNS = List.of(
            "contract.field.contractNumber",
            "contract.field.title",
            "contract.field.supplier",
            "contract.field.orgUnit",
            "contract.field.owner",
            "contract.field.requiredLevel",
            "list.column.status",
            "list.column.earliestValidUntil",
            "contract.field.endDate",
            "coverage.list.column",
            "coverage.list.endsBefore");

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
    private final ListPage<ContractListItem, ContractFilter, ContractSort.Order> page;
    private final boolean stale;
    private ExpiryWindow expiry;
    private boolean notEvaluated;

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
        RegisterService.Freshness freshness = register.freshness();
        this.stale = freshness.stale();
        if (WaitingForSync.waiting(freshness.lastSuccess())) {
            add(new WaitingForSync());
        }
        page = new ListPage<>(this, "contract", ContractListQuery.ROUTE, grid, count);
        page.readFrom(
                contracts::list,
                contracts::count,
                ContractSort::fromProperty,
                ContractSort.Order::new,
                ContractSort.Order.defaultOrder());

        page.search(search, "22em", this::refresh);

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

        page.create(
                create,
                currentUser.hasRole(Role.PROCUREMENT)
                        || currentUser.hasRole(Role.RISK_MANAGER)
                        || currentUser.hasRole(Role.ADMIN),
                () -> new ContractEditor(contracts, suppliers, orgUnits, users, null, this::open).open());

        endedOnly.setLabel(getTranslation("contract.list.endedOnly"));
        endedOnly.setId("contract-ended-only");
        endedOnly.addValueChangeListener(e -> refresh());
        coverageShort.setLabel(getTranslation("coverage.list.filter"));
        coverageShort.setId("contract-coverage-short");
        coverageShort.addValueChangeListener(e -> refresh());
        filters = new ListFilters(
                "contract", status, unit, level, owner, endedOnly, coverageShort, expiryChip, notEvaluatedChip);
        configureGrid();
        export = page.export(clock, getLocale(), EXPORT_COLUMNS, contracts::export, this::cells);
        page.layOut(search, create, filters, export);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ContractListQuery query = ContractListQuery.parse(event.getLocation());
        page.enter(() -> {
            status.setValue(query.statuses());
            search.setValue(query.search() == null ? "" : query.search());
            owner.setValue(byId(owner.getListDataView().getItems(), query.ownerId(), UserSummary::id));
            unit.setValue(byId(unit.getListDataView().getItems(), query.unitId(), OrgUnit::id));
            level.setValue(query.level());
            expiry = query.expiry();
            notEvaluated = query.notEvaluated();
            endedOnly.setValue(query.ended());
            coverageShort.setValue(query.coverageShort());
        });
        refresh();
    }

    /** The item with this id, or null when there is no id or no such item (a stale bookmark). */
    private static <T> T byId(java.util.stream.Stream<T> items, Long id, java.util.function.ToLongFunction<T> idOf) {
        return id == null
                ? null
                : items.filter(item -> idOf.applyAsLong(item) == id).findFirst().orElse(null);
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

    /** A row of a download, in the columns of {@link #EXPORT_COLUMNS}. */
    private List<?> cells(ContractListItem item, Locale locale) {
        return java.util.Arrays.asList(
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
                getTranslation(locale, item.coverageEndsBeforeContract() ? "coverage.yes" : "coverage.no"));
    }

    private void configureGrid() {
        // a name longer than its column wraps to a second line instead of being cut
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
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

    /** The list's filters as they are now. */
    private ContractListQuery query() {
        return new ContractListQuery(
                search.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(),
                unit.getValue() == null ? null : unit.getValue().id(),
                expiry,
                level.getValue(),
                status.getValue(),
                notEvaluated,
                endedOnly.getValue(),
                coverageShort.getValue());
    }

    private void refresh() {
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
        ContractListQuery query = query();
        page.show(query.filter(), query.location());
    }

    @Override
    public String getPageTitle() {
        return page.title();
    }
}
