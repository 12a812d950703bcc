package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import jp.hoshimi.outreach.ContactForm;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.SupplierContact;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ScreenWidth;

/** The supplier page's contacts: who to write to, one of them primary; edited in a dialog (issue 19). */
public class ContactsSection extends VerticalLayout {

    private final ContactService contacts;
    private final long supplierId;
    private final boolean canEdit;
    final Grid<SupplierContact> grid = new Grid<>();
    final Button add = new Button();

    public ContactsSection(ContactService contacts, long supplierId, boolean canEdit) {
        this.contacts = contacts;
        this.supplierId = supplierId;
        this.canEdit = canEdit;
        setId("supplier-contacts");
        setPadding(false);
        add.setText(getTranslation("contact.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.setId("contact-add");
        add.setVisible(canEdit);
        add.addClickListener(click -> new ContactDialog(null).open());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(c -> c.primary() ? getTranslation("contact.primary.mark") + " " + c.name() : c.name())
                .setHeader(getTranslation("contact.field.name"))
                .setFlexGrow(2);
        Grid.Column<SupplierContact> department = grid.addColumn(SupplierContact::department)
                .setHeader(getTranslation("contact.field.department"))
                .setFlexGrow(2);
        grid.addColumn(SupplierContact::email)
                .setHeader(getTranslation("contact.field.email"))
                .setFlexGrow(3);
        Grid.Column<SupplierContact> phone = grid.addColumn(SupplierContact::phone)
                .setHeader(getTranslation("contact.field.phone"))
                .setAutoWidth(true);
        ScreenWidth.switchColumns(grid, List.of(), List.of(department, phone));
        grid.setEmptyStateText(getTranslation("contact.none"));
        if (canEdit) {
            grid.addItemClickListener(click -> new ContactDialog(click.getItem()).open());
        }
        add(add, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(contacts.contacts(supplierId));
    }

    /** Adds a contact, or edits (or deletes) one. */
    class ContactDialog extends Dialog {
        final TextField name = new TextField();
        final TextField department = new TextField();
        final EmailField email = new EmailField();
        final TextField phone = new TextField();
        final Checkbox primary = new Checkbox();
        private final SupplierContact existing;

        ContactDialog(SupplierContact existing) {
            this.existing = existing;
            setId("contact-dialog");
            setHeaderTitle(getTranslation(existing == null ? "contact.add" : "contact.edit"));
            name.setLabel(getTranslation("contact.field.name"));
            name.setId("contact-name");
            department.setLabel(getTranslation("contact.field.department"));
            email.setLabel(getTranslation("contact.field.email"));
            email.setId("contact-email");
            phone.setLabel(getTranslation("contact.field.phone"));
            primary.setLabel(getTranslation("contact.field.primary"));
            primary.setId("contact-primary");
            if (existing != null) {
                name.setValue(nullToEmpty(existing.name()));
                department.setValue(nullToEmpty(existing.department()));
                email.setValue(nullToEmpty(existing.email()));
                phone.setValue(nullToEmpty(existing.phone()));
                primary.setValue(existing.primary());
            }
            add(new FormLayout(name, department, email, phone, primary));
            Button save = new Button(getTranslation("action.save"), click -> save());
            save.setId("contact-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("action.cancel"), click -> close());
            getFooter().add(cancel, save);
            if (existing != null && canEdit) {
                Button delete = new Button(getTranslation("action.delete"), click -> delete());
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                getFooter().add(delete);
            }
        }

        ContactForm form() {
            return new ContactForm(
                    name.getValue(), department.getValue(), email.getValue(), phone.getValue(), primary.getValue());
        }

        void save() {
            try {
                if (existing == null) {
                    contacts.add(supplierId, form());
                } else {
                    contacts.update(supplierId, existing.id(), existing.version(), form());
                }
                Notifications.success(getTranslation("contact.saved"));
                close();
                refresh();
            } catch (ValidationException e) {
                String rest = Problems.show(
                        this, e, Map.of("name", name, "department", department, "email", email, "phone", phone));
                if (!rest.isBlank()) {
                    Notifications.error(rest);
                }
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("concurrentEdit.text"));
                close();
                refresh();
            }
        }

        void delete() {
            try {
                contacts.delete(supplierId, existing.id(), existing.version());
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("concurrentEdit.text"));
            }
            close();
            refresh();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
