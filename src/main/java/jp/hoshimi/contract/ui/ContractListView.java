package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoon;

/** Placeholder until its issue is built; says what will come. */
@Route("contracts")
@Menu(title = "nav.contracts", icon = "vaadin:file-text-o", order = 20)
@PermitAll
class ContractListView extends VerticalLayout implements HasDynamicTitle {

    ContractListView() {
        add(new ComingSoon("nav.contracts", "comingSoon.contracts"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.contracts") + " | Hoshimi";
    }
}
