package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.ContractSort;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.CurrentUser;
import jp.hoshimi.security.Role;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.ui.ListCounts;
import jp.hoshimi.shared.ui.ViewToolbar;
import jp.hoshimi.supplier.SupplierService;

/** The contracts the user may see (their units' or the whole group's), filtered and sorted in SQL. */
@Route("contracts")
@Menu(title = "nav.contracts", icon = "vaadin:file-text-o", order = 20)
@PermitAll
class ContractListView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Select<OrgUnit> unit = new Select<>();
    final Select<RequiredLevel> level = new Select<>();
    final ComboBox<UserSummary> owner = new ComboBox<>();
    final Grid<ContractListItem> grid = new Grid<>();
    final Span count = new Span();
    final Button create = new Button();
    private final ContractService contracts;

    ContractListView(
            ContractService contracts,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            UserAccountService users,
            CurrentUser currentUser) {
        this.contracts = contracts;
        addClassName("contract-list-view");
        setSizeFull();

        search.setPlaceholder(getTranslation("contract.list.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.addValueChangeListener(e -> refresh());

        unit.setLabel(getTranslation("contract.field.orgUnit"));
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("filter.all"));
        unit.setItems(orgUnits.unitsInScope());
        unit.setItemLabelGenerator(u -> u == null ? getTranslation("filter.all") : u.name());
        unit.addValueChangeListener(e -> refresh());

        level.setLabel(getTranslation("contract.field.requiredLevel"));
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("filter.all"));
        level.setItems(RequiredLevel.values());
        level.setItemLabelGenerator(l -> l == null ? getTranslation("filter.all") : getTranslation(l.messageKey()));
        level.addValueChangeListener(e -> refresh());

        owner.setLabel(getTranslation("contract.field.owner"));
        owner.setItems(users.activeUsers());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder(getTranslation("filter.all"));
        owner.addValueChangeListener(e -> refresh());

        create.setText(getTranslation("contract.list.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("contract-create");
        create.setVisible(currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN));
        create.addClickListener(
                click -> new ContractEditor(contracts, suppliers, orgUnits, users, null, this::open).open());

        configureGrid();
        count.addClassName("result-count");
        count.setId("contract-count");
        HorizontalLayout filters = new HorizontalLayout(unit, level, owner);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new ViewToolbar(getTranslation("contract.list.title"), search, create), filters, count, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("contract-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.addColumn(ContractListItem::contractNumber)
                .setKey("contractNumber")
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setSortProperty(ContractSort.CONTRACT_NUMBER.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ContractListItem::title)
                .setKey("title")
                .setHeader(getTranslation("contract.field.title"))
                .setSortProperty(ContractSort.TITLE.name())
                .setFlexGrow(3);
        grid.addColumn(ContractListItem::supplierName)
                .setKey("supplier")
                .setHeader(getTranslation("contract.field.supplier"))
                .setSortProperty(ContractSort.SUPPLIER.name())
                .setFlexGrow(2);
        grid.addColumn(ContractListItem::orgUnitName)
                .setKey("orgUnit")
                .setHeader(getTranslation("contract.field.orgUnit"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(item -> new LevelBadge(item.requiredLevel())))
                .setKey("requiredLevel")
                .setHeader(getTranslation("contract.field.requiredLevel"))
                .setSortProperty(ContractSort.REQUIRED_LEVEL.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(item -> item.endDate() == null ? "" : item.endDate().toString())
                .setKey("endDate")
                .setHeader(getTranslation("contract.field.endDate"))
                .setSortProperty(ContractSort.END_DATE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("contract.list.empty"));
        // no count callback: refresh() counts once and sizes the grid (ListCounts)
        grid.setItems(query -> contracts.list(filter(), order(query), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(click -> open(click.getItem().id()));
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
                null);
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
