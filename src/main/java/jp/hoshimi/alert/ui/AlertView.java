package jp.hoshimi.alert.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoon;

/** Placeholder until its issue is built; says what will come. */
@Route("alerts")
@Menu(title = "nav.alerts", icon = "vaadin:bell", order = 50)
@PermitAll
class AlertView extends VerticalLayout implements HasDynamicTitle {

    AlertView() {
        add(new ComingSoon("nav.alerts", "comingSoon.alerts"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.alerts") + " | Hoshimi";
    }
}
