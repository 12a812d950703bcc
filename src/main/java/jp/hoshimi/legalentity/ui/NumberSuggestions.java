package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.hoshimi.legalentity.LegalEntityCandidate;
import jp.hoshimi.legalentity.LegalEntityService;

/**
 * In the supplier editor, while the 法人番号 is empty (issue 21): candidates from the NTA data for the name,
 * reading and address as entered, each with "use this number" — confirmed first, and only filled into the
 * field: saving the supplier keeps it. Hidden when no NTA data is loaded.
 */
public class NumberSuggestions extends Composite<Div> {

    /** How many candidates the editor shows. */
    static final int SHOWN = 5;

    final Button search = new Button();
    final Div list = new Div();
    final Paragraph none = new Paragraph();
    final ContainsIndexNotice indexing;

    private final LegalEntityService legalEntities;
    private final Supplier<String> name;
    private final Supplier<String> reading;
    private final Supplier<String> address;
    private final Consumer<String> use;
    private final boolean dataLoaded;
    private List<LegalEntityCandidate> shown = List.of();

    public NumberSuggestions(
            LegalEntityService legalEntities,
            Supplier<String> name,
            Supplier<String> reading,
            Supplier<String> address,
            Consumer<String> use) {
        this.legalEntities = legalEntities;
        this.name = name;
        this.reading = reading;
        this.address = address;
        this.use = use;
        this.dataLoaded = legalEntities.lastSuccess().isPresent();
        Div root = getContent();
        root.setId("number-suggestions");
        root.addClassName("number-suggestions");
        Span title = new Span(getTranslation("legalEntity.suggest.title"));
        title.addClassName("field-label");
        search.setText(getTranslation("legalEntity.suggest.search"));
        search.setId("number-suggestions-search");
        search.addThemeVariants(ButtonVariant.LUMO_SMALL);
        search.addClickListener(click -> refresh());
        none.setId("number-suggestions-none");
        none.setVisible(false);
        list.setId("number-suggestions-list");
        indexing = new ContainsIndexNotice(legalEntities, "number-suggestions-indexing");
        root.add(new Div(title, search), indexing, none, list, attribution());
    }

    /** Shown (and searched) while the number is empty; hidden once there is one. */
    public void showFor(String corporateNumber) {
        boolean empty = corporateNumber == null || corporateNumber.isBlank();
        getContent().setVisible(dataLoaded && empty);
        if (dataLoaded
                && empty
                && shown.isEmpty()
                && name.get() != null
                && !name.get().isBlank()) {
            refresh();
        }
    }

    /** The candidates now shown, best first. */
    List<LegalEntityCandidate> shown() {
        return shown;
    }

    void refresh() {
        list.removeAll();
        String entered = name.get();
        shown = entered == null || entered.isBlank()
                ? List.of()
                : legalEntities.candidates(entered, reading.get(), address.get(), SHOWN);
        none.setText(getTranslation(
                entered == null || entered.isBlank() ? "legalEntity.suggest.enterName" : "legalEntity.suggest.none"));
        none.setVisible(shown.isEmpty());
        indexing.refresh();
        for (LegalEntityCandidate candidate : shown) {
            Button take = new Button(getTranslation("legalEntity.suggest.use"), click -> confirm(candidate));
            take.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            take.setId("use-" + candidate.entity().corporateNumber());
            Div row = new Div(Candidates.describe(this, candidate), take);
            row.addClassName("candidate-row");
            list.add(row);
        }
    }

    void confirm(LegalEntityCandidate candidate) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("use-number-confirm");
        dialog.setHeader(getTranslation("legalEntity.suggest.confirm.title"));
        dialog.setText(getTranslation("legalEntity.suggest.confirm.text", Candidates.oneLine(this, candidate)));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("legalEntity.suggest.use"));
        dialog.addConfirmListener(event -> use.accept(candidate.entity().corporateNumber()));
        dialog.open();
    }

    private Paragraph attribution() {
        Paragraph attribution = new Paragraph(getTranslation("legalEntity.attribution"));
        attribution.addClassName("nta-attribution");
        return attribution;
    }
}
