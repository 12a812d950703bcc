package jp.hoshimi.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.stream.Collectors;
import jp.hoshimi.audit.AuditChange;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.shared.ui.Formats;

/**
 * The change history of one record, newest first, each change in words ("取引先名: 旧 → 新"). Field
 * names come from {@code <fieldKeyPrefix><field>} in the bundles, else the field's own name.
 */
public class HistoryGrid extends Grid<AuditEntry> {

    private final String fieldKeyPrefix;

    public HistoryGrid(String fieldKeyPrefix) {
        this.fieldKeyPrefix = fieldKeyPrefix;
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.column.who"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(e -> getTranslation("audit.action." + e.action().name()))
                .setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(this::describe)
                .setHeader(getTranslation("audit.column.change"))
                .setFlexGrow(1)
                .setTooltipGenerator(this::describe);
        setAllRowsVisible(true);
    }

    public void show(List<AuditEntry> entries) {
        setItems(entries);
    }

    private String describe(AuditEntry entry) {
        return AuditChange.between(entry.beforeJson(), entry.afterJson()).stream()
                .map(change -> label(change.field()) + ": " + (change.before() == null ? "—" : change.before()) + " → "
                        + (change.after() == null ? "—" : change.after()))
                .collect(Collectors.joining(" / "));
    }

    private String label(String field) {
        String text = getTranslation(fieldKeyPrefix + field);
        return text.startsWith("!") ? field : text;
    }
}
