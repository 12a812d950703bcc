package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ui.ComingSoonView;

/** Placeholder until its issue is built; says what will come. */
@Route("imports")
@Menu(title = "nav.imports", icon = "vaadin:upload", order = 40)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
class ImportView extends ComingSoonView {

    ImportView() {
        super("imports");
    }
}
