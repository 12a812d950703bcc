package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.outreach.RequestCounts;
import jp.hoshimi.outreach.RequestFilter;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.export.TableWriter;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ViewToolbar;

/** The requests to suppliers in the user's scope, filtered by state and overdue ({@code requests?overdue=true}). */
@Route("requests")
@Menu(title = "nav.requests", icon = "vaadin:envelope-o", order = 25)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class RequestListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RequestService requests;
    final ComboBox<RequestState> state = new ComboBox<>();
    final Checkbox overdue = new Checkbox();
    final RequestGrid grid;
    final Span counts = new Span();
    final ExportLinks export;
    /** The filter the grid shows: the export writes exactly these rows (it runs outside the UI lock). */
    private volatile RequestFilter shownFilter = RequestFilter.none();

    RequestListView(RequestService requests, Clock clock) {
        this.requests = requests;
        setSizeFull();
        grid = new RequestGrid(requests);
        grid.setId("request-list");
        state.setPlaceholder(getTranslation("request.filter.state"));
        state.setItems(RequestState.values());
        state.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        state.setClearButtonVisible(true);
        state.setId("request-filter-state");
        overdue.setLabel(getTranslation("request.filter.overdue"));
        overdue.setId("request-filter-overdue");
        state.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        counts.setId("request-counts");
        Locale locale = getLocale();
        export = new ExportLinks("request", "requests", clock, (format, out) -> export(format, out, locale));
        HorizontalLayout filters = new HorizontalLayout(state, overdue, counts, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new ViewToolbar(getTranslation("request.list.title")), filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        List<String> wantsOverdue = params.getOrDefault("overdue", List.of());
        overdue.setValue(wantsOverdue.contains("true"));
        params.getOrDefault("state", List.of()).stream()
                .findFirst()
                .flatMap(s -> java.util.Arrays.stream(RequestState.values())
                        .filter(v -> v.name().equals(s))
                        .findFirst())
                .ifPresent(state::setValue);
        refresh();
    }

    void refresh() {
        shownFilter = new RequestFilter(state.getValue(), overdue.getValue() ? Boolean.TRUE : null, null);
        grid.show(requests, shownFilter);
        RequestCounts c = requests.counts();
        counts.setText(getTranslation("request.counts", c.open(), c.overdue()));
    }

    /** Writes the list as filtered on the screen, in the user's language, one row at a time. */
    void export(ExportFormat format, OutputStream out, Locale locale) {
        try (TableWriter table = TableWriter.open(format, out, getTranslation(locale, "nav.requests"))) {
            table.row(
                    "ID",
                    getTranslation(locale, "request.column.state"),
                    getTranslation(locale, "request.overdue"),
                    getTranslation(locale, "request.column.supplier"),
                    getTranslation(locale, "request.column.gap"),
                    getTranslation(locale, "request.column.level"),
                    getTranslation(locale, "request.column.dueDate"),
                    getTranslation(locale, "request.column.owner"),
                    getTranslation(locale, "request.column.sentAt"));
            requests.export(
                    shownFilter,
                    r -> table.row(
                            r.id(),
                            getTranslation(locale, r.state().messageKey()),
                            getTranslation(locale, r.overdue() ? "coverage.yes" : "coverage.no"),
                            r.supplierName(),
                            getTranslation(locale, r.gapType().messageKey()),
                            r.requestedLevel().label(),
                            r.dueDate(),
                            r.ownerName(),
                            r.sentAt() == null ? null : Formats.dateTime(r.sentAt())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("request.list.title") + " | Hoshimi";
    }
}
