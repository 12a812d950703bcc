package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** What a screen with nothing to show says instead: what to do, with links to where it is done (issue 24). */
public class EmptyState extends Div {

    /** @param links pairs of route and message key of the link text */
    public EmptyState(String id, String text, String... links) {
        setId(id);
        addClassName("empty-state");
        add(new Paragraph(text));
        Div actions = new Div();
        actions.addClassName("empty-state-links");
        for (int i = 0; i + 1 < links.length; i += 2) {
            actions.add(new Anchor(links[i], getTranslation(links[i + 1])));
        }
        if (links.length > 0) {
            add(actions);
        }
    }
}
