package jp.hoshimi.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import jp.hoshimi.audit.AuditChange;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ViewToolbar;

/** Who changed what, when: every audited change, newest first, paged in SQL. */
@Route("audit")
@Menu(title = "nav.audit", icon = "vaadin:clipboard-text", order = 58)
@RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final String[] ENTITY_TYPES = {"supplier", "contract", "subcontracting_link", "setting"};

    final Select<String> entityType = new Select<>();
    final TextField actor = new TextField();
    final Grid<AuditEntry> grid = new Grid<>();
    private final AuditService audit;

    AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        entityType.setLabel(getTranslation("audit.filter.entity"));
        entityType.setEmptySelectionAllowed(true);
        entityType.setEmptySelectionCaption(getTranslation("filter.all"));
        entityType.setItems(ENTITY_TYPES);
        entityType.setItemLabelGenerator(
                type -> type == null ? getTranslation("filter.all") : getTranslation("audit.entity." + type));
        entityType.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        actor.setLabel(getTranslation("audit.column.who"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        actor.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.column.who"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.entity." + e.entityType()) + " #" + e.entityId())
                .setHeader(getTranslation("audit.column.entity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation("audit.action." + e.action().name()))
                .setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditView::changes)
                .setHeader(getTranslation("audit.column.change"))
                .setFlexGrow(1);
        grid.setItems(
                query ->
                        audit
                                .list(entityType.getValue(), actor.getValue(), query.getOffset(), query.getLimit())
                                .stream(),
                query -> audit.count(entityType.getValue(), actor.getValue()));
        add(new ViewToolbar(getTranslation("nav.audit"), entityType, actor), grid);
    }

    private static String changes(AuditEntry entry) {
        return AuditChange.between(entry.beforeJson(), entry.afterJson()).stream()
                .map(c -> c.field() + ": " + (c.before() == null ? "—" : c.before()) + " → "
                        + (c.after() == null ? "—" : c.after()))
                .collect(Collectors.joining(" / "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " | Hoshimi";
    }
}
