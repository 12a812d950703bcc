package jp.hoshimi.dashboard.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoon;

/** Placeholder until its issue is built; says what will come. */
@Route("")
@Menu(title = "nav.dashboard", icon = "vaadin:dashboard", order = 0)
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    DashboardView() {
        add(new ComingSoon("nav.dashboard", "comingSoon.dashboard"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " | Hoshimi";
    }
}
