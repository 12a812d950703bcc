package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.function.Consumer;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityRun.Outcome;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.LegalEntitySchedule;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.LegalEntitySourceSettings;
import jp.hoshimi.legalentity.LegalEntitySyncBusyException;
import jp.hoshimi.legalentity.LegalEntitySyncService;
import jp.hoshimi.legalentity.NoLegalEntitySourceException;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.register.ui.ScheduleEditor;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/**
 * The scheduled difference fetch on the NTA screen: where it reads (a file path, a company mirror, the NTA
 * Web-API with its application id), "sync now", and when it runs (the register's schedule editor).
 */
class LegalEntitySourcePanel extends Composite<VerticalLayout> {

    final Select<SourceType> type = new Select<>();
    final TextField location = new TextField();
    final Select<NtaEdition> edition = new Select<>();
    final PasswordField applicationId = new PasswordField();
    final Button save = new Button();
    final Button syncNow = new Button();
    final Paragraph status = new Paragraph();
    final ScheduleEditor schedule;

    private final LegalEntitySyncService sync;
    private final LegalEntityService service;
    private final Consumer<LegalEntityRun> onFinished;
    private LegalEntitySourceSettings settings;
    private long watching;
    private Registration polling;

    LegalEntitySourcePanel(
            LegalEntitySyncService sync,
            LegalEntitySchedule scheduleService,
            LegalEntityService service,
            Consumer<LegalEntityRun> onFinished) {
        this.sync = sync;
        this.service = service;
        this.onFinished = onFinished;
        type.setLabel(getTranslation("legalEntity.source.type"));
        type.setItems(SourceType.NONE, SourceType.FILE, SourceType.HTTP, SourceType.WEB_API);
        type.setItemLabelGenerator(t -> getTranslation("legalEntity.source.type." + t.name()));
        type.setId("legal-entity-source-type");
        location.setLabel(getTranslation("legalEntity.source.location"));
        location.setWidth("32em");
        location.setMaxLength(1000);
        location.setId("legal-entity-source-location");
        edition.setLabel(getTranslation("legalEntity.edition"));
        edition.setItems(NtaEdition.values());
        edition.setItemLabelGenerator(e -> getTranslation(e.messageKey()));
        applicationId.setLabel(getTranslation("legalEntity.source.applicationId"));
        applicationId.setMaxLength(200);
        applicationId.setId("legal-entity-source-application-id");
        save.setText(getTranslation("legalEntity.source.save"));
        save.addClickListener(e -> save());
        save.setId("legal-entity-source-save");
        syncNow.setText(getTranslation("legalEntity.sync.now"));
        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncNow.addClickListener(e -> syncNow());
        syncNow.setId("legal-entity-sync-now");
        status.setId("legal-entity-sync-status");
        type.addValueChangeListener(e -> showType());
        schedule = new ScheduleEditor(scheduleService);
        getContent().setPadding(false);
        getContent()
                .add(
                        new H3(getTranslation("legalEntity.source.title")),
                        new Paragraph(getTranslation("legalEntity.source.intro")),
                        new HorizontalLayout(type, location, edition, applicationId),
                        new HorizontalLayout(save, syncNow),
                        status,
                        schedule);
        show(sync.source());
    }

    private void show(LegalEntitySourceSettings stored) {
        settings = stored;
        type.setValue(stored.type());
        location.setValue(stored.location() == null ? "" : stored.location());
        edition.setValue(stored.edition());
        applicationId.clear();
        applicationId.setPlaceholder(
                stored.applicationIdSet() ? getTranslation("legalEntity.source.applicationId.kept") : "");
        showType();
    }

    private void showType() {
        SourceType chosen = type.getValue() == null ? SourceType.NONE : type.getValue();
        location.setVisible(chosen != SourceType.NONE);
        edition.setVisible(chosen == SourceType.FILE || chosen == SourceType.HTTP);
        applicationId.setVisible(chosen == SourceType.WEB_API);
        location.setHelperText(getTranslation("legalEntity.source.location.help." + chosen.name()));
        if (chosen == SourceType.WEB_API && location.isEmpty()) {
            location.setValue(sync.defaultWebApiUrl());
        }
        syncNow.setEnabled(settings.isConfigured());
    }

    void save() {
        try {
            show(sync.saveSource(
                    type.getValue(),
                    location.getValue(),
                    edition.getValue(),
                    applicationId.getValue(),
                    settings.version()));
            Problems.clear(this);
            Notifications.success(getTranslation("legalEntity.source.saved"));
        } catch (ValidationException e) {
            String rest =
                    Problems.show(this, e, Map.of("location", location, "applicationId", applicationId, "type", type));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
        }
    }

    /** Starts the fetch in the background; the screen polls until its run has ended. */
    void syncNow() {
        try {
            watching = sync.startSync(LegalEntityRun.Trigger.MANUAL);
            status.setText(getTranslation("legalEntity.sync.started"));
            syncNow.setEnabled(false);
            UI.getCurrent().setPollInterval(1000);
        } catch (NoLegalEntitySourceException e) {
            Notifications.error(getTranslation("legalEntity.sync.noSource"));
        } catch (LegalEntitySyncBusyException e) {
            Notifications.error(getTranslation("legalEntity.sync.busy"));
        }
    }

    /** On each poll while a fetch started here runs: shows its outcome once it has ended. */
    void checkSync() {
        if (watching == 0) {
            return;
        }
        service.run(watching).filter(run -> run.outcome() != Outcome.RUNNING).ifPresent(run -> {
            watching = 0;
            syncNow.setEnabled(settings.isConfigured());
            status.setText("");
            UI.getCurrent().setPollInterval(-1);
            onFinished.accept(run);
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> checkSync());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
