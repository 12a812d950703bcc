package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.ui.ScreenWidth;

/** The findings about one supplier across the contracts the user may see: where, what, why. */
public class FindingsGrid extends Grid<Finding> {

    public FindingsGrid(List<Finding> findings, boolean stale) {
        this(findings, stale, null);
    }

    /** With {@code ask}: a failing finding's row offers to ask the supplier for the level (issue 19). */
    public FindingsGrid(List<Finding> findings, boolean stale, Runnable ask) {
        setId("findings-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(new ComponentRenderer<>(f -> new ComplianceBadge(f.status(), stale)))
                .setHeader(getTranslation("compliance.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(new ComponentRenderer<>(f -> new Anchor("contracts/" + f.contractId(), f.contractNumber())))
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setAutoWidth(true);
        Column<Finding> title = addColumn(Finding::contractTitle)
                .setHeader(getTranslation("contract.field.title"))
                .setFlexGrow(2);
        Column<Finding> tier = addColumn(f -> getTranslation("chain.tier", f.tier()))
                .setHeader(getTranslation("chain.column.tier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Column<Finding> level = addColumn(
                        f -> getTranslation(f.verdict().required().messageKey()))
                .setHeader(getTranslation("contract.field.requiredLevel"))
                .setAutoWidth(true);
        addColumn(f -> ComplianceTexts.reason(this, f.verdict()))
                .setHeader(getTranslation("compliance.column.reason"))
                .setFlexGrow(3);
        if (ask != null) {
            addColumn(new ComponentRenderer<>(f -> askButton(f, ask)))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        // a phone keeps status, contract and the reason (which names the level)
        ScreenWidth.switchColumns(this, List.of(), List.of(title, tier, level));
        setItems(findings);
    }

    private Component askButton(Finding finding, Runnable ask) {
        if (finding.status() == ComplianceStatus.OK) {
            return new Span();
        }
        Button button = new Button(getTranslation("request.new"), click -> ask.run());
        button.addClassName("finding-ask");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
