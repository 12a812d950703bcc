package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Placeholder for a view whose feature is still to be built: says what will be there. */
public class ComingSoon extends Composite<VerticalLayout> {

    public ComingSoon(String titleKey, String descriptionKey) {
        VerticalLayout layout = getContent();
        layout.addClassName("coming-soon");
        Span badge = new Span(getTranslation("comingSoon.badge"));
        badge.getElement().getThemeList().add("badge contrast");
        layout.add(new H2(getTranslation(titleKey)), badge, new Paragraph(getTranslation(descriptionKey)));
    }
}
