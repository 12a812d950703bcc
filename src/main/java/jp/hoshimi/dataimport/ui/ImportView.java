package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportQueueFullException;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportTemplate;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * Upload a spreadsheet of suppliers, contracts or sub-contractor links, and the history of imports.
 * Uploading checks the file and opens its preview; nothing is written before the user applies it there.
 */
@Route("imports")
@Menu(title = "nav.imports", icon = "vaadin:upload", order = 40)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class ImportView extends VerticalLayout implements HasDynamicTitle {

    final RadioButtonGroup<ImportKind> kind = new RadioButtonGroup<>();
    final Upload upload = ComponentTexts.upload();
    final Grid<ImportRun> history = new Grid<>();
    private final ImportService imports;

    ImportView(ImportService imports, CurrentUser user) {
        this.imports = imports;
        setSizeFull();
        add(new ViewToolbar(getTranslation("import.title")));
        boolean mayImport =
                user.hasRole(Role.PROCUREMENT) || user.hasRole(Role.RISK_MANAGER) || user.hasRole(Role.ADMIN);
        if (mayImport) {
            add(uploadCard(user.hasRole(Role.ADMIN)));
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("import.auditor.readOnly"));
            readOnly.setId("import-read-only");
            readOnly.addClassName("import-status-box");
            add(readOnly);
        }
        H3 historyTitle = new H3(getTranslation("import.history.title"));
        history.setId("import-history");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setSizeFull();
        history.setMinHeight("240px");
        history.setEmptyStateText(getTranslation("import.history.empty"));
        history.addColumn(run -> Formats.dateTime(run.createdAt()))
                .setHeader(getTranslation("import.history.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(run -> getTranslation(run.kind().messageKey()))
                .setHeader(getTranslation("import.history.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(ImportRun::fileName)
                .setHeader(getTranslation("import.history.file"))
                .setFlexGrow(1);
        history.addComponentColumn(StatusBadge::new)
                .setHeader(getTranslation("import.history.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(run -> getTranslation(
                        "import.history.counts",
                        run.counts().added(),
                        run.counts().changed(),
                        run.counts().unchanged(),
                        run.counts().error()))
                .setHeader(getTranslation("import.history.rows"))
                .setAutoWidth(true);
        history.addColumn(ImportRun::startedBy)
                .setHeader(getTranslation("import.history.by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.setItems(
                query -> imports.runs(query.getOffset(), query.getLimit()).stream(), query -> imports.countRuns());
        history.addItemClickListener(
                e -> UI.getCurrent().navigate(ImportRunView.class, e.getItem().id()));
        add(historyTitle, history);
    }

    private Div uploadCard(boolean administrator) {
        Div card = new Div();
        card.addClassName("import-card");
        kind.setId("import-kind");
        kind.setLabel(getTranslation("import.kind.label"));
        // users are imported by administrators only (issue 14)
        kind.setItems(java.util.Arrays.stream(ImportKind.values())
                .filter(k -> administrator || k != ImportKind.USERS)
                .toList());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(ImportKind.SUPPLIERS);
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileBytes()));
        upload.setAcceptedFileTypes(".xlsx", ".xls", ".csv", ".txt", ".tsv");
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("import.upload.drop")));
        upload.setUploadHandler(event -> {
            ImportKind chosen = kind.getValue();
            try (InputStream in = event.getInputStream()) {
                long id = imports.submit(chosen, event.getFileName(), in, false);
                event.getUI().access(() -> event.getUI().navigate(ImportRunView.class, id));
            } catch (ImportQueueFullException e) {
                event.getUI().access(() -> Notifications.error(getTranslation("import.queue.full")));
            }
        });
        upload.addFileRejectedListener(e -> Notifications.error(
                getTranslation("import.upload.rejected", e.getFileName(), imports.maxFileBytes() / (1024 * 1024))));
        Paragraph help = new Paragraph(getTranslation("import.upload.help", imports.maxFileBytes() / (1024 * 1024)));
        help.addClassName("import-help");
        Anchor template = new Anchor(
                XlsxDownload.of(() -> "hoshimi-import-template.xlsx", ImportTemplate::write),
                getTranslation("import.template.download"));
        template.setId("import-template");
        template.getElement().setAttribute("download", true);
        template.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        card.add(kind, upload, help, template);
        return card;
    }

    /** For tests: what the upload does with a file. */
    long startImport(ImportKind chosen, String fileName, InputStream content) {
        return imports.submit(chosen, fileName, content, false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " | Hoshimi";
    }
}
