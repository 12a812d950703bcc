package jp.hoshimi.register.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import jp.hoshimi.register.RegisterChange;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterSchedule;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.RegisterSourceService;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * The public register as last synced: search, what changed, and every sync run. Administrators can
 * sync now, upload an export, confirm a large removal and change the schedule.
 */
@Route("register")
@Menu(title = "nav.register", icon = "vaadin:book", order = 30)
@PermitAll
class RegisterView extends VerticalLayout implements HasDynamicTitle {

    private final RegisterService register;
    private final RegisterSyncService sync;
    private final RegisterSchedule schedule;
    final Select<RegisterKind> kind = new Select<>();
    final TextField search = new TextField();
    final Grid<RegisterEntry> entries = new Grid<>();
    final Grid<RegisterChange> changes = new Grid<>();
    final Grid<SyncRun> runs = new Grid<>();
    final Span freshness = new Span();
    private final RegisterFreshnessHeader header;
    final Button syncNow = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div progressBox = new Div(progressText, progress);
    ScheduleEditor scheduleEditor;
    private final boolean admin;
    private List<Long> runningIds = List.of();

    final Div noSource = new Div();

    RegisterView(
            RegisterService register,
            RegisterSyncService sync,
            RegisterSchedule schedule,
            RegisterSourceService sources,
            CurrentUser user,
            RegisterFreshnessHeader header) {
        this.register = register;
        this.header = header;
        this.sync = sync;
        this.schedule = schedule;
        this.admin = user.hasRole(Role.ADMIN);
        setSizeFull();

        kind.setItems(RegisterKind.values());
        kind.setValue(RegisterKind.STAR);
        kind.setItemLabelGenerator(k -> getTranslation("register.kind." + k.name()));
        kind.addValueChangeListener(e -> refreshAll());
        search.setPlaceholder(getTranslation("register.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("register-search");
        // room for the whole placeholder (English is the longer one), but never wider than a phone
        search.setWidth("20em");
        search.setMaxWidth("100%");
        search.setPrefixComponent(com.vaadin.flow.component.icon.VaadinIcon.SEARCH.create());
        search.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        freshness.setId("register-freshness");
        freshness.addClassName("register-freshness");

        syncNow.setText(getTranslation("register.syncNow"));
        syncNow.setId("register-sync-now");
        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncNow.addClickListener(e -> startSync());
        syncNow.setVisible(admin);
        progressBox.setVisible(false);
        progressBox.addClassName("import-progress");
        progress.setIndeterminate(true);

        HorizontalLayout controls = new HorizontalLayout(kind, search, syncNow);
        controls.setAlignItems(Alignment.BASELINE);
        controls.setWrap(true);
        controls.setWidthFull();
        add(new ViewToolbar(getTranslation("nav.register")), freshness, controls, progressBox);
        if (admin) {
            showSourceState(sources.configured(RegisterKind.STAR));
            add(noSource, adminTools());
        }

        configureEntries();
        configureChanges();
        configureRuns();
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add(getTranslation("register.tab.entries"), entries);
        tabs.add(getTranslation("register.tab.changes"), changes);
        tabs.add(getTranslation("register.tab.runs"), runs);
        add(tabs);
        showFreshness();
    }

    private void configureEntries() {
        entries.setId("register-entries");
        entries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        entries.setSizeFull();
        entries.addColumn(RegisterEntry::corporateNumber)
                .setHeader(getTranslation("register.column.corporateNumber"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        entries.addColumn(RegisterEntry::name)
                .setHeader(getTranslation("register.column.name"))
                .setFlexGrow(1);
        entries.addColumn(e -> levelLabel(e.level()))
                .setHeader(getTranslation("register.column.level"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        entries.addColumn(e -> e.validUntil() == null ? "—" : e.validUntil().toString())
                .setHeader(getTranslation("register.column.validUntil"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        entries.addColumn(e -> getTranslation("register.status." + e.status()))
                .setHeader(getTranslation("register.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        entries.setItems(
                q -> register.entries(kind.getValue(), search.getValue(), false, q.getOffset(), q.getLimit()).stream(),
                q -> register.countEntries(kind.getValue(), search.getValue(), false));
        entries.addItemClickListener(e -> showEntry(e.getItem()));
    }

    private void configureChanges() {
        changes.setId("register-changes");
        changes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        changes.setSizeFull();
        changes.addColumn(c -> Formats.dateTime(c.changedAt()))
                .setHeader(getTranslation("register.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        changes.addColumn(RegisterChange::corporateNumber)
                .setHeader(getTranslation("register.column.corporateNumber"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        changes.addColumn(RegisterChange::name)
                .setHeader(getTranslation("register.column.name"))
                .setFlexGrow(1);
        changes.addColumn(this::describe)
                .setHeader(getTranslation("register.column.change"))
                .setFlexGrow(2);
        changes.setItems(
                q -> register.recentChanges(q.getOffset(), q.getLimit()).stream(), q -> register.countChanges());
    }

    private void configureRuns() {
        runs.setId("register-runs");
        runs.addThemeVariants(
                GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        runs.setSizeFull();
        runs.addColumn(r -> Formats.dateTime(r.startedAt()))
                .setHeader(getTranslation("register.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> getTranslation("register.trigger." + r.trigger().name()) + " · " + r.startedBy())
                .setHeader(getTranslation("register.column.trigger"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> getTranslation(r.outcome().messageKey()))
                .setHeader(getTranslation("register.column.outcome"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        countColumn("added", SyncRun::added);
        countColumn("changed", SyncRun::changed);
        countColumn("removed", SyncRun::removed);
        countColumn("unchanged", SyncRun::unchanged);
        runs.addColumn(this::runDetail)
                .setHeader(getTranslation("register.column.detail"))
                .setFlexGrow(1);
        if (admin) {
            runs.addComponentColumn(r -> {
                        if (r.outcome() != SyncRun.Outcome.NEEDS_CONFIRMATION) {
                            return new Span();
                        }
                        Button confirm = new Button(getTranslation("register.confirmRemovals"), e -> {
                            SyncRun done = sync.confirmRemovals(r.id());
                            if (done.outcome() == SyncRun.Outcome.FAILED) {
                                Notifications.error(
                                        getTranslation(done.outcome().messageKey()) + ": " + runDetail(done));
                            } else {
                                Notifications.success(
                                        getTranslation(done.outcome().messageKey()));
                            }
                            refreshAll();
                        });
                        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                        return confirm;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        runs.setItems(q -> register.runs(null, q.getOffset(), q.getLimit()).stream(), q -> register.countRuns(null));
    }

    /** One count of a run under a header a clerk understands, with what it counts on hover. */
    private void countColumn(String name, ToIntFunction<SyncRun> count) {
        Span header = new Span(getTranslation("register.column." + name));
        header.setTitle(getTranslation("register.column." + name + ".help"));
        runs.addColumn(r -> r.outcome() == SyncRun.Outcome.RUNNING ? "…" : String.valueOf(count.applyAsInt(r)))
                .setHeader(header)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** Without a ★ source "sync now" cannot work: it is disabled, and the page says why and where to set one. */
    private void showSourceState(boolean configured) {
        noSource.setId("register-no-source");
        noSource.addClassName("empty-state");
        noSource.setVisible(!configured);
        syncNow.setEnabled(configured);
        if (!configured) {
            syncNow.setTooltipText(getTranslation("register.noSource.reason"));
            noSource.add(
                    new Paragraph(getTranslation("register.noSource.reason")),
                    new com.vaadin.flow.component.html.Anchor(
                            "register/source", getTranslation("register.noSource.configure")));
        } else {
            noSource.add(new com.vaadin.flow.component.html.Anchor(
                    "register/source", getTranslation("register.noSource.change")));
            noSource.setVisible(true);
        }
    }

    private Div adminTools() {
        Div tools = new Div();
        scheduleEditor = new ScheduleEditor(schedule);
        tools.addClassName("register-admin");
        Upload upload = ComponentTexts.upload();
        upload.setId("register-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".json", ".txt", ".xlsx");
        upload.setUploadHandler(event -> {
            try (InputStream in = event.getInputStream()) {
                SyncRun run = sync.upload(kind.getValue(), event.getFileName(), in);
                event.getUI().access(() -> {
                    Notifications.success(getTranslation(
                            "register.uploaded", getTranslation(run.outcome().messageKey())));
                    refreshAll();
                });
            }
        });
        Paragraph uploadHelp = new Paragraph(getTranslation("register.upload.help"));
        uploadHelp.addClassName("import-help");
        tools.add(scheduleEditor, uploadHelp, upload);
        return tools;
    }

    private String nextFire() {
        return schedule.current()
                .map(s -> s.nextFire() == null
                        ? "—"
                        : Formats.dateTime(
                                java.time.LocalDateTime.ofInstant(s.nextFire().toInstant(), ZoneId.of("UTC"))))
                .orElse("—");
    }

    /** Starts syncing both registers in the background as this administrator; the view polls until they end. */
    void startSync() {
        runningIds = sync.startSyncAll(SyncRun.Trigger.MANUAL);
        if (runningIds.isEmpty()) {
            Notifications.error(getTranslation("register.noSource"));
            return;
        }
        syncNow.setEnabled(false);
        progressBox.setVisible(true);
        progressText.setText(getTranslation("register.progress.fetching"));
        UI.getCurrent().setPollInterval(500);
    }

    /** Called on each poll while syncs started here run; shows their outcomes once all have ended. */
    void checkSync() {
        if (runningIds.isEmpty()) {
            return;
        }
        List<SyncRun> done = runningIds.stream().map(register::run).toList();
        Optional<SyncRun> running = done.stream()
                .filter(run -> run.outcome() == SyncRun.Outcome.RUNNING)
                .findFirst();
        if (running.isPresent()) {
            progressText.setText(
                    getTranslation("register.kind." + running.get().kind().name()) + ": "
                            + sync.progress(running.get().kind())
                                    .map(this::getTranslation)
                                    .orElse(getTranslation("register.progress.fetching")));
            return;
        }
        runningIds = List.of();
        UI.getCurrent().setPollInterval(-1);
        syncNow.setEnabled(true);
        progressBox.setVisible(false);
        String summary = done.stream().map(this::outcomeOf).collect(Collectors.joining(" / "));
        if (done.stream().allMatch(run -> run.outcome().isSuccess())) {
            Notifications.success(summary);
        } else {
            Notifications.error(summary);
        }
        refreshAll();
    }

    private String outcomeOf(SyncRun run) {
        String kind = getTranslation("register.kind." + run.kind().name());
        if (!run.outcome().isSuccess()) {
            return kind + "：" + getTranslation(run.outcome().messageKey()) + ": " + runDetail(run);
        }
        if (run.initialLoad()) {
            return getTranslation("register.synced.initialLoad", kind, run.added());
        }
        return getTranslation(
                "register.synced.kind",
                kind,
                getTranslation(run.outcome().messageKey()),
                run.added(),
                run.changed(),
                run.removed(),
                run.unchanged());
    }

    List<Long> runningSyncIds() {
        return runningIds;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> checkSync());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    void refreshAll() {
        entries.getDataProvider().refreshAll();
        changes.getDataProvider().refreshAll();
        runs.getDataProvider().refreshAll();
        showFreshness();
    }

    private void showFreshness() {
        RegisterService.Freshness fresh = register.freshness();
        // never synced is its own state, not "older than 48 hours"
        boolean stale = fresh.stale() && fresh.lastSuccess() != null;
        String text = fresh.lastSuccess() == null
                ? getTranslation("register.freshness.never")
                : getTranslation("register.freshness.at", Formats.dateTime(fresh.lastSuccess()));
        schedule.current().ifPresent(s -> freshness.setTitle(s.cron()));
        freshness.setText(text + (stale ? " " + getTranslation("register.freshness.stale", fresh.limitHours()) : "")
                + " " + getTranslation("register.freshness.next", nextFire()));
        freshness.getElement().setAttribute("data-stale", String.valueOf(fresh.stale()));
        getUI().ifPresent(header::refresh);
        freshness.setClassName("register-freshness" + (fresh.stale() ? " is-stale" : ""));
    }

    private void showEntry(RegisterEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(entry.name() + " (" + entry.corporateNumber() + ")");
        dialog.setWidth("min(56rem, 95vw)");
        Div facts = new Div();
        facts.addClassName("detail-grid");
        fact(facts, "register.column.level", levelLabel(entry.level()));
        fact(facts, "register.column.status", getTranslation("register.status." + entry.status()));
        fact(
                facts,
                "register.column.registeredOn",
                entry.registeredOn() == null ? "—" : entry.registeredOn().toString());
        fact(
                facts,
                "register.column.validUntil",
                entry.validUntil() == null ? "—" : entry.validUntil().toString());
        fact(facts, "register.column.scope", entry.scope() == null ? "—" : entry.scope());
        fact(facts, "register.column.body", entry.assessmentBody() == null ? "—" : entry.assessmentBody());
        fact(
                facts,
                "register.column.seen",
                Formats.dateTime(entry.firstSeen()) + " – " + Formats.dateTime(entry.lastSeen()));
        Grid<RegisterChange> history = new Grid<>();
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(c -> Formats.dateTime(c.changedAt()))
                .setHeader(getTranslation("register.column.when"))
                .setAutoWidth(true);
        history.addColumn(this::describe).setHeader(getTranslation("register.column.change"));
        history.setItems(register.historyOf(entry.corporateNumber()));
        dialog.add(facts, history);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void fact(Div facts, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("detail-label");
        Span text = new Span(value);
        text.addClassName("detail-value");
        facts.add(label, text);
    }

    private String levelLabel(String level) {
        return RegisterHistory.level(this, level);
    }

    String describe(RegisterChange c) {
        return RegisterHistory.describe(this, c);
    }

    private String runDetail(SyncRun r) {
        if (r.initialLoad()) {
            // one event instead of a change per entry: say so before where it came from
            return getTranslation("register.run.initialLoad", r.added()) + " · " + source(r);
        }
        if (r.errorCode() == null) {
            return source(r);
        }
        return getTranslation(r.errorCode())
                + (r.problem() == null ? "" : " (" + r.problem().in(getLocale()) + ")");
    }

    private static String source(SyncRun r) {
        // source ids are "http:<url>", "file:<path>", "upload:<name>"; a URL says what it is by itself
        return r.sourceId().startsWith("http:http") ? r.sourceId().substring("http:".length()) : r.sourceId();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.register") + " | Hoshimi";
    }
}
