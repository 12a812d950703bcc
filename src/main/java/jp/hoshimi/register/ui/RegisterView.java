package jp.hoshimi.register.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoonView;

/** Placeholder until its issue is built; says what will come. */
@Route("register")
@Menu(title = "nav.register", icon = "vaadin:book", order = 30)
@PermitAll
class RegisterView extends ComingSoonView {

    RegisterView() {
        super("register");
    }
}
