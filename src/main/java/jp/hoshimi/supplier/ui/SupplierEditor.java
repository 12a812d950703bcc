package jp.hoshimi.supplier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.LongConsumer;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;

/**
 * Create or edit a supplier in a dialog. Every problem the service finds is shown on its field; a save
 * over someone else's newer change offers to reload instead of overwriting it.
 */
class SupplierEditor extends Dialog {

    final TextField name = new TextField();
    final TextField nameKana = new TextField();
    final TextField corporateNumber = new TextField();
    final TextField supplierCode = new TextField();
    final TextField country = new TextField();
    final TextField address = new TextField();
    final TextField contactName = new TextField();
    final EmailField contactEmail = new EmailField();
    final TextArea notes = new TextArea();
    final Button save = new Button();

    final jp.hoshimi.legalentity.ui.NumberSuggestions suggestions;

    private final SupplierService suppliers;
    private final SupplierDetails existing;
    private final LongConsumer onSaved;

    /** @param existing null to create a new supplier */
    SupplierEditor(
            SupplierService suppliers,
            jp.hoshimi.legalentity.LegalEntityService legalEntities,
            SupplierDetails existing,
            LongConsumer onSaved) {
        this.suppliers = suppliers;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "supplier.editor.createTitle" : "supplier.editor.editTitle"));
        setWidth("min(52rem, 95vw)");
        setCloseOnOutsideClick(false);

        label(name, "supplier.field.name");
        name.setRequiredIndicatorVisible(true);
        label(nameKana, "supplier.field.nameKana");
        label(corporateNumber, "supplier.field.corporateNumber");
        corporateNumber.setHelperText(getTranslation("supplier.field.corporateNumber.help"));
        corporateNumber.setMaxLength(20);
        label(supplierCode, "supplier.field.supplierCode");
        label(country, "supplier.field.country");
        country.setMaxLength(2);
        country.setWidth("6em");
        label(address, "supplier.field.address");
        label(contactName, "supplier.field.contactName");
        contactEmail.setLabel(getTranslation("supplier.field.contactEmail"));
        notes.setLabel(getTranslation("supplier.field.notes"));
        notes.setMaxLength(4000);

        FormLayout form = new FormLayout(
                name, nameKana, corporateNumber, supplierCode, country, address, contactName, contactEmail, notes);
        form.setColspan(notes, 2);
        form.setColspan(address, 2);
        add(form);

        fill(existing == null ? SupplierForm.empty() : existing.toForm());
        // issue 21: while the number is empty, candidates from the NTA data; "use" fills the field, save keeps it
        suggestions = new jp.hoshimi.legalentity.ui.NumberSuggestions(
                legalEntities, name::getValue, nameKana::getValue, address::getValue, corporateNumber::setValue);
        add(suggestions);
        suggestions.showFor(corporateNumber.getValue());
        corporateNumber.addValueChangeListener(change -> suggestions.showFor(change.getValue()));

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setId("supplier-save");
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void label(TextField field, String key) {
        field.setLabel(getTranslation(key));
    }

    private void fill(SupplierForm form) {
        name.setValue(nullToEmpty(form.name()));
        nameKana.setValue(nullToEmpty(form.nameKana()));
        corporateNumber.setValue(nullToEmpty(form.corporateNumber()));
        supplierCode.setValue(nullToEmpty(form.supplierCode()));
        country.setValue(nullToEmpty(form.country()));
        address.setValue(nullToEmpty(form.address()));
        contactName.setValue(nullToEmpty(form.contactName()));
        contactEmail.setValue(nullToEmpty(form.contactEmail()));
        notes.setValue(nullToEmpty(form.notes()));
    }

    private SupplierForm form() {
        return new SupplierForm(
                corporateNumber.getValue(),
                supplierCode.getValue(),
                name.getValue(),
                nameKana.getValue(),
                country.getValue(),
                address.getValue(),
                contactName.getValue(),
                contactEmail.getValue(),
                notes.getValue());
    }

    void save() {
        try {
            long id;
            if (existing == null) {
                id = suppliers.create(form());
            } else {
                suppliers.update(existing.id(), existing.version(), form());
                id = existing.id();
            }
            close();
            Notifications.success(
                    getTranslation("supplier.editor.saved", name.getValue().strip()));
            onSaved.accept(id);
        } catch (ValidationException e) {
            String rest = Problems.show(
                    this,
                    e,
                    Map.of(
                            "name", name,
                            "nameKana", nameKana,
                            "corporateNumber", corporateNumber,
                            "supplierCode", supplierCode,
                            "country", country,
                            "address", address,
                            "contactName", contactName,
                            "contactEmail", contactEmail,
                            "notes", notes));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (ConcurrentEditException e) {
            offerReload();
        }
    }

    private void offerReload() {
        ConfirmDialog conflict = new ConfirmDialog();
        conflict.setHeader(getTranslation("concurrentEdit.title"));
        conflict.setText(getTranslation("concurrentEdit.text"));
        conflict.setConfirmText(getTranslation("concurrentEdit.reload"));
        conflict.setCancelable(true);
        conflict.setCancelText(getTranslation("action.cancel"));
        conflict.addConfirmListener(event -> {
            close();
            onSaved.accept(existing.id());
        });
        conflict.setId("concurrent-edit");
        conflict.open();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
