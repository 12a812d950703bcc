package jp.hoshimi.exception.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import jp.hoshimi.contract.LevelDecision;
import jp.hoshimi.contract.LevelDecisionService;
import jp.hoshimi.contract.LevelDecisionState;
import jp.hoshimi.shared.ui.Formats;

/**
 * Issue 20: the level decisions (a contract's level below the chart's suggestion) the user may see, open
 * requests first by default, paged in SQL. Risk managers open a request to approve or reject it.
 */
class LevelDecisionGrid extends VerticalLayout {

    final Select<LevelDecisionState> state = new Select<>();
    final Grid<LevelDecision> grid = new Grid<>();
    private final LevelDecisionService decisions;
    private final boolean decides;

    LevelDecisionGrid(LevelDecisionService decisions, boolean decides) {
        this.decisions = decisions;
        this.decides = decides;
        setPadding(false);
        setSizeFull();
        setId("level-decisions");
        state.setId("level-decision-state-filter");
        state.setLabel(getTranslation("exception.column.state"));
        state.setItems(LevelDecisionState.values());
        state.setItemLabelGenerator(
                s -> s == null ? getTranslation("exception.state.all") : getTranslation(s.messageKey()));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("exception.state.all"));
        state.setValue(LevelDecisionState.REQUESTED);
        state.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        Span intro = new Span(getTranslation("levelDecision.list.intro"));
        intro.addClassName("view-intro");
        add(intro, state, grid);
        setFlexGrow(1, grid);
        columns();
        grid.setItems(
                query -> decisions.list(state.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> decisions.count(state.getValue()));
    }

    private void columns() {
        grid.setId("level-decision-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LevelDecision::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> getTranslation(d.state().messageKey()))
                .setHeader(getTranslation("exception.column.state"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(
                        d -> new Anchor("contracts/" + d.contractId(), d.contractNumber() + "　" + d.contractTitle())))
                .setHeader(getTranslation("exception.column.contract"))
                .setFlexGrow(2);
        grid.addColumn(d -> levels(this, d))
                .setHeader(getTranslation("levelDecision.column.levels"))
                .setAutoWidth(true);
        grid.addColumn(LevelDecision::reason)
                .setHeader(getTranslation("contract.field.levelReason"))
                .setFlexGrow(3);
        grid.addColumn(LevelDecision::requestedBy)
                .setHeader(getTranslation("exception.column.requestedBy"))
                .setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.requestedAt()))
                .setHeader(getTranslation("levelDecision.column.requestedAt"));
        grid.addColumn(d -> d.decidedBy() == null ? "—" : d.decidedBy())
                .setHeader(getTranslation("exception.column.decidedBy"));
        grid.addColumn(new ComponentRenderer<>(this::action))
                .setKey("action")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** "★3 (suggested ★4)". */
    static String levels(Component in, LevelDecision d) {
        return in.getTranslation(
                "levelDecision.levels",
                in.getTranslation(d.requestedLevel().messageKey()),
                in.getTranslation(d.suggestedLevel().messageKey()));
    }

    private Component action(LevelDecision d) {
        Button button = new Button(getTranslation("exception.action.decide"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName("level-decision-open");
        button.getElement().setAttribute("data-level-decision", String.valueOf(d.id()));
        button.setVisible(decides && d.state() == LevelDecisionState.REQUESTED);
        button.addClickListener(click -> new LevelDecisionDialog(
                        decisions, d, () -> grid.getDataProvider().refreshAll())
                .open());
        return button;
    }
}
