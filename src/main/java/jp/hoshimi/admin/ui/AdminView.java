package jp.hoshimi.admin.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ui.ComingSoonView;

/** Placeholder until its issue is built; says what will come. */
@Route("admin")
@Menu(title = "nav.admin", icon = "vaadin:cog", order = 60)
@RolesAllowed(Role.ADMIN_NAME)
class AdminView extends ComingSoonView {

    AdminView() {
        super("admin");
    }
}
