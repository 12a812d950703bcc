package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.hoshimi.dataimport.ColumnMapping;
import jp.hoshimi.dataimport.FieldChange;
import jp.hoshimi.dataimport.ImportField;
import jp.hoshimi.dataimport.ImportProgress;
import jp.hoshimi.dataimport.ImportRowResult;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.dataimport.RowOutcome;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ValueLabels;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * One import run: progress while it is read and checked, the column mapping, the preview (new / changed
 * field by field / unchanged / errors with row numbers), the error report, and Apply.
 */
@Route("imports/run")
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class ImportRunView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final int POLL_MILLIS = 500;

    private final ImportService imports;
    final Div status = new Div();
    final ProgressBar progressBar = new ProgressBar();
    final Span progressText = new Span();
    final Div progress = new Div(progressText, progressBar);
    final Details mappingPanel = new Details();
    final Tabs outcomeTabs = new Tabs();
    final Grid<ImportRowResult> rows = new Grid<>();
    final Button apply = new Button();
    final Button discard = new Button();
    final Anchor errorReport = new Anchor();
    final Map<ImportField, Select<Integer>> columnChoices = new EnumMap<>(ImportField.class);
    final Checkbox saveMapping = new Checkbox();
    final TextField mappingName = new TextField();
    private final Map<Tab, RowOutcome> tabOutcomes = new LinkedHashMap<>();
    private final Paragraph meta = new Paragraph();
    private final ViewToolbar toolbar = new ViewToolbar("");
    private ImportRun run;
    private Registration poll;

    private final jp.hoshimi.legalentity.LegalEntityService legalEntities;
    private final boolean ntaLoaded;
    com.vaadin.flow.component.grid.Grid.Column<ImportRowResult> suggested;
    /** Beside the suggested numbers: "contains" matches still being indexed (docs/decisions/0046). */
    final jp.hoshimi.legalentity.ui.ContainsIndexNotice suggestedIndexing;

    ImportRunView(ImportService imports, jp.hoshimi.legalentity.LegalEntityService legalEntities) {
        this.imports = imports;
        this.legalEntities = legalEntities;
        this.ntaLoaded = legalEntities.lastSuccess().isPresent();
        this.suggestedIndexing =
                new jp.hoshimi.legalentity.ui.ContainsIndexNotice(legalEntities, "import-suggested-indexing");
        setSizeFull();
        RouterLink back = new RouterLink(getTranslation("import.back"), ImportView.class);
        back.addClassName("back-link");
        meta.addClassName("import-meta");
        status.setId("import-status");
        status.addClassName("import-status-box");
        progress.setId("import-progress");
        progress.addClassName("import-progress");
        progressText.setId("import-progress-text");
        mappingPanel.setId("import-mapping");
        mappingPanel.setSummaryText(getTranslation("import.mapping.title"));
        outcomeTabs.setId("import-outcomes");
        outcomeTabs.addSelectedChangeListener(e -> rows.getDataProvider().refreshAll());
        rows.setId("import-rows");
        rows.addThemeVariants(
                GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setSizeFull();
        rows.setMinHeight("260px");
        rows.addColumn(ImportRowResult::rowNumber)
                .setHeader(getTranslation("import.report.row"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        rows.addComponentColumn(this::outcomeBadge)
                .setHeader(getTranslation("import.rows.outcome"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        rows.addComponentColumn(row -> new RowRecord(run.kind(), row))
                .setKey("record")
                .setHeader(getTranslation("import.report.key"))
                .setWidth("22em")
                .setFlexGrow(1);
        rows.addColumn(this::details)
                .setHeader(getTranslation("import.rows.details"))
                .setFlexGrow(1);
        // issue 21: a supplier row without 法人番号 shows its best candidate from the NTA data; never applied
        suggested = rows.addComponentColumn(this::suggestedNumber)
                .setKey("suggested")
                .setHeader(getTranslation("import.rows.suggestedNumber"))
                .setWidth("20em")
                .setFlexGrow(1);
        suggested.setVisible(false);
        rows.setItems(
                query -> imports.rows(run.id(), selectedOutcome(), query.getOffset(), query.getLimit()).stream(),
                query -> imports.countRows(run.id(), selectedOutcome()));
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            if (imports.apply(run.id())) {
                refresh();
            } else {
                Notifications.error(getTranslation("import.apply.notPossible"));
                refresh();
            }
        });
        discard.setId("import-discard");
        discard.setText(getTranslation("import.discard"));
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> {
            imports.discard(run.id());
            Notifications.success(getTranslation("import.discarded"));
            UI.getCurrent().navigate(ImportView.class);
        });
        errorReport.setId("import-error-report");
        errorReport.setText(getTranslation("import.report.download"));
        errorReport.getElement().setAttribute("download", true);
        errorReport.setHref(XlsxDownload.of(
                () -> "import-" + run.id() + "-errors.xlsx",
                out -> imports.writeErrorReport(run.id(), getLocale(), out)));
        HorizontalLayout actions = new HorizontalLayout(apply, errorReport, discard);
        actions.setAlignItems(Alignment.BASELINE);
        actions.addClassName("import-actions");
        add(back, toolbar, meta, status, progress, mappingPanel, actions, outcomeTabs, suggestedIndexing, rows);
    }

    private com.vaadin.flow.component.Component suggestedNumber(ImportRowResult row) {
        if (run == null
                || run.kind() != jp.hoshimi.dataimport.ImportKind.SUPPLIERS
                || row.outcome() == RowOutcome.ERROR
                || row.keyField(ImportField.SUPPLIER_CORPORATE_NUMBER).isPresent()) {
            return new Span();
        }
        String country = row.keyField(ImportField.SUPPLIER_COUNTRY).orElse("JP");
        String name = row.keyField(ImportField.SUPPLIER_NAME).orElse("");
        if (!"JP".equals(country) || name.isBlank()) {
            return new Span();
        }
        var best = legalEntities.candidates(name, null, null, 1);
        if (best.isEmpty()) {
            return new Span(getTranslation("legalEntity.match.noCandidate"));
        }
        Span hint = new Span(getTranslation("import.rows.suggestedNumber.notApplied"));
        hint.addClassName("candidate-facts");
        Div cell = new Div(jp.hoshimi.legalentity.ui.Candidates.describe(this, best.get(0)), hint);
        cell.addClassName("suggested-number");
        return cell;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            run = imports.run(id);
        } catch (NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        suggested.setVisible(ntaLoaded && run.kind() == jp.hoshimi.dataimport.ImportKind.SUPPLIERS);
        if (suggested.isVisible()) {
            suggestedIndexing.refresh();
        } else {
            suggestedIndexing.setVisible(false);
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(e -> {
            if (run != null) {
                refresh();
            }
        });
        updatePolling(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    /** Reads the run again and shows what it is doing or what it found. */
    void refresh() {
        ImportStatus before = run.status();
        run = imports.run(run.id());
        toolbar.setTitle(run.fileName());
        meta.setText(getTranslation(
                "import.meta",
                getTranslation(run.kind().messageKey()),
                run.startedBy(),
                Formats.dateTime(run.createdAt()),
                run.fileFormat() == null ? "—" : run.fileFormat(),
                run.fileDetails() == null ? "" : run.fileDetails()));
        showStatus();
        showProgress();
        showMapping();
        boolean hasPreview = run.status() == ImportStatus.PREVIEWED
                || run.status() == ImportStatus.APPLIED
                || (run.status() == ImportStatus.FAILED && run.counts().total() > 0);
        outcomeTabs.setVisible(hasPreview);
        rows.setVisible(hasPreview);
        if (hasPreview) {
            showTabs();
        }
        if (hasPreview && before != run.status() || hasPreview && rows.getDataProvider() != null) {
            rows.getDataProvider().refreshAll();
        }
        apply.setVisible(run.status() == ImportStatus.PREVIEWED);
        apply.setEnabled(run.canApply());
        apply.setText(getTranslation(
                "import.apply", run.counts().added(), run.counts().changed()));
        errorReport.setVisible(run.counts().error() > 0);
        discard.setVisible(run.status() == ImportStatus.PREVIEWED || run.status() == ImportStatus.NEEDS_MAPPING);
        getUI().ifPresent(this::updatePolling);
    }

    private void updatePolling(UI ui) {
        ui.setPollInterval(run != null && run.status().isActive() ? POLL_MILLIS : -1);
    }

    private void showStatus() {
        status.removeAll();
        status.add(new StatusBadge(run));
        String text = switch (run.status()) {
            case QUEUED, CHECKING -> getTranslation("import.state.checking");
            case APPLYING -> getTranslation("import.state.applying");
            case NEEDS_MAPPING ->
                getTranslation(
                        "import.state.needsMapping",
                        run.errorArgs().stream()
                                .map(name -> getTranslation("import.field." + name))
                                .collect(Collectors.joining("、")));
            case PREVIEWED ->
                run.counts().total() == 0
                        ? getTranslation("import.state.empty")
                        : run.counts().error() > 0
                                ? getTranslation(
                                        "import.state.previewErrors",
                                        run.counts().error())
                                : getTranslation(
                                        "import.state.previewOk",
                                        run.counts().added(),
                                        run.counts().changed(),
                                        run.counts().unchanged());
            case APPLIED ->
                getTranslation(
                        "import.state.applied",
                        run.counts().added(),
                        run.counts().changed(),
                        run.counts().unchanged());
            case FAILED, REJECTED ->
                getTranslation(run.errorCode(), run.errorArgs().toArray());
            case DISCARDED -> getTranslation("import.state.discarded");
        };
        Span message = new Span(text);
        message.setId("import-status-text");
        status.add(message);
        status.getElement().setAttribute("data-status", run.status().name());
        status.getElement().setAttribute("role", "status");
        status.setClassName("import-status-box "
                + (run.status() == ImportStatus.REJECTED
                                || run.status() == ImportStatus.FAILED
                                || (run.status() == ImportStatus.PREVIEWED
                                        && run.counts().error() > 0)
                        ? "is-error"
                        : run.status() == ImportStatus.APPLIED ? "is-success" : ""));
    }

    private void showProgress() {
        progress.setVisible(run.status().isActive());
        if (!run.status().isActive()) {
            return;
        }
        ImportProgress current = imports.progress(run.id()).orElse(null);
        if (current == null) {
            progressBar.setIndeterminate(true);
            progressText.setText(getTranslation("import.phase.WAITING", 1));
            return;
        }
        double fraction = current.fraction();
        progressBar.setIndeterminate(fraction < 0);
        if (fraction >= 0) {
            progressBar.setValue(fraction);
        }
        progressText.setText(getTranslation(
                current.phase().messageKey(),
                current.phase() == ImportProgress.Phase.WAITING ? current.queuePosition() : current.done(),
                current.total()));
    }

    private void showMapping() {
        ColumnMapping mapping = run.mapping();
        boolean editable = mapping != null
                && (run.status() == ImportStatus.NEEDS_MAPPING || run.status() == ImportStatus.PREVIEWED);
        mappingPanel.setVisible(mapping != null && run.status() != ImportStatus.REJECTED);
        if (mapping == null) {
            return;
        }
        mappingPanel.setOpened(run.status() == ImportStatus.NEEDS_MAPPING || mappingPanel.isOpened());
        mappingPanel.removeAll();
        columnChoices.clear();
        Paragraph intro = new Paragraph(getTranslation("import.mapping.intro", mapping.headerRow()));
        imports.savedMappingName(run.id())
                .ifPresent(name -> intro.add(new Text(" " + getTranslation("import.mapping.saved", name))));
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        List<Integer> columns =
                IntStream.range(0, mapping.headers().size()).boxed().toList();
        for (ImportField field : run.kind().fields()) {
            Select<Integer> select = new Select<>();
            select.setLabel(getTranslation(field.messageKey()) + (field.required() ? " *" : ""));
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("import.mapping.none"));
            select.setItems(columns);
            select.setItemLabelGenerator(
                    c -> c == null ? getTranslation("import.mapping.none") : mapping.describeColumn(c));
            select.setValue(mapping.column(field).orElse(null));
            select.setReadOnly(!editable);
            select.setInvalid(field.required() && !mapping.maps(field));
            select.setErrorMessage(getTranslation("import.mapping.requiredField"));
            select.setId("map-" + field.name());
            columnChoices.put(field, select);
            form.add(select);
        }
        mappingPanel.add(intro, form);
        if (editable) {
            saveMapping.setLabel(getTranslation("import.mapping.save"));
            saveMapping.setId("import-save-mapping");
            mappingName.setPlaceholder(getTranslation("import.mapping.name"));
            mappingName.setId("import-mapping-name");
            mappingName.setValue(run.fileName());
            Button recheck = new Button(getTranslation("import.mapping.recheck"), e -> recheck());
            recheck.setId("import-recheck");
            recheck.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout bar = new HorizontalLayout(saveMapping, mappingName, recheck);
            bar.setAlignItems(Alignment.BASELINE);
            mappingPanel.add(bar);
        }
    }

    void recheck() {
        Map<ImportField, Integer> chosen = new EnumMap<>(ImportField.class);
        columnChoices.forEach((field, select) -> {
            if (select.getValue() != null) {
                chosen.put(field, select.getValue());
            }
        });
        imports.remap(run.id(), chosen, saveMapping.getValue() ? mappingName.getValue() : null);
        refresh();
    }

    private void showTabs() {
        RowOutcome selected = selectedOutcome();
        outcomeTabs.removeAll();
        tabOutcomes.clear();
        Tab all = new Tab(getTranslation("import.rows.all", run.counts().total()));
        tabOutcomes.put(all, null);
        outcomeTabs.add(all);
        for (RowOutcome outcome : RowOutcome.values()) {
            Tab tab = new Tab(
                    getTranslation(outcome.messageKey()) + " " + run.counts().of(outcome));
            tab.setId("tab-" + outcome.name());
            tabOutcomes.put(tab, outcome);
            outcomeTabs.add(tab);
            if (outcome == selected) {
                outcomeTabs.setSelectedTab(tab);
            }
        }
        if (selected == null && run.counts().error() > 0 && run.status() == ImportStatus.PREVIEWED) {
            tabOutcomes.entrySet().stream()
                    .filter(e -> e.getValue() == RowOutcome.ERROR)
                    .findFirst()
                    .ifPresent(e -> outcomeTabs.setSelectedTab(e.getKey()));
        }
    }

    private RowOutcome selectedOutcome() {
        return outcomeTabs.getSelectedTab() == null ? null : tabOutcomes.get(outcomeTabs.getSelectedTab());
    }

    private Span outcomeBadge(ImportRowResult row) {
        Span badge = new Span(getTranslation(row.outcome().messageKey()));
        badge.getElement()
                .getThemeList()
                .add(
                        switch (row.outcome()) {
                            case NEW -> "badge success";
                            case CHANGED -> "badge";
                            case UNCHANGED -> "badge contrast";
                            case ERROR -> "badge error";
                        });
        if (row.outcome() == RowOutcome.ERROR) {
            badge.addComponentAsFirst(VaadinIcon.WARNING.create());
        }
        return badge;
    }

    private String details(ImportRowResult row) {
        String changes = row.changes().stream().map(this::describe).collect(Collectors.joining(" ・ "));
        String problems = row.problems().stream()
                .map(p -> run.kind()
                                .fieldFor(p.field())
                                .map(f -> getTranslation(f.messageKey()) + ": ")
                                .orElse("")
                        + getTranslation(p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining(" "));
        return (changes + " " + problems).strip();
    }

    private String describe(FieldChange change) {
        return getTranslation(
                "import.rows.change",
                getTranslation("import.field." + change.field()),
                ValueLabels.of(change.before(), getLocale()),
                ValueLabels.of(change.after(), getLocale()));
    }

    @Override
    public String getPageTitle() {
        return (run == null ? "" : run.fileName() + " | ") + getTranslation("import.title") + " | Hoshimi";
    }
}
