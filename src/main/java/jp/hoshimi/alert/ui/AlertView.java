package jp.hoshimi.alert.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoonView;

/** Placeholder until its issue is built; says what will come. */
@Route("alerts")
@Menu(title = "nav.alerts", icon = "vaadin:bell", order = 50)
@PermitAll
class AlertView extends ComingSoonView {

    AlertView() {
        super("alerts");
    }
}
