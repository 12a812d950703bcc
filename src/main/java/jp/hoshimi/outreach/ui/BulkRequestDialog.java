package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import jp.hoshimi.outreach.BulkCandidate;
import jp.hoshimi.outreach.BulkPreview;
import jp.hoshimi.outreach.BulkResult;
import jp.hoshimi.outreach.FindingWorklist;
import jp.hoshimi.outreach.WorklistFilter;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;

/**
 * Asks every supplier of the findings list's filter at once (issue 19): first how many suppliers and a preview
 * of who gets asked and who is skipped and why, then, on confirmation, one request per supplier made and sent
 * (a progress bar while it runs) and a summary whose figures add up to the headline.
 */
class BulkRequestDialog extends Dialog {

    final Paragraph headline = new Paragraph();
    final Grid<BulkCandidate> preview = new Grid<>();
    final Button confirm = new Button();
    final ProgressBar progress = new ProgressBar();
    final Paragraph summary = new Paragraph();
    private final FindingWorklist worklist;
    private final WorklistFilter filter;
    private final Runnable done;
    BulkPreview shown;
    BulkResult result;

    BulkRequestDialog(FindingWorklist worklist, WorklistFilter filter, Runnable done) {
        this.worklist = worklist;
        this.filter = filter;
        this.done = done;
        setId("bulk-dialog");
        setHeaderTitle(getTranslation("bulk.title"));
        setWidth("min(60rem, 96vw)");
        shown = worklist.preview(filter);
        headline.setId("bulk-headline");
        headline.setText(getTranslation(
                "bulk.headline",
                shown.suppliers(),
                shown.asked().size(),
                shown.skipped().size()));
        Paragraph note = new Paragraph(getTranslation("bulk.note"));
        note.addClassName("tab-note");
        preview.setId("bulk-preview");
        preview.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        preview.addColumn(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::outcome))
                .setHeader(getTranslation("bulk.column.outcome"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        preview.addColumn(BulkCandidate::supplierName)
                .setHeader(getTranslation("request.column.supplier"))
                .setFlexGrow(2);
        preview.addColumn(c -> c.requestedLevel().label() + " / "
                        + getTranslation(c.gapType().messageKey()))
                .setHeader(getTranslation("request.field.level"))
                .setAutoWidth(true);
        preview.addColumn(c -> Formats.date(c.dueDate()))
                .setHeader(getTranslation("request.column.dueDate"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        preview.addColumn(c -> c.asked()
                        ? c.contactName() + " <" + c.contactEmail() + ">"
                        : getTranslation(c.skip().messageKey()))
                .setHeader(getTranslation("bulk.column.to"))
                .setFlexGrow(3);
        preview.addColumn(c -> String.valueOf(c.contracts().size()))
                .setHeader(getTranslation("request.field.contracts"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // asked first, then the skipped ones with their reason
        preview.setItems(java.util.stream.Stream.concat(shown.asked().stream(), shown.skipped().stream())
                .toList());
        preview.setHeight("22rem");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setId("bulk-progress");
        summary.setId("bulk-summary");
        summary.setVisible(false);
        add(headline, note, preview, progress, summary);
        confirm.setId("bulk-confirm");
        confirm.setText(getTranslation("bulk.confirm", shown.asked().size()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(!shown.asked().isEmpty());
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> start());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("bulk-cancel");
        getFooter().add(cancel, confirm);
    }

    private Span outcome(BulkCandidate c) {
        Span badge = new Span(getTranslation(c.asked() ? "bulk.outcome.ask" : "bulk.outcome.skip"));
        badge.getElement().getThemeList().add("badge small" + (c.asked() ? " success" : " contrast"));
        return badge;
    }

    /** Shows the progress bar first, then does the work on the next round trip so the bar is seen. */
    private void start() {
        progress.setVisible(true);
        headline.setText(getTranslation("bulk.running", shown.asked().size()));
        UI ui = UI.getCurrent();
        ui.getPage().executeJs("return 0").then(ignored -> ui.access(this::run));
    }

    void run() {
        try {
            result = worklist.ask(
                    filter, getLocale() != null && "en".equals(getLocale().getLanguage()) ? "en" : "ja");
        } catch (ValidationException e) {
            progress.setVisible(false);
            Notifications.error(getTranslation(e.problems().get(0).messageKey()));
            return;
        }
        progress.setVisible(false);
        headline.setText(getTranslation("bulk.doneHeadline", result.suppliers()));
        summary.setText(getTranslation(
                "bulk.summary",
                result.created(),
                result.skipped(BulkCandidate.Skip.NO_EMAIL),
                result.skipped(BulkCandidate.Skip.ALREADY_OPEN)));
        summary.setVisible(true);
        // the list now shows what happened to each supplier
        preview.setItems(java.util.stream.Stream.concat(
                        shown.asked().stream().filter(c -> !skippedNow(c)), result.skipped().stream())
                .toList());
        confirm.setVisible(false);
        getFooter().removeAll();
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("bulk-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        Notifications.success(getTranslation("bulk.done", result.created()));
        done.run();
    }

    private boolean skippedNow(BulkCandidate c) {
        return result.skipped().stream().anyMatch(s -> s.supplierId() == c.supplierId());
    }

    List<BulkCandidate> rows() {
        return preview.getGenericDataView().getItems().toList();
    }
}
