package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.legalentity.LegalEntity;
import jp.hoshimi.legalentity.LegalEntityChange;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.ui.Formats;

/**
 * What the NTA data says of a supplier's 法人番号 (issue 21, supplier page): official name and reading,
 * kind, address, closed or merged with the successor, a hint when the master's name differs from the
 * official one (after the usual normalisation), the change history, and the NTA's attribution line.
 * Shows nothing when no NTA data is loaded or the supplier has no number.
 */
public class OfficialRecord extends Composite<Div> {

    final Paragraph nameDiffers = new Paragraph();
    final Paragraph status = new Paragraph();
    final Grid<LegalEntityChange> changes = new Grid<>();

    public OfficialRecord(LegalEntityService legalEntities, String corporateNumber, String masterName) {
        Div root = getContent();
        root.setId("official-record");
        root.addClassName("dashboard-section");
        if (corporateNumber == null || legalEntities.lastSuccess().isEmpty()) {
            root.setVisible(false);
            return;
        }
        root.add(new H3(getTranslation("legalEntity.section")));
        Optional<LegalEntity> found = legalEntities.entity(corporateNumber);
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("legalEntity.official.notFound"));
            none.setId("official-not-found");
            root.add(none, attribution());
            return;
        }
        LegalEntity entity = found.get();
        root.add(
                line("legalEntity.official.name", entity.name(), "official-name"),
                line("legalEntity.official.furigana", entity.furigana(), "official-furigana"),
                line("legalEntity.official.kind", getTranslation("legalEntity.kind." + entity.kind()), "official-kind"),
                line("legalEntity.official.address", entity.address(), "official-address"));
        status.setId("official-status");
        status.setText(getTranslation("legalEntity.official.status") + ": " + statusText(entity));
        root.add(status);
        if (!CompanyNames.normalize(masterName).equals(CompanyNames.normalize(entity.name()))) {
            nameDiffers.setId("official-name-differs");
            nameDiffers.addClassName("warning-text");
            nameDiffers.setText(getTranslation("legalEntity.official.nameDiffers", masterName));
            root.add(nameDiffers);
        }
        List<LegalEntityChange> history = legalEntities.historyOf(corporateNumber);
        if (!history.isEmpty()) {
            root.add(new H3(getTranslation("legalEntity.history")), historyGrid(history));
        }
        root.add(attribution());
    }

    private String statusText(LegalEntity entity) {
        if (entity.isMerged()) {
            return getTranslation(
                    "legalEntity.official.merged",
                    Formats.date(entity.closedOn()),
                    entity.successorName() == null ? "—" : entity.successorName(),
                    entity.successorCorporateNumber());
        }
        if (entity.isClosed()) {
            String cause =
                    entity.closeCause() == null ? "—" : getTranslation("legalEntity.closeCause." + entity.closeCause());
            return getTranslation("legalEntity.official.closed", Formats.date(entity.closedOn()), cause);
        }
        return getTranslation("legalEntity.official.active");
    }

    private Grid<LegalEntityChange> historyGrid(List<LegalEntityChange> history) {
        changes.setId("official-history");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.setAllRowsVisible(true);
        changes.addColumn(c -> Formats.date(c.changeDate())).setAutoWidth(true);
        changes.addColumn(c -> getTranslation(c.processMessageKey())
                        + (c.correct() ? " " + getTranslation("legalEntity.history.correction") : ""))
                .setAutoWidth(true);
        changes.addColumn(LegalEntityChange::name).setAutoWidth(true);
        changes.addColumn(LegalEntityChange::address).setFlexGrow(1);
        changes.setItems(history);
        return changes;
    }

    private Div line(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("field-label");
        Span text = new Span(value == null ? "—" : value);
        text.setId(id);
        return new Div(label, text);
    }

    private Paragraph attribution() {
        Paragraph attribution = new Paragraph(getTranslation("legalEntity.attribution"));
        attribution.addClassName("nta-attribution");
        attribution.setId("official-attribution");
        return attribution;
    }
}
