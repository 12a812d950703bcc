package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import jp.hoshimi.shared.ResultCount;

/** The count above a list ("60 件", "10,000+ 件") and the size of its lazy grid, from one count query. */
public final class ListCounts {

    private ListCounts() {}

    /** The text for a count: {@code exactKey} for an exact one, {@code atLeastKey} ("{0}+ …") for a capped one. */
    public static String label(Component in, String exactKey, String atLeastKey, ResultCount count) {
        return in.getTranslation(count.isExact() ? exactKey : atLeastKey, count.value());
    }

    /**
     * Sizes a lazy grid (items given as a fetch callback only) to a count made once per refresh, so the
     * grid does not count again. An exact count fixes the scroll range. A capped one leaves the size open:
     * the grid starts from the count as an estimate, keeps fetching pages as the user scrolls past it,
     * and learns where the list ends when a page comes back short.
     */
    public static <T> void sizeGrid(Grid<T> grid, ResultCount count) {
        GridLazyDataView<T> view = grid.getLazyDataView();
        if (count.isExact()) {
            view.setItemCountCallback(query -> count.value());
        } else {
            view.setItemCountEstimate(Math.max(1, count.value()));
            view.setItemCountEstimateIncrease(Math.max(1, count.value()));
        }
    }
}
