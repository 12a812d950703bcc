package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import jp.hoshimi.compliance.CoverageService;
import jp.hoshimi.compliance.RenewalDependency;
import jp.hoshimi.compliance.RenewalMonth;
import jp.hoshimi.compliance.SupplierRequestStates;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.StatusParameters;

/**
 * Issue 20, the renewal outlook: for each of the next twelve months, the registrations that end and the
 * contracts (in the user's units) that run past that end and so depend on their renewal. Choosing a month
 * lists them, paged in SQL; {@code renewals?month=2027-03} opens that month.
 */
@Route("renewals")
@Menu(title = "nav.renewals", icon = "vaadin:calendar-clock", order = 22)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class RenewalOutlookView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String MONTH = "month";

    final Grid<RenewalMonth> months = new Grid<>();
    final Grid<RenewalDependency> dependencies = new Grid<>();
    final H3 monthTitle = new H3();
    private final CoverageService coverage;
    private final SupplierRequestStates requests;
    /** The open requests of the suppliers on the pages fetched so far. */
    private final Map<Long, SupplierRequestStates.OpenRequest> openRequests = new java.util.HashMap<>();

    RenewalOutlookView(CoverageService coverage, SupplierRequestStates requests) {
        this.coverage = coverage;
        this.requests = requests;
        addClassName("renewal-outlook-view");
        setSizeFull();
        Paragraph intro = new Paragraph(getTranslation("renewals.intro"));
        intro.addClassName("tab-note");
        add(new H2(getTranslation("renewals.title")), intro);

        months.setId("renewal-months");
        months.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        months.setAllRowsVisible(true);
        months.addColumn(m -> m.month().toString()).setHeader(getTranslation("renewals.column.month"));
        months.addColumn(RenewalMonth::registrations).setHeader(getTranslation("renewals.column.registrations"));
        months.addColumn(RenewalMonth::contracts).setHeader(getTranslation("renewals.column.contracts"));
        months.setItems(coverage.renewalOutlook());
        months.addItemClickListener(click -> show(click.getItem().month()));

        monthTitle.setId("renewal-month-title");
        configureDependencies();
        add(months, monthTitle, dependencies);
        setFlexGrow(1, dependencies);
    }

    private void configureDependencies() {
        dependencies.setId("renewal-dependencies");
        dependencies.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        dependencies
                .addColumn(d -> d.validUntil().toString())
                .setHeader(getTranslation("renewals.column.validUntil"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        dependencies
                .addColumn(new ComponentRenderer<>(d -> new Anchor("suppliers/" + d.supplierId(), d.supplierName())))
                .setHeader(getTranslation("renewals.column.supplier"))
                .setFlexGrow(2);
        dependencies
                .addColumn(d -> d.heldLevel().label())
                .setHeader(getTranslation("renewals.column.heldLevel"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        dependencies
                .addColumn(new ComponentRenderer<>(
                        d -> new Anchor("contracts/" + d.contractId(), d.contractNumber() + "　" + d.contractTitle())))
                .setHeader(getTranslation("renewals.column.contract"))
                .setFlexGrow(3);
        dependencies
                .addColumn(d -> getTranslation(d.requiredLevel().messageKey()))
                .setHeader(getTranslation("renewals.column.requiredLevel"))
                .setAutoWidth(true);
        dependencies
                .addColumn(d -> d.contractEnd() == null
                        ? getTranslation("renewals.openEnded")
                        : d.contractEnd().toString())
                .setHeader(getTranslation("renewals.column.contractEnd"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the newest open request to the supplier, if one exists: its state, due date and a link to it
        dependencies
                .addColumn(new ComponentRenderer<>(this::requestState))
                .setKey("requestState")
                .setHeader(getTranslation("renewals.column.requestState"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        dependencies.setVisible(false);
    }

    /** 送付済み · 期限超過（期限 2027-01-31）or 下書き（期限 …）, linking to the request; a dash when the supplier is not being asked. */
    Component requestState(RenewalDependency d) {
        SupplierRequestStates.OpenRequest open = openRequests.get(d.supplierId());
        if (open == null) {
            return new Span("—");
        }
        Anchor state = new Anchor(
                "requests/" + open.requestId(),
                getTranslation(
                        open.overdue() ? "renewals.request.overdue" : "renewals.request",
                        getTranslation(open.stateKey()),
                        Formats.date(open.dueDate())));
        state.getElement().getThemeList().add("badge small" + (open.overdue() ? " error" : ""));
        state.addClassName("renewal-request");
        return state;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        String month = StatusParameters.single(parameters, MONTH);
        List<RenewalMonth> outlook = months.getListDataView().getItems().toList();
        YearMonth chosen = parse(month);
        if (chosen == null) {
            // the first month with anything ending, so the page opens on something to do
            chosen = outlook.stream()
                    .filter(m -> m.contracts() > 0)
                    .map(RenewalMonth::month)
                    .findFirst()
                    .orElse(outlook.get(0).month());
        }
        show(chosen);
    }

    private static YearMonth parse(String month) {
        try {
            return month == null ? null : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null; // a stale or edited bookmark opens the default month
        }
    }

    void show(YearMonth month) {
        months.getListDataView()
                .getItems()
                .filter(m -> m.month().equals(month))
                .findFirst()
                .ifPresentOrElse(months::select, months::deselectAll);
        int total = coverage.countRenewalsIn(month);
        monthTitle.setText(
                getTranslation(total == 0 ? "renewals.month.none" : "renewals.month.detail", month.toString()));
        dependencies.setVisible(total > 0);
        dependencies.setItems(
                query -> {
                    List<RenewalDependency> page = coverage.renewalsIn(month, query.getOffset(), query.getLimit());
                    // one query per page for the requests of its suppliers
                    openRequests.putAll(requests.newestOpen(page.stream()
                            .map(RenewalDependency::supplierId)
                            .distinct()
                            .toList()));
                    return page.stream();
                },
                query -> total);
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("renewals", QueryParameters.simple(Map.of(MONTH, month.toString())))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.renewals") + " | " + getTranslation("app.name");
    }
}
