package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Paragraph;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.NameIndexProgress;

/**
 * Beside candidates from the NTA data: while the partial-name index is still being built after a very first
 * load (docs/decisions/0046), says that "contains" matches are incomplete, with the progress; hidden
 * otherwise. Equal names and readings are complete all along.
 */
public class ContainsIndexNotice extends Composite<Paragraph> {

    private final LegalEntityService legalEntities;

    public ContainsIndexNotice(LegalEntityService legalEntities, String id) {
        this.legalEntities = legalEntities;
        getContent().setId(id);
        getContent().addClassName("contains-index-notice");
        refresh();
    }

    /** Reads the progress again (after a search). */
    public void refresh() {
        NameIndexProgress progress = legalEntities.nameIndex();
        getContent().setVisible(progress.pending());
        if (progress.pending()) {
            getContent()
                    .setText(getTranslation(
                            "legalEntity.nameIndex.pending", progress.percent(), progress.built(), progress.total()));
        }
    }
}
