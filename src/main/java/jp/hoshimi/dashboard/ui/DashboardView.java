package jp.hoshimi.dashboard.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoonView;

/** Placeholder until its issue is built; says what will come. */
@Route("")
@Menu(title = "nav.dashboard", icon = "vaadin:dashboard", order = 0)
@PermitAll
class DashboardView extends ComingSoonView {

    DashboardView() {
        super("dashboard");
    }
}
