package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The title row of a view: its name on the left, its controls on the right. */
public class ViewToolbar extends Composite<HorizontalLayout> {

    private final H2 heading;

    public ViewToolbar(String title, Component... controls) {
        HorizontalLayout layout = getContent();
        layout.addClassName("view-toolbar");
        layout.setWidthFull();
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.getStyle().set("flex-wrap", "wrap");
        heading = new H2(title);
        layout.add(heading);
        layout.setFlexGrow(1, heading);
        layout.add(controls);
    }

    public void setTitle(String title) {
        heading.setText(title);
    }
}
