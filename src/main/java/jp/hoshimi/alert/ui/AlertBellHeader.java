package jp.hoshimi.alert.ui;

import com.vaadin.flow.component.html.Span;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.ui.HeaderContribution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts the alert bell into the header of every signed-in screen. */
@Component
@Order(20)
class AlertBellHeader implements HeaderContribution {

    private final AlertService alerts;
    private final CurrentUser currentUser;

    AlertBellHeader(AlertService alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        if (currentUser.get().isEmpty()) {
            return new Span(); // the layout around an error page for someone not signed in
        }
        return new AlertBell(alerts);
    }
}
