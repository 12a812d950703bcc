package jp.hoshimi.contract.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.hoshimi.shared.ui.ComingSoonView;

/** Placeholder until its issue is built; says what will come. */
@Route("contracts")
@Menu(title = "nav.contracts", icon = "vaadin:file-text-o", order = 20)
@PermitAll
class ContractListView extends ComingSoonView {

    ContractListView() {
        super("contracts");
    }
}
