package jp.hoshimi.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.security.UserAccount;
import jp.hoshimi.security.UserForm;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/** Creates a user or changes one's name, e-mail, roles and units. */
class UserDialog extends Dialog {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final MultiSelectComboBox<OrgUnit> units;
    final Checkbox groupWide = new Checkbox();
    final Button save = new Button();

    /** {@code existing} null: a new user. {@code saver} throws ValidationException to keep the dialog open. */
    UserDialog(UserAccount existing, List<OrgUnit> allUnits, Consumer<UserForm> saver) {
        setHeaderTitle(getTranslation(existing == null ? "user.create" : "user.edit"));
        username.setLabel(getTranslation("user.username"));
        username.setId("user-username");
        displayName.setLabel(getTranslation("user.displayName"));
        displayName.setId("user-display-name");
        email.setLabel(getTranslation("user.email"));
        email.setId("user-email");
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation(role.messageKey()));
        roles.setId("user-roles");
        units = ComponentTexts.multiSelectComboBox(getTranslation("membership.units"));
        units.setItems(allUnits);
        units.setItemLabelGenerator(OrgUnit::name);
        units.setId("user-units");
        units.setHelperText(getTranslation("user.units.help"));
        groupWide.setLabel(getTranslation("membership.groupWide"));
        groupWide.setHelperText(getTranslation("membership.groupWide.help"));
        if (existing != null) {
            fill(existing, allUnits);
        }
        FormLayout form = new FormLayout(username, displayName, email, roles, units, groupWide);
        form.setColspan(units, 2);
        add(form);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        save.addClickListener(click -> save(saver));
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        setWidth("min(44rem, 95vw)");
    }

    private void fill(UserAccount user, List<OrgUnit> allUnits) {
        username.setValue(user.username());
        username.setReadOnly(true);
        displayName.setValue(user.displayName());
        email.setValue(user.email() == null ? "" : user.email());
        roles.setValue(user.roles());
        units.setValue(
                allUnits.stream().filter(u -> user.unitIds().contains(u.id())).collect(Collectors.toSet()));
        groupWide.setValue(user.groupWide());
    }

    private void save(Consumer<UserForm> saver) {
        Set<Long> unitIds = units.getValue().stream().map(OrgUnit::id).collect(Collectors.toSet());
        UserForm form = new UserForm(
                username.getValue(),
                displayName.getValue(),
                email.getValue(),
                roles.getValue(),
                unitIds,
                groupWide.getValue());
        try {
            saver.accept(form);
            close();
        } catch (ValidationException e) {
            String rest = Problems.show(
                    this,
                    e,
                    Map.of(
                            "username",
                            username,
                            "displayName",
                            displayName,
                            "email",
                            email,
                            "roles",
                            roles,
                            "unitIds",
                            units));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        }
    }
}
