package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * A list's filter fields in one wrapping row. On a phone (the theme's breakpoint) they fold away behind a
 * "Filters (n)" button, so that the list itself has the screen; on wider screens the button is hidden.
 */
public class ListFilters extends Composite<Div> {

    private final Button toggle = new Button();

    public ListFilters(String idPrefix, Component... fields) {
        Div root = getContent();
        root.addClassName("list-filter-bar");
        toggle.setIcon(VaadinIcon.FILTER.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName("filters-toggle");
        toggle.setId(idPrefix + "-filters-toggle");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(click -> {
            boolean open = !root.hasClassName("is-open");
            root.setClassName("is-open", open);
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        setActive(0);
        HorizontalLayout row = new HorizontalLayout(fields);
        row.addClassName("list-filters");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        root.add(toggle, row);
    }

    /** How many filters are set, shown on the button so that a folded filter is not forgotten. */
    public void setActive(int count) {
        toggle.setText(count == 0 ? getTranslation("list.filters") : getTranslation("list.filters.active", count));
    }
}
