package jp.hoshimi.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.WaitingForSync;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.contract.ui.ContractListQuery;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.dashboard.ExpiryMonth;
import jp.hoshimi.dashboard.HeatRow;
import jp.hoshimi.dashboard.Kpis;
import jp.hoshimi.dashboard.Overview;
import jp.hoshimi.dashboard.RiskyContract;
import jp.hoshimi.dashboard.StatusCounts;
import jp.hoshimi.dashboard.TrendDay;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.outreach.RequestCounts;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.setup.SetupService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ViewToolbar;
import jp.hoshimi.supplier.ui.SupplierListQuery;

/**
 * The state of the user's contracts at a glance: key figures, the riskiest contracts, a heat map of unit
 * × required level × status, the expiry timeline and the trend. Every number leads to the list it counts
 * (contracts?status=…, suppliers, …: ContractListQuery, SupplierListQuery). Charts are SVG rendered here: no chart library, no npm build.
 */
@Route("")
@Menu(title = "nav.dashboard", icon = "vaadin:dashboard", order = 0)
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    /** The statuses that count as failing, worst first: one key figure each. */
    static final List<ComplianceStatus> FAILING = List.of(
            ComplianceStatus.EXPIRED,
            ComplianceStatus.REVOKED,
            ComplianceStatus.MISSING,
            ComplianceStatus.INSUFFICIENT,
            ComplianceStatus.UNVERIFIABLE);

    final Div kpis = new Div();
    final Div heatMap = new Div();
    final Div riskiest = new Div();
    final Div timeline = new Div();
    final Div trend = new Div();

    private final RequestService requests;

    private final ContractService contracts;

    DashboardView(
            DashboardService dashboard,
            SetupService setup,
            OrgUnitService orgUnits,
            CurrentUser user,
            RequestService requests,
            ContractService contracts) {
        this.requests = requests;
        this.contracts = contracts;
        addClassName("dashboard-view");
        setWidthFull();
        Overview overview = dashboard.overview();
        boolean admin = user.hasRole(Role.ADMIN);
        List<Component> hints = DashboardHints.of(
                this,
                admin ? setup.checklist() : List.of(),
                orgUnits.currentScope(),
                admin,
                overview.kpis().contracts().total());
        if (WaitingForSync.waiting(overview.kpis().lastSuccessfulSync())) {
            // nothing is evaluated before the first sync: figures of zero would read as "all clear"
            add(new ViewToolbar(getTranslation("nav.dashboard")));
            add(hints);
            add(new WaitingForSync());
            return;
        }
        boolean stale = overview.kpis().stale();

        kpis.addClassName("kpi-cards");
        kpis.setId("kpis");
        fillKpis(overview.kpis());

        riskiest.addClassName("riskiest");
        riskiest.setId("riskiest");
        fillRiskiest(
                dashboard.riskiestContracts(),
                stale,
                overview.kpis().contracts().evaluated());

        heatMap.addClassName("heat-map");
        heatMap.setId("heat-map");
        fillHeatMap(overview.heatMap());

        timeline.addClassName("chart-box");
        timeline.setId("expiry-timeline");
        fillTimeline(dashboard.expiryTimeline());

        trend.addClassName("chart-box");
        trend.setId("compliance-trend");
        LocalDate today = overview.kpis().today();
        fillTrend(dashboard.trend(), today.minusDays(DashboardService.TREND_DAYS - 1L), today);

        Span asOf = new Span(getTranslation("dashboard.asOf", today.toString()));
        asOf.addClassName("dashboard-as-of");
        add(new ViewToolbar(getTranslation("nav.dashboard"), asOf));
        add(hints);
        add(
                kpis,
                section("dashboard.riskiest.title", "dashboard.riskiest.help", riskiest),
                section("dashboard.heatMap.title", "dashboard.heatMap.help", heatMap),
                section("dashboard.timeline.title", "dashboard.timeline.help", timeline),
                section("dashboard.trend.title", "dashboard.trend.help", trend));
    }

    private Component section(String titleKey, String helpKey, Component content) {
        Div section = new Div(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(helpKey)), content);
        section.addClassName("dashboard-section");
        return section;
    }

    // --- key figures ------------------------------------------------------------------------------

    private void fillKpis(Kpis figures) {
        StatusCounts contracts = figures.contracts();
        kpis.add(card(
                "kpi-suppliers",
                "dashboard.kpi.suppliers",
                count(figures.suppliers()),
                getTranslation("dashboard.kpi.suppliers.note"),
                SupplierListQuery.all().href(),
                null));
        kpis.add(card(
                "kpi-contracts",
                "dashboard.kpi.contracts",
                count(contracts.total()),
                contracts.notEvaluated() == 0
                        ? getTranslation("dashboard.kpi.contracts.allEvaluated")
                        : getTranslation("dashboard.kpi.contracts.notEvaluated", count(contracts.notEvaluated())),
                ContractListQuery.all().href(),
                null));
        kpis.add(card(
                "kpi-compliant",
                "dashboard.kpi.compliant",
                figures.compliantPercent().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "%.1f%%",
                                figures.compliantPercent().getAsDouble())
                        : "—",
                getTranslation(
                        "dashboard.kpi.compliant.note", count(contracts.compliant()), count(contracts.evaluated())),
                ContractListQuery.all()
                        .withStatuses(EnumSet.of(ComplianceStatus.OK, ComplianceStatus.EXPIRING))
                        .href(),
                "ok"));
        accepted(figures);
        for (ComplianceStatus status : FAILING) {
            long n = contracts.of(status);
            kpis.add(card(
                    "kpi-" + status.name().toLowerCase(Locale.ROOT),
                    status.messageKey(),
                    count(n),
                    getTranslation("dashboard.kpi.contractsNote"),
                    ContractListQuery.all().withStatus(status).href(),
                    n > 0 ? "bad" : null));
        }
        kpis.add(card(
                "kpi-expiring-30",
                "dashboard.kpi.expiring30",
                count(figures.expiringWithin30()),
                getTranslation("dashboard.kpi.expiring.note", Kpis.SOON_DAYS),
                ContractListQuery.all()
                        .withExpiry(ExpiryWindow.within(Kpis.SOON_DAYS))
                        .href(),
                figures.expiringWithin30() > 0 ? "warn" : null));
        kpis.add(card(
                "kpi-expiring-90",
                "dashboard.kpi.expiring90",
                count(figures.expiringWithin90()),
                getTranslation("dashboard.kpi.expiring.note", Kpis.LATER_DAYS),
                ContractListQuery.all()
                        .withExpiry(ExpiryWindow.within(Kpis.LATER_DAYS))
                        .href(),
                null));
        coverageShort();
        kpis.add(card(
                "kpi-sync",
                "dashboard.kpi.lastSync",
                figures.lastSuccessfulSync() == null ? "—" : Formats.dateTime(figures.lastSuccessfulSync()),
                getTranslation(figures.stale() ? "dashboard.kpi.lastSync.stale" : "dashboard.kpi.lastSync.fresh"),
                "register",
                figures.stale() ? "bad" : null));
        // issue 19: requests to suppliers still open, and those overdue by the business date
        RequestCounts open = requests.counts();
        kpis.add(card(
                "kpi-requests-open",
                "dashboard.requests.open",
                count(open.open()),
                getTranslation("request.list.title"),
                "requests",
                null));
        kpis.add(card(
                "kpi-requests-overdue",
                "dashboard.requests.overdue",
                count(open.overdue()),
                getTranslation("request.list.title"),
                "requests?overdue=true",
                open.overdue() > 0 ? "warn" : null));
    }

    /**
     * Issue 20: the contracts whose chain is not covered for their whole term, counted by the very query
     * (filter and data scope) of the contract list the card links to, so the two always agree.
     */
    private void coverageShort() {
        ContractListQuery coverageShort = ContractListQuery.all().coverageShortOnly();
        ResultCount n = contracts.count(coverageShort.filter());
        kpis.add(card(
                "kpi-coverage-short",
                "dashboard.kpi.coverageShort",
                count(n.value()) + (n.isExact() ? "" : "+"),
                getTranslation("dashboard.kpi.coverageShort.note"),
                coverageShort.href(),
                n.isZero() ? null : "warn"));
    }

    /** Issue 20: accepted risks counted on their own, and the compliance rate if they counted. */
    private void accepted(Kpis figures) {
        kpis.add(card(
                "kpi-accepted",
                ComplianceStatus.ACCEPTED.messageKey(),
                count(figures.contracts().of(ComplianceStatus.ACCEPTED)),
                getTranslation(
                        "dashboard.kpi.accepted.note",
                        figures.compliantWithAcceptedPercent().isPresent()
                                ? String.format(
                                        Locale.ROOT,
                                        "%.1f%%",
                                        figures.compliantWithAcceptedPercent().getAsDouble())
                                : "—"),
                ContractListQuery.all().withStatus(ComplianceStatus.ACCEPTED).href(),
                "accepted"));
    }

    /** A key figure: the whole card is one link to the list it counts. */
    private Anchor card(String id, String labelKey, String value, String note, String href, String tone) {
        Span number = new Span(value);
        number.addClassName("kpi-value");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("kpi-label");
        Span small = new Span(note);
        small.addClassName("kpi-note");
        Anchor card = new Anchor(href, "");
        card.add(label, number, small);
        card.setId(id);
        card.addClassName("kpi-card");
        if (tone != null) {
            card.addClassName("kpi-" + tone);
        }
        return card;
    }

    // --- riskiest contracts -----------------------------------------------------------------------

    private void fillRiskiest(List<RiskyContract> contracts, boolean stale, long evaluated) {
        if (contracts.isEmpty()) {
            // "all comply" only when something was evaluated: with none it would be false good news
            riskiest.add(new Paragraph(
                    getTranslation(evaluated == 0 ? "dashboard.riskiest.noneEvaluated" : "dashboard.riskiest.none")));
            return;
        }
        Div table = new Div();
        table.addClassName("risk-table");
        table.add(
                header("contract.field.contractNumber"),
                header("list.column.status"),
                header("contract.field.title"),
                header("contract.field.supplier"),
                header("contract.field.orgUnit"),
                header("contract.field.requiredLevel"),
                header("dashboard.riskiest.failingLinks"),
                header("list.column.earliestValidUntil"));
        for (RiskyContract c : contracts) {
            Anchor number = new Anchor("contracts/" + c.id(), c.contractNumber());
            number.addClassName("mono");
            Div numberCell = new Div(number);
            if (c.critical()) {
                Span critical = new Span(VaadinIcon.WARNING.create(), new Span(getTranslation("dashboard.critical")));
                critical.getElement().getThemeList().add("badge error small");
                critical.getElement().setAttribute("title", getTranslation("dashboard.critical.hint"));
                critical.addClassName("critical-marker");
                numberCell.add(critical);
            }
            numberCell.addClassName("risk-number");
            table.add(
                    numberCell,
                    cell("risk-status", new ComplianceBadge(c.status(), stale)),
                    cell("risk-title", new Span(c.title())),
                    cell("risk-supplier", new Anchor("suppliers/" + c.supplierId(), c.supplierName())),
                    cell("risk-unit", new Span(c.orgUnitName())),
                    labelled(
                            cell(
                                    "risk-level",
                                    new Span(getTranslation(c.requiredLevel().messageKey()))),
                            "contract.field.requiredLevel"),
                    labelled(
                            cell("risk-links", new Span(c.failingLinks() + " / " + c.links())),
                            "dashboard.riskiest.failingLinks"),
                    labelled(
                            cell(
                                    "risk-until",
                                    new Span(
                                            c.earliestValidUntil() == null
                                                    ? "—"
                                                    : c.earliestValidUntil().toString())),
                            "list.column.earliestValidUntil"));
        }
        riskiest.add(table);
        Anchor all = new Anchor(
                ContractListQuery.all()
                        .withStatuses(EnumSet.complementOf(EnumSet.of(ComplianceStatus.OK)))
                        .href(),
                getTranslation("dashboard.riskiest.all"));
        all.setId("riskiest-all");
        riskiest.add(all);
    }

    private static Div cell(String className, com.vaadin.flow.component.Component content) {
        Div cell = new Div(content);
        cell.addClassName(className);
        return cell;
    }

    /** The column's name on the cell itself: a phone shows it above the value when the header row is hidden. */
    private <C extends com.vaadin.flow.component.HasElement> C labelled(C cell, String key) {
        cell.getElement().setAttribute("data-label", getTranslation(key));
        return cell;
    }

    private Div header(String key) {
        Div cell = new Div(new Span(getTranslation(key)));
        cell.addClassName("table-header");
        return cell;
    }

    // --- heat map ---------------------------------------------------------------------------------

    private void fillHeatMap(List<HeatRow> rows) {
        if (rows.isEmpty()) {
            heatMap.add(new Paragraph(getTranslation("dashboard.heatMap.empty")));
            return;
        }
        Div table = new Div();
        table.addClassName("heat-table");
        // the figures' columns: one per status, however many there are, then not evaluated and the total
        // (the stylesheet's grid reads this)
        table.getStyle().set("--heat-figures", String.valueOf(ComplianceStatus.values().length + 2));
        table.add(header("contract.field.orgUnit"), header("contract.field.requiredLevel"));
        for (ComplianceStatus status : ComplianceStatus.values()) {
            table.add(header(status.messageKey()));
        }
        table.add(header("dashboard.heatMap.notEvaluated"), header("dashboard.heatMap.total"));
        for (HeatRow row : rows) {
            Div unit = new Div(new Span(row.unit().name()));
            unit.addClassName("heat-unit");
            unit.getStyle().set("padding-left", (0.25 + row.depth() * 1.25) + "em");
            table.add(
                    unit,
                    cell(
                            "heat-level",
                            new Span(getTranslation(row.requiredLevel().messageKey()))));
            long total = row.counts().total();
            for (ComplianceStatus status : ComplianceStatus.values()) {
                long n = row.counts().of(status);
                Anchor cell = new Anchor(
                        ContractListQuery.all()
                                .withUnit(row.unit().id())
                                .withLevel(row.requiredLevel())
                                .withStatus(status)
                                .href(),
                        count(n));
                cell.addClassNames("heat-cell", "status-" + status.name());
                labelled(cell, status.messageKey());
                if (n == 0) {
                    cell.addClassName("zero");
                }
                // the share of the row's contracts sets the strength of the colour; the number is always shown
                cell.getStyle()
                        .set("--share", String.format(Locale.ROOT, "%.3f", total == 0 ? 0.0 : (double) n / total));
                cell.getElement()
                        .setAttribute(
                                "title",
                                row.unit().name() + " · "
                                        + getTranslation(row.requiredLevel().messageKey()) + " · "
                                        + getTranslation(status.messageKey()) + ": " + count(n));
                table.add(cell);
            }
            long waiting = row.counts().notEvaluated();
            Anchor notEvaluated = new Anchor(
                    ContractListQuery.all()
                            .withUnit(row.unit().id())
                            .withLevel(row.requiredLevel())
                            .notEvaluatedOnly()
                            .href(),
                    count(waiting));
            notEvaluated.addClassNames("heat-cell", "heat-plain");
            labelled(notEvaluated, "dashboard.heatMap.notEvaluated");
            if (waiting == 0) {
                notEvaluated.addClassName("zero");
            }
            table.add(notEvaluated);
            Anchor all = new Anchor(
                    ContractListQuery.all()
                            .withUnit(row.unit().id())
                            .withLevel(row.requiredLevel())
                            .href(),
                    count(total));
            all.addClassNames("heat-cell", "heat-total");
            labelled(all, "dashboard.heatMap.total");
            table.add(all);
        }
        heatMap.add(table);
    }

    // --- charts -----------------------------------------------------------------------------------

    private void fillTimeline(List<ExpiryMonth> months) {
        String svg = ExpiryTimelineChart.svg(
                months,
                level -> getTranslation(level.messageKey()),
                month -> month.month().toString(),
                getTranslation("dashboard.timeline.title"));
        timeline.add(svg(svg));
        Div legend = new Div();
        legend.addClassName("chart-legend");
        for (RequiredLevel level : ExpiryTimelineChart.STACK) {
            if (months.stream().anyMatch(m -> m.byLevel().getOrDefault(level, 0L) > 0)) {
                Span key = new Span(new Span(), new Span(getTranslation(level.messageKey())));
                key.addClassNames("legend-key", "level-" + level.name());
                legend.add(key);
            }
        }
        timeline.add(legend);
    }

    private void fillTrend(List<TrendDay> days, LocalDate first, LocalDate last) {
        if (days.isEmpty()) {
            trend.add(new Paragraph(getTranslation("dashboard.trend.empty")));
            return;
        }
        trend.add(svg(TrendChart.svg(
                days,
                first,
                last,
                status -> getTranslation(status.messageKey()),
                getTranslation("dashboard.trend.title"))));
        Div legend = new Div();
        legend.addClassName("chart-legend");
        for (ComplianceStatus status : ComplianceStatus.values()) {
            Anchor key = new Anchor(ContractListQuery.all().withStatus(status).href(), "");
            key.add(new Span(), new Span(getTranslation(status.messageKey())));
            key.addClassNames("legend-key", "status-" + status.name());
            legend.add(key);
        }
        trend.add(legend);
    }

    /**
     * A chart as markup parsed by the browser (innerHTML), which puts it in the SVG namespace; elements
     * created one by one (the Html component) would land in the HTML namespace and not be drawn.
     */
    private static Div svg(String markup) {
        Div chart = new Div();
        chart.addClassName("chart-svg");
        chart.getElement().setProperty("innerHTML", markup);
        return chart;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " | Hoshimi";
    }
}
