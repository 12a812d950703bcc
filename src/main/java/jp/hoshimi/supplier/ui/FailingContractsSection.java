package jp.hoshimi.supplier.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.FailingContract;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.ui.ListCounts;
import jp.hoshimi.shared.ui.ScreenWidth;

/**
 * "Contracts it is part of that fail, and why": apart from the supplier's own headline, the contracts
 * whose chain fails (worst first, paged in SQL), each with the supplier that makes it fail and its tier.
 */
class FailingContractsSection extends Section {

    /** Up to this many failing contracts the grid shows them all without a scroll box. */
    static final int ALL_ROWS_UP_TO = 20;

    final Grid<FailingContract> grid = new Grid<>();

    FailingContractsSection(ComplianceService compliance, long supplierId, boolean stale) {
        addClassName("failing-contracts");
        setId("supplier-failing-contracts");
        add(new H3(getTranslation("supplier.failing.title")));
        int total = compliance.countFailingContracts(supplierId);
        if (total == 0) {
            Paragraph none = new Paragraph(getTranslation("supplier.failing.none"));
            none.addClassName("tab-note");
            add(none);
            return;
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new ComponentRenderer<>(c -> new ComplianceBadge(c.status(), stale)))
                .setHeader(getTranslation("supplier.failing.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(FailingContract::contractNumber)
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<FailingContract> title = grid.addColumn(FailingContract::contractTitle)
                .setHeader(getTranslation("contract.field.title"))
                .setTooltipGenerator(FailingContract::contractTitle)
                .setFlexGrow(2);
        grid.addColumn(this::cause)
                .setHeader(getTranslation("supplier.failing.cause"))
                .setTooltipGenerator(this::cause)
                .setFlexGrow(3);
        // a phone keeps status, number and the cause (wrapped), which is what the section is for
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        ScreenWidth.switchColumns(grid, List.of(), List.of(title));
        grid.setItems(query -> compliance.failingContracts(supplierId, query.getOffset(), query.getLimit()).stream());
        ListCounts.sizeGrid(grid, ResultCount.exactly(total));
        grid.addItemClickListener(
                click -> UI.getCurrent().navigate("contracts/" + click.getItem().contractId()));
        // as tall as its rows, however many lines a wrapped row takes on a phone (a height from the row count
        // cut them); a long list keeps a box of its own and scrolls in it
        if (total <= ALL_ROWS_UP_TO) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24rem");
        }
        grid.setId("supplier-failing-grid");
        add(grid);
    }

    /** "2次委託先 X: 失効", or "契約先 X: 失効" for the contract's own supplier. */
    String cause(FailingContract c) {
        String status = getTranslation(c.causeStatus().messageKey());
        return c.causeTier() <= 1
                ? getTranslation("supplier.failing.cause.contractSupplier", c.causeSupplierName(), status)
                : getTranslation("supplier.failing.cause.subcontractor", c.causeTier(), c.causeSupplierName(), status);
    }
}
