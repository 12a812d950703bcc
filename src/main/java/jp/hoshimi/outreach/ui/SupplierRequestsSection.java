package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.RequestFilter;
import jp.hoshimi.outreach.RequestService;

/** The supplier page's outreach tab: its requests, and a button to ask it for the level (issue 19). */
public class SupplierRequestsSection extends VerticalLayout {

    final Button ask = new Button();
    final RequestGrid grid;

    public SupplierRequestsSection(
            RequestService requests, ContactService contacts, long supplierId, String supplierName, boolean canAsk) {
        setPadding(false);
        setId("supplier-requests");
        ask.setText(getTranslation("request.new"));
        ask.setIcon(VaadinIcon.ENVELOPE_O.create());
        ask.setId("request-new");
        ask.setVisible(canAsk);
        ask.addClickListener(click -> new RequestDialog(requests, contacts, supplierId, supplierName).open());
        grid = new RequestGrid(requests);
        grid.setAllRowsVisible(true);
        grid.show(requests, new RequestFilter(null, null, supplierId));
        add(ask, grid);
    }
}
