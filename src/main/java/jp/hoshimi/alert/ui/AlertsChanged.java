package jp.hoshimi.alert.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the person read alerts here, so the bell in the header counts again. */
class AlertsChanged extends ComponentEvent<UI> {

    AlertsChanged(UI source) {
        super(source, false);
    }

    static void fire(UI ui) {
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new AlertsChanged(ui));
        }
    }
}
