package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import jp.hoshimi.legalentity.LegalEntity;
import jp.hoshimi.legalentity.LegalEntityCandidate;
import jp.hoshimi.shared.ui.Formats;

/**
 * How a candidate for a missing 法人番号 is shown wherever one is offered: enough to tell 700 companies of
 * one name apart — name and number, address, kind, closed or not, how it matched and its score.
 */
public final class Candidates {

    private Candidates() {}

    /** The candidate as two lines: name and number; address, kind, match, score and, when closed, a mark. */
    public static Component describe(Component translator, LegalEntityCandidate candidate) {
        LegalEntity e = candidate.entity();
        Span name = new Span(e.name() + " (" + e.corporateNumber() + ")");
        name.addClassName("candidate-name");
        StringBuilder facts = new StringBuilder();
        facts.append(e.address() == null ? "—" : e.address())
                .append(" · ")
                .append(translator.getTranslation("legalEntity.kind." + e.kind()))
                .append(" · ")
                .append(translator.getTranslation(candidate.match().messageKey()))
                .append(" · ")
                .append(translator.getTranslation("legalEntity.candidate.score", candidate.score()));
        Span details = new Span(facts.toString());
        details.addClassName("candidate-facts");
        Div box = new Div(name, new Div(details));
        box.addClassName("candidate");
        if (e.isClosed()) {
            Span closed = new Span(translator.getTranslation(
                    e.isMerged() ? "legalEntity.candidate.merged" : "legalEntity.candidate.closed",
                    Formats.date(e.closedOn())));
            closed.getElement().getThemeList().add("badge error small");
            closed.addClassName("candidate-closed");
            box.add(closed);
        }
        return box;
    }

    /** One line, for a confirmation text or a grid cell's title. */
    public static String oneLine(Component translator, LegalEntityCandidate candidate) {
        LegalEntity e = candidate.entity();
        return e.name() + " (" + e.corporateNumber() + ", " + (e.address() == null ? "—" : e.address()) + ")";
    }
}
