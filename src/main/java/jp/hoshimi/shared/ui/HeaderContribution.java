package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;

/** Something a feature shows in the header of every signed-in screen (e.g. how current the register is). */
public interface HeaderContribution {

    /** A new component for one UI; called when the layout is built. */
    Component create();
}
