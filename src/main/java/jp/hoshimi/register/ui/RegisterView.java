package jp.hoshimi.register.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoon;

/** Placeholder until its issue is built; says what will come. */
@Route("register")
@Menu(title = "nav.register", icon = "vaadin:book", order = 30)
@PermitAll
class RegisterView extends VerticalLayout implements HasDynamicTitle {

    RegisterView() {
        add(new ComingSoon("nav.register", "comingSoon.register"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.register") + " | Hoshimi";
    }
}
