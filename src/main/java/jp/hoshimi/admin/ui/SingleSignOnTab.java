package jp.hoshimi.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.sso.RoleMapping;
import jp.hoshimi.security.sso.SsoMappingService;
import jp.hoshimi.security.sso.SsoProperties;
import jp.hoshimi.security.sso.UnitMapping;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/**
 * Single sign-on (シングルサインオン): which values of the provider's groups claim give which role and which
 * organisation unit. Users signing in through the provider get them at each sign-in.
 */
class SingleSignOnTab extends VerticalLayout {

    final Grid<RoleMapping> roleMappings = new Grid<>();
    final Grid<UnitMapping> unitMappings = new Grid<>();
    final TextField roleClaim = new TextField();
    final Select<Role> role = new Select<>();
    final Button addRole = new Button();
    final TextField unitClaim = new TextField();
    final Select<OrgUnit> unit = new Select<>();
    final Button addUnit = new Button();
    private final SsoMappingService mappings;

    SingleSignOnTab(SsoMappingService mappings, OrgUnitService orgUnits, SsoProperties sso) {
        this.mappings = mappings;
        setPadding(false);
        Paragraph status = new Paragraph(
                sso.enabled()
                        ? getTranslation("sso.admin.configured", sso.providerName(), sso.issuerUri(), sso.groupsClaim())
                        : getTranslation("sso.admin.notConfigured"));
        status.addClassName("tab-note");
        status.setId("sso-status");

        configureClaimField(roleClaim, "sso-role-claim");
        role.setLabel(getTranslation("apiToken.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setId("sso-role");
        configureAddButton(addRole, "sso-role-add", this::addRoleMapping);
        roleMappings.setId("sso-role-grid");
        roleMappings.addColumn(RoleMapping::claimValue).setHeader(getTranslation("sso.admin.claimValue"));
        roleMappings.addColumn(m -> getTranslation(m.role().messageKey())).setHeader(getTranslation("apiToken.role"));
        roleMappings
                .addComponentColumn(m -> removeButton(() -> mappings.removeRoleMapping(m.id())))
                .setAutoWidth(true)
                .setFlexGrow(0);

        configureClaimField(unitClaim, "sso-unit-claim");
        unit.setLabel(getTranslation("contract.field.orgUnit"));
        unit.setItems(orgUnits.all());
        unit.setItemLabelGenerator(OrgUnit::name);
        unit.setId("sso-unit");
        configureAddButton(addUnit, "sso-unit-add", this::addUnitMapping);
        unitMappings.setId("sso-unit-grid");
        unitMappings.addColumn(UnitMapping::claimValue).setHeader(getTranslation("sso.admin.claimValue"));
        unitMappings.addColumn(UnitMapping::orgUnitName).setHeader(getTranslation("contract.field.orgUnit"));
        unitMappings
                .addComponentColumn(m -> removeButton(() -> mappings.removeUnitMapping(m.id())))
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (Grid<?> grid : new Grid<?>[] {roleMappings, unitMappings}) {
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
            grid.setAllRowsVisible(true);
        }

        Paragraph rules = new Paragraph(getTranslation("sso.admin.rules"));
        rules.addClassName("tab-note");
        add(
                status,
                new H4(getTranslation("sso.admin.roles")),
                row(roleClaim, role, addRole),
                roleMappings,
                new H4(getTranslation("sso.admin.units")),
                row(unitClaim, unit, addUnit),
                unitMappings,
                rules);
        refresh();
    }

    private void configureClaimField(TextField field, String id) {
        field.setLabel(getTranslation("sso.admin.claimValue"));
        field.setPlaceholder(getTranslation("sso.admin.claimValue.placeholder"));
        field.setMaxLength(255);
        field.setWidth("22em");
        field.setId(id);
    }

    private void configureAddButton(Button button, String id, Runnable add) {
        button.setText(getTranslation("sso.admin.add"));
        button.setIcon(VaadinIcon.PLUS.create());
        button.setId(id);
        button.addClickListener(click -> add.run());
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Button removeButton(Runnable remove) {
        Button button = new Button(getTranslation("sso.admin.remove"), click -> {
            remove.run();
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void addRoleMapping() {
        try {
            mappings.addRoleMapping(roleClaim.getValue(), role.getValue());
            roleClaim.clear();
            saved();
        } catch (ValidationException e) {
            showProblems(e, Map.of("claimValue", roleClaim, "role", role));
        }
    }

    private void addUnitMapping() {
        try {
            mappings.addUnitMapping(
                    unitClaim.getValue(),
                    unit.getValue() == null ? null : unit.getValue().id());
            unitClaim.clear();
            saved();
        } catch (ValidationException e) {
            showProblems(e, Map.of("claimValue", unitClaim, "orgUnitId", unit));
        }
    }

    private void saved() {
        roleClaim.setInvalid(false);
        unitClaim.setInvalid(false);
        Notifications.success(getTranslation("sso.admin.saved"));
        refresh();
    }

    private void showProblems(ValidationException e, Map<String, ? extends HasValidation> fields) {
        String rest = Problems.show(this, e, fields);
        if (!rest.isEmpty()) {
            Notifications.error(rest);
        }
    }

    private void refresh() {
        roleMappings.setItems(mappings.roleMappings());
        unitMappings.setItems(mappings.unitMappings());
    }
}
