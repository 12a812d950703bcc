package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import jp.hoshimi.shared.ComplianceStatus;

/** The lists' status filter: any number of compliance statuses, worst first; none chosen shows all. */
public class StatusFilter extends MultiSelectComboBox<ComplianceStatus> {

    public StatusFilter(String id) {
        setLabel(getTranslation("list.filter.status"));
        setItems(ComplianceStatus.values());
        setItemLabelGenerator(status -> getTranslation(status.messageKey()));
        setPlaceholder(getTranslation("filter.all"));
        setClearButtonVisible(true);
        setId(id);
        setWidthFull();
        setMaxWidth("20em");
    }
}
