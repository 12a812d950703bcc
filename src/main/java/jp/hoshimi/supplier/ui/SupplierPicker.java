package jp.hoshimi.supplier.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;

/**
 * Choose a supplier by name, 法人番号 or code. The master can hold 100,000 rows, so the list is searched
 * lazily in SQL with the same normalisation as the supplier list.
 */
public class SupplierPicker extends ComboBox<SupplierListItem> {

    public SupplierPicker(SupplierService suppliers, String label) {
        setLabel(label);
        ComponentTexts.localise(this);
        setPlaceholder(getTranslation("supplier.list.search.placeholder"));
        setItemLabelGenerator(s -> s.name() + (s.corporateNumber() == null ? "" : "（" + s.corporateNumber() + "）"));
        setItems(
                query -> suppliers
                        .list(
                                new SupplierFilter(query.getFilter().orElse("")),
                                null,
                                query.getOffset(),
                                query.getLimit())
                        .stream());
    }
}
