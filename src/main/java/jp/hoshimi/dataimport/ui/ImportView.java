package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.ui.ComingSoon;

/** Placeholder until its issue is built; says what will come. */
@Route("imports")
@Menu(title = "nav.imports", icon = "vaadin:upload", order = 40)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
class ImportView extends VerticalLayout implements HasDynamicTitle {

    ImportView() {
        add(new ComingSoon("nav.imports", "comingSoon.imports"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.imports") + " | Hoshimi";
    }
}
