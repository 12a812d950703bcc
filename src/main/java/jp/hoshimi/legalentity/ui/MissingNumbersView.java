package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.hoshimi.legalentity.LegalEntityMatchService;
import jp.hoshimi.legalentity.LegalEntityMatchService.Acceptance;
import jp.hoshimi.legalentity.UnnumberedSupplier;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * Every supplier without 法人番号 in the user's scope with its best candidate from the NTA data (issue 21).
 * A person ticks the rows whose candidate is right and accepts them in one audited step; rows without a
 * candidate cannot be ticked. Nothing is set without that.
 */
@Route("suppliers/missing-numbers")
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class MissingNumbersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<UnnumberedSupplier> grid = new Grid<>();
    final Button accept = new Button();
    final Paragraph count = new Paragraph();

    private final LegalEntityMatchService match;

    final ContainsIndexNotice indexing;

    MissingNumbersView(LegalEntityMatchService match, jp.hoshimi.legalentity.LegalEntityService legalEntities) {
        this.match = match;
        this.indexing = new ContainsIndexNotice(legalEntities, "missing-numbers-indexing");
        setSizeFull();
        count.setId("missing-numbers-count");
        accept.setText(getTranslation("legalEntity.match.accept"));
        accept.setId("missing-numbers-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setEnabled(false);
        accept.addClickListener(click -> confirmAccept());

        grid.setId("missing-numbers-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setPageSize(25);
        grid.addColumn(UnnumberedSupplier::supplierCode)
                .setHeader(getTranslation("supplier.field.supplierCode"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.name() + (s.address() == null ? "" : "\n" + s.address()))
                .setHeader(getTranslation("legalEntity.match.supplier"))
                .setFlexGrow(1);
        grid.addComponentColumn(s -> s.best() == null
                        ? new Span(getTranslation("legalEntity.match.noCandidate"))
                        : Candidates.describe(this, s.best()))
                .setHeader(getTranslation("legalEntity.match.best"))
                .setFlexGrow(2);
        grid.setItems(query -> match.unnumbered(query.getOffset(), query.getLimit()).stream());
        grid.asMultiSelect().addValueChangeListener(change -> {
            // a row without a candidate has nothing to accept
            change.getValue().stream()
                    .filter(s -> s.best() == null)
                    .forEach(s -> grid.asMultiSelect().deselect(s));
            accept.setEnabled(!grid.getSelectedItems().isEmpty());
            accept.setText(getTranslation(
                    "legalEntity.match.acceptN", grid.getSelectedItems().size()));
        });

        Paragraph attribution = new Paragraph(getTranslation("legalEntity.attribution"));
        attribution.addClassName("nta-attribution");
        add(
                new ViewToolbar(getTranslation("legalEntity.match.title"), accept),
                new Paragraph(getTranslation("legalEntity.match.intro")),
                indexing,
                count,
                grid,
                attribution);
        setFlexGrow(1, grid);
        refreshCount();
    }

    private void refreshCount() {
        count.setText(getTranslation("legalEntity.match.count", match.countUnnumbered()));
    }

    void confirmAccept() {
        List<UnnumberedSupplier> chosen =
                grid.getSelectedItems().stream().filter(s -> s.best() != null).toList();
        if (chosen.isEmpty()) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("missing-numbers-confirm");
        dialog.setHeader(getTranslation("legalEntity.match.confirm.title", chosen.size()));
        dialog.setText(getTranslation("legalEntity.match.confirm.text", chosen.size()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("legalEntity.match.accept"));
        dialog.addConfirmListener(event -> acceptAll(chosen));
        dialog.open();
    }

    void acceptAll(List<UnnumberedSupplier> chosen) {
        try {
            int changed = match.accept(chosen.stream()
                    .map(s -> new Acceptance(
                            s.id(), s.version(), s.best().entity().corporateNumber()))
                    .toList());
            Notifications.success(getTranslation("legalEntity.match.accepted", changed));
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("legalEntity.match.stale"));
        } catch (ValidationException e) {
            Notifications.error(jp.hoshimi.shared.ui.Problems.describe(this, e));
        } catch (NotFoundException e) {
            Notifications.error(getTranslation("legalEntity.match.gone"));
        }
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        refreshCount();
        indexing.refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("legalEntity.match.title");
    }
}
