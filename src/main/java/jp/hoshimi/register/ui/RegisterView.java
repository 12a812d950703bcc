package jp.hoshimi.register.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import jp.hoshimi.register.RegisterChange;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterSchedule;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.RegisterSources;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.security.CurrentUser;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
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
    private final RegisterSources sources;
    final Select<RegisterKind> kind = new Select<>();
    final TextField search = new TextField();
    final Grid<RegisterEntry> entries = new Grid<>();
    final Grid<RegisterChange> changes = new Grid<>();
    final Grid<SyncRun> runs = new Grid<>();
    final Span freshness = new Span();
    final Button syncNow = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div progressBox = new Div(progressText, progress);
    private final boolean admin;
    private Long runningId;

    RegisterView(
            RegisterService register,
            RegisterSyncService sync,
            RegisterSchedule schedule,
            RegisterSources sources,
            CurrentUser user) {
        this.register = register;
        this.sync = sync;
        this.schedule = schedule;
        this.sources = sources;
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
            add(adminTools());
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
        runs.addColumn(r -> getTranslation("register.run.counts", r.added(), r.changed(), r.removed(), r.unchanged()))
                .setHeader(getTranslation("register.column.counts"))
                .setAutoWidth(true)
                .setFlexGrow(0);
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

    private Div adminTools() {
        Div tools = new Div();
        tools.addClassName("register-admin");
        TextField cron = new TextField(getTranslation("register.schedule.label"));
        cron.setId("register-cron");
        cron.setWidth("24em");
        cron.setHelperText(getTranslation("register.schedule.help"));
        schedule.current().ifPresent(s -> cron.setValue(s.cron()));
        Button save = new Button(getTranslation("register.schedule.save"), e -> {
            try {
                schedule.change(cron.getValue());
                cron.setInvalid(false);
                Notifications.success(getTranslation("register.schedule.saved", nextFire()));
            } catch (ValidationException problem) {
                cron.setErrorMessage(Problems.describe(this, problem));
                cron.setInvalid(true);
            }
        });
        Upload upload = new Upload();
        upload.setId("register-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".json", ".txt");
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
        HorizontalLayout scheduleRow = new HorizontalLayout(cron, save);
        scheduleRow.setAlignItems(Alignment.BASELINE);
        Paragraph uploadHelp = new Paragraph(getTranslation("register.upload.help"));
        uploadHelp.addClassName("import-help");
        tools.add(scheduleRow, uploadHelp, upload);
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

    /** Starts a sync in the background as this administrator; the view polls until it ends. */
    void startSync() {
        RegisterKind chosen = kind.getValue();
        if (sources.source(chosen).isEmpty()) {
            Notifications.error(getTranslation("register.noSource"));
            return;
        }
        runningId = sync.startSync(chosen, SyncRun.Trigger.MANUAL);
        syncNow.setEnabled(false);
        progressBox.setVisible(true);
        progressText.setText(getTranslation("register.progress.fetching"));
        UI.getCurrent().setPollInterval(500);
    }

    /** Called on each poll while a sync started here runs; shows the outcome once it has ended. */
    void checkSync() {
        if (runningId == null) {
            return;
        }
        SyncRun run = register.run(runningId);
        if (run.outcome() == SyncRun.Outcome.RUNNING) {
            progressText.setText(sync.progress(kind.getValue())
                    .map(this::getTranslation)
                    .orElse(getTranslation("register.progress.fetching")));
            return;
        }
        runningId = null;
        UI.getCurrent().setPollInterval(-1);
        syncNow.setEnabled(true);
        progressBox.setVisible(false);
        if (run.outcome().isSuccess()) {
            Notifications.success(getTranslation(
                    "register.synced",
                    getTranslation(run.outcome().messageKey()),
                    run.added(),
                    run.changed(),
                    run.removed()));
        } else {
            Notifications.error(getTranslation(run.outcome().messageKey()) + ": " + runDetail(run));
        }
        refreshAll();
    }

    Long runningSyncId() {
        return runningId;
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
        String text = fresh.lastSuccess() == null
                ? getTranslation("register.freshness.never")
                : getTranslation("register.freshness.at", Formats.dateTime(fresh.lastSuccess()));
        schedule.current().ifPresent(s -> freshness.setTitle(s.cron()));
        freshness.setText(
                text + (fresh.stale() ? " " + getTranslation("register.freshness.stale", fresh.limitHours()) : "") + " "
                        + getTranslation("register.freshness.next", nextFire()));
        freshness.getElement().setAttribute("data-stale", String.valueOf(fresh.stale()));
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
        if (r.errorCode() == null) {
            // source ids are "http:<url>", "file:<path>", "upload:<name>"; a URL says what it is by itself
            return r.sourceId().startsWith("http:http") ? r.sourceId().substring("http:".length()) : r.sourceId();
        }
        return getTranslation(r.errorCode()) + (r.errorDetail() == null ? "" : " (" + r.errorDetail() + ")");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.register") + " | Hoshimi";
    }
}
