package jp.hoshimi.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;

/**
 * The change history of one record, newest first, each change in words ("取引先名: 旧 → 新"), with
 * referenced records by name (see {@link AuditTexts}).
 */
public class HistoryGrid extends Grid<AuditEntry> {

    public HistoryGrid() {
        AuditTexts texts = AuditTexts.current();
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.column.who"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(texts::action)
                .setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(texts::changes)
                .setHeader(getTranslation("audit.column.change"))
                .setFlexGrow(1)
                .setTooltipGenerator(texts::changes);
        ComponentTexts.emptyState(this);
        setAllRowsVisible(true);
    }

    public void show(List<AuditEntry> entries) {
        setItems(entries);
    }
}
