package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.Outcome;
import jp.hoshimi.legalentity.LegalEntitySchedule;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.LegalEntitySyncService;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * The NTA corporate-number data for administrators (issue 21): upload a full or difference file (zip or
 * CSV, either edition), see how current the data is, and every load with what it changed or why it was refused.
 */
@Route("legal-entities")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(title = "legalEntity.title", icon = "vaadin:institution", order = 62)
class LegalEntityView extends VerticalLayout implements HasDynamicTitle {

    private final LegalEntityService service;
    final Select<FileKind> kind = new Select<>();
    final Select<NtaEdition> edition = new Select<>();
    final Paragraph freshness = new Paragraph();
    final Paragraph result = new Paragraph();
    final Grid<LegalEntityRun> runs = new Grid<>();
    final LegalEntitySourcePanel source;
    private final LegalEntitySchedule schedule;

    LegalEntityView(LegalEntityService service, LegalEntitySyncService sync, LegalEntitySchedule schedule) {
        this.service = service;
        this.schedule = schedule;
        this.source = new LegalEntitySourcePanel(sync, schedule, service, this::show);
        kind.setLabel(getTranslation("legalEntity.fileKind"));
        kind.setItems(FileKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(FileKind.DIFF);
        kind.setId("legal-entity-kind");
        edition.setLabel(getTranslation("legalEntity.edition"));
        edition.setItems(NtaEdition.values());
        edition.setItemLabelGenerator(e -> getTranslation(e.messageKey()));
        edition.setValue(NtaEdition.UNICODE);
        edition.setId("legal-entity-edition");
        freshness.setId("legal-entity-freshness");
        result.setId("legal-entity-result");
        Paragraph attribution = new Paragraph(getTranslation("legalEntity.attribution"));
        attribution.addClassName("nta-attribution");
        add(
                new ViewToolbar(getTranslation("legalEntity.title")),
                new Paragraph(getTranslation("legalEntity.intro")),
                freshness,
                new HorizontalLayout(kind, edition),
                upload(),
                result,
                source,
                runsGrid(),
                attribution);
        refresh();
    }

    private Upload upload() {
        Upload upload = ComponentTexts.upload();
        upload.setId("legal-entity-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", ".csv");
        FileKind[] chosenKind = {kind.getValue()};
        NtaEdition[] chosenEdition = {edition.getValue()};
        kind.addValueChangeListener(e -> chosenKind[0] = e.getValue());
        edition.addValueChangeListener(e -> chosenEdition[0] = e.getValue());
        upload.setUploadHandler(event -> {
            try (InputStream in = event.getInputStream()) {
                LegalEntityRun run = service.upload(in, event.getFileName(), chosenKind[0], chosenEdition[0]);
                event.getUI().access(() -> {
                    show(run);
                    // one file at a time, but the next one must be choosable without removing this one first
                    upload.clearFileList();
                });
            }
        });
        return upload;
    }

    /** Loads a file already on the server (the upload's second half; tests call it directly). */
    void load(InputStream in, String fileName) throws IOException {
        show(service.upload(in, fileName, kind.getValue(), edition.getValue()));
    }

    void show(LegalEntityRun run) {
        String text = describe(run);
        result.setText(text);
        result.getElement().setAttribute("data-outcome", run.outcome().name());
        if (run.outcome() == Outcome.SUCCEEDED || run.outcome() == Outcome.UNCHANGED) {
            Notifications.success(text);
        } else {
            Notifications.error(text);
        }
        refresh();
    }

    String describe(LegalEntityRun run) {
        return switch (run.outcome()) {
            case SUCCEEDED ->
                getTranslation(
                        "legalEntity.loaded",
                        run.rowsRead(),
                        run.added(),
                        run.changed(),
                        run.unchanged(),
                        run.historyRows());
            case FAILED ->
                getTranslation("legalEntity.reject." + run.errorCode(), (Object[])
                        (run.errorArgs() == null
                                ? new Object[0]
                                : run.errorArgs().split("\u001f", -1)));
            case UNCHANGED -> getTranslation("legalEntity.unchanged");
            case RUNNING -> getTranslation(run.outcome().messageKey());
        };
    }

    private Grid<LegalEntityRun> runsGrid() {
        runs.setId("legal-entity-runs");
        runs.addColumn(r -> Formats.dateTime(r.startedAt()))
                .setHeader(getTranslation("legalEntity.run.started"))
                .setAutoWidth(true);
        runs.addColumn(LegalEntityRun::fileName)
                .setHeader(getTranslation("legalEntity.run.file"))
                .setAutoWidth(true);
        runs.addColumn(r -> getTranslation(r.fileKind().messageKey()))
                .setHeader(getTranslation("legalEntity.run.kind"));
        runs.addColumn(r -> getTranslation(r.trigger().messageKey()))
                .setHeader(getTranslation("legalEntity.run.trigger"));
        runs.addColumn(LegalEntityRun::startedBy).setHeader(getTranslation("legalEntity.run.by"));
        runs.addColumn(r -> getTranslation(r.outcome().messageKey()))
                .setHeader(getTranslation("legalEntity.run.outcome"));
        runs.addColumn(this::describe)
                .setHeader(getTranslation("legalEntity.run.result"))
                .setFlexGrow(3);
        runs.setItems(
                query -> service.runs(query.getOffset(), query.getLimit()).stream(), query -> service.countRuns());
        runs.setAllRowsVisible(true);
        return runs;
    }

    private void refresh() {
        LegalEntityService.Freshness current = service.freshness();
        String text = current.asOf() == null
                ? getTranslation("legalEntity.freshness.none")
                : getTranslation("legalEntity.freshness", Formats.dateTime(current.asOf()), current.source());
        if (current.asOf() != null && current.stale()) {
            text += " " + getTranslation("legalEntity.freshness.stale", current.limitHours());
        }
        java.util.Date next = schedule.nextFire();
        if (next != null) {
            text += " "
                    + getTranslation(
                            "legalEntity.freshness.next",
                            Formats.dateTime(
                                    java.time.LocalDateTime.ofInstant(next.toInstant(), java.time.ZoneOffset.UTC)));
        }
        freshness.setText(text);
        freshness.getElement().setAttribute("data-stale", String.valueOf(current.stale()));
        runs.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("legalEntity.title") + " | Hoshimi";
    }
}
