package jp.hoshimi.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.Clock;
import jp.hoshimi.audit.AuditChainCheck;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditFilter;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.export.TableWriter;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * Who changed what, when: every audited change, newest first, paged in SQL, with records and the
 * records they refer to by name. Filters by record type, user and date range; exports what it shows.
 */
@Route("audit")
@Menu(title = "nav.audit", icon = "vaadin:clipboard-text", order = 58)
@RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final String[] ENTITY_TYPES = {
        "supplier",
        "contract",
        "subcontracting_link",
        "setting",
        "org_unit",
        "membership",
        "alert_preference",
        "alert_webhook",
        "alert_outbox"
    };

    final Select<String> entityType = new Select<>();
    final TextField actor = new TextField();
    final DatePicker from = ComponentTexts.datePicker(getTranslation("audit.filter.from"));
    final DatePicker to = ComponentTexts.datePicker(getTranslation("audit.filter.to"));
    final Grid<AuditEntry> grid = new Grid<>();
    final ExportLinks export;
    final Button verify = new Button();
    final Span chainResult = new Span();
    private final AuditService audit;
    private final AuditTexts texts = AuditTexts.current();
    /** The filter the grid shows; the export (its own request) writes exactly this. */
    private volatile AuditFilter shown = AuditFilter.all();

    AuditView(AuditService audit, Clock clock) {
        this.audit = audit;
        setSizeFull();
        entityType.setLabel(getTranslation("audit.filter.entity"));
        entityType.setEmptySelectionAllowed(true);
        entityType.setEmptySelectionCaption(getTranslation("filter.all"));
        entityType.setItems(ENTITY_TYPES);
        entityType.setItemLabelGenerator(
                type -> type == null ? getTranslation("filter.all") : getTranslation("audit.entity." + type));
        entityType.addValueChangeListener(e -> refresh());
        actor.setLabel(getTranslation("audit.column.who"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        actor.addValueChangeListener(e -> refresh());
        from.setId("audit-from");
        to.setId("audit-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        configureGrid();
        export = new ExportLinks("audit", "audit-log", clock, this::export);
        HorizontalLayout filters = new HorizontalLayout(entityType, actor, from, to, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        verify.setText(getTranslation("audit.chain.verify"));
        verify.setId("audit-verify");
        verify.setIcon(VaadinIcon.SHIELD.create());
        verify.addClickListener(e -> verifyChain());
        chainResult.setId("audit-chain-result");
        HorizontalLayout integrity = new HorizontalLayout(verify, chainResult);
        integrity.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new ViewToolbar(getTranslation("nav.audit")), filters, integrity, grid);
    }

    /** Recomputes the hash chain and says whether the log is intact, or the first event where it breaks. */
    void verifyChain() {
        AuditChainCheck check = audit.verifyChain();
        chainResult.setText(
                check.isIntact()
                        ? getTranslation("audit.chain.intact", check.eventsChecked())
                        : getTranslation(
                                "audit.chain.broken",
                                String.valueOf(check.firstBrokenEventId()),
                                getTranslation(check.problem().messageKey())));
        chainResult.getElement().getThemeList().clear();
        chainResult.getElement().getThemeList().add(check.isIntact() ? "badge success" : "badge error");
    }

    private void configureGrid() {
        grid.addThemeVariants(
                GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.column.who"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(texts::record)
                .setHeader(getTranslation("audit.column.entity"))
                .setFlexGrow(1)
                .setTooltipGenerator(texts::record);
        grid.addColumn(texts::action)
                .setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(texts::changes)
                .setHeader(getTranslation("audit.column.change"))
                .setFlexGrow(3)
                .setTooltipGenerator(texts::changes);
        ComponentTexts.emptyState(grid, "audit.empty");
        grid.setItems(
                query -> audit.list(shown, query.getOffset(), query.getLimit()).stream(), query -> audit.count(shown));
    }

    private void refresh() {
        boolean backwards = from.getValue() != null
                && to.getValue() != null
                && to.getValue().isBefore(from.getValue());
        to.setErrorMessage(backwards ? getTranslation("audit.filter.toBeforeFrom") : null);
        to.setInvalid(backwards);
        if (backwards) {
            return; // keep showing the last valid filter
        }
        shown = new AuditFilter(entityType.getValue(), actor.getValue(), from.getValue(), to.getValue());
        grid.getDataProvider().refreshAll();
    }

    /** Writes the log as filtered on screen, the same columns as the grid. */
    void export(ExportFormat format, OutputStream out) {
        AuditFilter filter = shown;
        try (TableWriter table = TableWriter.open(format, out, texts.text("audit.export.sheet"))) {
            table.row(
                    texts.text("audit.column.when"),
                    texts.text("audit.column.who"),
                    texts.text("audit.column.entity"),
                    texts.text("audit.column.action"),
                    texts.text("audit.column.change"));
            audit.export(filter, entry -> table.row(exportRow(entry)));
        }
    }

    /** One row as the grid shows it (the export test compares the two). */
    Object[] exportRow(AuditEntry entry) {
        return new Object[] {
            Formats.dateTime(entry.occurredAt()),
            entry.actor(),
            texts.record(entry),
            texts.action(entry),
            texts.changes(entry)
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " | Hoshimi";
    }
}
