package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import jp.hoshimi.outreach.RequestFilter;
import jp.hoshimi.outreach.RequestListItem;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ScreenWidth;

/** Requests, paged in SQL: state (and overdue), supplier, gap, level, due date, owner. */
class RequestGrid extends Grid<RequestListItem> {

    RequestGrid(RequestService requests) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(new ComponentRenderer<>(this::state))
                .setHeader(getTranslation("request.column.state"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(RequestListItem::supplierName)
                .setHeader(getTranslation("request.column.supplier"))
                .setFlexGrow(3);
        Column<RequestListItem> gap = addColumn(r -> getTranslation(r.gapType().messageKey()))
                .setHeader(getTranslation("request.column.gap"))
                .setAutoWidth(true);
        Column<RequestListItem> level = addColumn(r -> r.requestedLevel().label())
                .setHeader(getTranslation("request.column.level"))
                .setAutoWidth(true);
        addColumn(r -> Formats.date(r.dueDate()))
                .setHeader(getTranslation("request.column.dueDate"))
                .setAutoWidth(true);
        Column<RequestListItem> owner = addColumn(RequestListItem::ownerName)
                .setHeader(getTranslation("request.column.owner"))
                .setAutoWidth(true);
        ScreenWidth.switchColumns(this, List.of(), List.of(gap, level, owner));
        setEmptyStateText(getTranslation("request.list.none"));
        addItemClickListener(
                click -> UI.getCurrent().navigate("requests/" + click.getItem().id()));
        setPageSize(50);
        show(requests, RequestFilter.none());
    }

    void show(RequestService requests, RequestFilter filter) {
        setItems(query -> requests.list(filter, query.getOffset(), query.getLimit()).stream());
    }

    private Span state(RequestListItem r) {
        Span badge = new Span(
                getTranslation(r.overdue() ? "request.overdue" : r.state().messageKey()));
        badge.getElement().getThemeList().add("badge small" + (r.overdue() ? " error" : ""));
        badge.addClassName("request-state");
        return badge;
    }
}
