package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Location;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.export.TableWriter;

/**
 * What the searchable lists (suppliers, contracts) share: a search box, filters whose state is the page's
 * address, a grid paged and sorted in SQL and sized by one count each time the filter changes, and CSV/Excel
 * downloads of the list as last shown. The view keeps its fields, columns and filters and says when they
 * changed ({@link #show}); this keeps the cycle and the parts that look alike. Ids and message keys follow
 * the list's name: {@code contract} gives {@code contract-search}, {@code contract-grid},
 * {@code contract.list.count}, {@code contract.list.title}, …; its route ({@code contracts}) names the page
 * ({@code nav.contracts}) and the downloaded file.
 *
 * @param <T> a row of the list
 * @param <F> the list's filter
 * @param <O> the list's order (a whitelisted sort column and a direction)
 */
public final class ListPage<T, F, O> {

    /** One page of the list, read in SQL. */
    @FunctionalInterface
    public interface Pages<T, F, O> {
        List<T> read(F filter, O order, int offset, int limit);
    }

    /** The whole list, one row at a time from the database cursor (for a download). */
    @FunctionalInterface
    public interface Rows<T, F, O> {
        void each(F filter, O order, Consumer<T> row);
    }

    /** A row's cells in a download, in the download's language. */
    @FunctionalInterface
    public interface Cells<T> {
        List<?> of(T row, Locale locale);
    }

    private final VerticalLayout view;
    private final String name;
    private final String route;
    private final Grid<T> grid;
    private final Span count;
    private Function<F, ResultCount> counter;
    private Download download;
    private boolean entering;
    /** The filter and order of the last refresh, for downloads (they run outside the UI lock). */
    private volatile F shownFilter;

    private volatile O shownOrder;

    public ListPage(VerticalLayout view, String name, String route, Grid<T> grid, Span count) {
        this.view = view;
        this.name = name;
        this.route = route;
        this.grid = grid;
        this.count = count;
        view.addClassName(name + "-list-view");
        view.setSizeFull();
        grid.setId(name + "-grid");
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.setEmptyStateComponent(new EmptyState(
                name + "-list-empty", view.getTranslation(name + ".list.empty"), "imports", "emptyState.import"));
        count.addClassName("result-count");
        count.setId(name + "-count");
    }

    /**
     * Reads the grid's pages in SQL, in the order of its first sorted column where {@code sorts} knows that
     * column, else in {@code defaultOrder}. There is no count callback: {@link #show} counts once and sizes the
     * grid ({@link ListCounts}).
     */
    public <S> void readFrom(
            Pages<T, F, O> pages,
            Function<F, ResultCount> counter,
            Function<String, Optional<S>> sorts,
            BiFunction<S, Boolean, O> order,
            O defaultOrder) {
        this.counter = counter;
        this.shownOrder = defaultOrder;
        grid.setItems(query -> {
            O chosen = order(query, sorts, order, defaultOrder);
            shownOrder = chosen;
            return pages.read(shownFilter, chosen, query.getOffset(), query.getLimit()).stream();
        });
    }

    private static <S, O> O order(
            Query<?, ?> query, Function<String, Optional<S>> sorts, BiFunction<S, Boolean, O> order, O defaultOrder) {
        if (query.getSortOrders().isEmpty()) {
            return defaultOrder;
        }
        QuerySortOrder first = query.getSortOrders().get(0);
        return sorts.apply(first.getSorted())
                .map(sort -> order.apply(sort, first.getDirection() == SortDirection.ASCENDING))
                .orElse(defaultOrder);
    }

    /** The search box: searches as the user pauses typing. */
    public void search(TextField search, String maxWidth, Runnable changed) {
        search.setId(name + "-search");
        search.setPlaceholder(view.getTranslation(name + ".list.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setMaxWidth(maxWidth);
        search.addValueChangeListener(event -> changed.run());
    }

    /** The "new …" button, shown to those who may create. */
    public void create(Button create, boolean allowed, Runnable open) {
        create.setText(view.getTranslation(name + ".list.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId(name + "-create");
        create.setVisible(allowed);
        create.addClickListener(click -> open.run());
    }

    /**
     * CSV and Excel links that write the list as last shown (filter and order) in {@code locale}, the page's
     * language, with the columns named by {@code headerKeys}.
     */
    public ExportLinks export(Clock clock, Locale locale, List<String> headerKeys, Rows<T, F, O> rows, Cells<T> cells) {
        this.download = (format, out, in) -> {
            try (TableWriter table = TableWriter.open(format, out, view.getTranslation(in, "nav." + route))) {
                table.row(headerKeys.stream()
                        .map(key -> view.getTranslation(in, key))
                        .toList());
                rows.each(shownFilter, shownOrder, row -> table.row(cells.of(row, in)));
            }
        };
        return new ExportLinks(name, route, clock, (format, out) -> write(format, out, locale));
    }

    /** Writes the list as last shown (filter and order) in a language: what a download link sends. */
    public void write(ExportFormat format, OutputStream out, Locale locale) {
        download.write(format, out, locale);
    }

    private interface Download {
        void write(ExportFormat format, OutputStream out, Locale locale);
    }

    /** Title with search and create, the filters, the count with the downloads, {@code more}, then the grid. */
    public void layOut(TextField search, Button create, ListFilters filters, ExportLinks export, Component... more) {
        HorizontalLayout countRow = new HorizontalLayout(count, export);
        countRow.setAlignItems(FlexComponent.Alignment.CENTER);
        view.add(new ViewToolbar(view.getTranslation(name + ".list.title"), search, create), filters, countRow);
        view.add(more);
        view.add(grid);
        view.setFlexGrow(1, grid);
    }

    /**
     * Sets the fields from the page's address ({@code apply}) without a refresh for each field: the view shows the
     * list once afterwards.
     */
    public void enter(Runnable apply) {
        entering = true;
        try {
            apply.run();
        } finally {
            entering = false;
        }
    }

    /**
     * Shows the list for a filter: one count, the grid sized to it and read again, and the address bar set to
     * {@code address} so that a reload or a bookmark shows the same list. Ignored while {@link #enter entering}.
     */
    public void show(F filter, Location address) {
        if (entering) {
            return;
        }
        shownFilter = filter;
        view.getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, address));
        ResultCount total = counter.apply(filter);
        count.setText(ListCounts.label(view, name + ".list.count", name + ".list.countAtLeast", total));
        ListCounts.sizeGrid(grid, total);
        grid.getDataProvider().refreshAll();
    }

    /** The page's title: the list's name. */
    public String title() {
        return view.getTranslation("nav." + route) + " | Hoshimi";
    }
}
