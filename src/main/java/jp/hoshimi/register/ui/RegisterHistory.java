package jp.hoshimi.register.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import jp.hoshimi.register.RegisterChange;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ui.Formats;

/** What the register says about one company now, and every change seen, newest first (supplier detail tab). */
public class RegisterHistory extends Composite<VerticalLayout> {

    final Grid<RegisterEntry> entries = new Grid<>();
    final Grid<RegisterChange> changes = new Grid<>();

    public RegisterHistory(RegisterService register, String corporateNumber) {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        if (corporateNumber == null) {
            Paragraph none = new Paragraph(getTranslation("register.history.noNumber"));
            none.addClassName("tab-note");
            layout.add(none);
            return;
        }
        List<RegisterEntry> found = register.entriesOf(corporateNumber);
        RegisterService.Freshness freshness = register.freshness();
        Paragraph asOf = new Paragraph(
                freshness.lastSuccess() == null
                        ? getTranslation("register.freshness.never")
                        : getTranslation("register.freshness.at", Formats.dateTime(freshness.lastSuccess())));
        asOf.addClassName("tab-note");
        layout.add(asOf);
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("register.history.notRegistered", corporateNumber));
            none.setId("register-not-registered");
            layout.add(none);
        }
        entries.setId("supplier-register-entries");
        entries.addThemeVariants(GridVariant.LUMO_COMPACT);
        entries.setAllRowsVisible(true);
        entries.addColumn(e -> getTranslation("register.kind." + e.kind().name()))
                .setHeader(getTranslation("register.column.kind"))
                .setAutoWidth(true);
        entries.addColumn(e -> level(this, e.level()))
                .setHeader(getTranslation("register.column.level"))
                .setAutoWidth(true);
        entries.addColumn(e -> e.validUntil() == null ? "—" : e.validUntil().toString())
                .setHeader(getTranslation("register.column.validUntil"))
                .setAutoWidth(true);
        entries.addColumn(e -> e.isRemoved()
                        ? getTranslation("register.history.removed", Formats.dateTime(e.removedAt()))
                        : getTranslation("register.status." + e.status()))
                .setHeader(getTranslation("register.column.status"))
                .setAutoWidth(true);
        entries.addColumn(RegisterEntry::name).setHeader(getTranslation("register.column.name"));
        entries.setItems(found);
        changes.setId("supplier-register-changes");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.setAllRowsVisible(true);
        changes.addColumn(c -> Formats.dateTime(c.changedAt()))
                .setHeader(getTranslation("register.column.when"))
                .setAutoWidth(true);
        changes.addColumn(c -> describe(this, c)).setHeader(getTranslation("register.column.change"));
        changes.setItems(register.historyOf(corporateNumber));
        if (!found.isEmpty()) {
            layout.add(entries, new H4(getTranslation("register.tab.changes")), changes);
        }
    }

    static String level(Component context, String level) {
        return level == null ? "—" : context.getTranslation("register.level." + level);
    }

    static String level(Component context, StarLevel level) {
        return level(context, level == null ? null : level.name());
    }

    /** A change in words: "Valid until 2027-03-31 → 2028-03-31". */
    static String describe(Component c, RegisterChange change) {
        return switch (change.type()) {
            case NEW ->
                c.getTranslation(
                        "register.change.NEW",
                        level(c, change.newLevel()),
                        change.newValidUntil() == null ? "—" : change.newValidUntil());
            case LEVEL ->
                c.getTranslation("register.change.LEVEL", level(c, change.oldLevel()), level(c, change.newLevel()));
            case VALIDITY ->
                c.getTranslation(
                        "register.change.VALIDITY",
                        String.valueOf(change.oldValidUntil()),
                        String.valueOf(change.newValidUntil()));
            case STATUS ->
                c.getTranslation(
                        "register.change.STATUS",
                        c.getTranslation("register.status." + change.oldStatus()),
                        c.getTranslation("register.status." + change.newStatus()));
            case REMOVED -> c.getTranslation("register.change.REMOVED", level(c, change.oldLevel()));
            case INITIAL_LOAD -> c.getTranslation("register.change.INITIAL_LOAD", String.valueOf(change.syncRunId()));
        };
    }
}
