package jp.hoshimi.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.hoshimi.organisation.Membership;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.EmptyState;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/** The group's organisation units as a tree, and which users belong where (their data scope). */
class OrganisationTab extends VerticalLayout {

    final TreeGrid<OrgUnit> units = new TreeGrid<>();
    final Grid<Membership> members = new Grid<>();
    final Button addUnit = new Button();
    private final OrgUnitService orgUnits;
    private Map<Long, OrgUnit> unitsById = Map.of();

    OrganisationTab(OrgUnitService orgUnits) {
        this.orgUnits = orgUnits;
        setPadding(false);

        addUnit.setText(getTranslation("orgUnit.create"));
        addUnit.setIcon(VaadinIcon.PLUS.create());
        addUnit.setId("org-unit-create");
        addUnit.addClickListener(click -> openCreateUnit());
        units.addHierarchyColumn(OrgUnit::name)
                .setHeader(getTranslation("orgUnit.name"))
                .setFlexGrow(2);
        units.addColumn(OrgUnit::code).setHeader(getTranslation("orgUnit.code")).setAutoWidth(true);
        units.setAllRowsVisible(true);
        units.setId("org-unit-tree");
        // a fresh install: say what to do instead of an empty table (issue 24)
        units.setEmptyStateComponent(new EmptyState("org-unit-empty", getTranslation("orgUnit.empty")));

        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        members.addColumn(Membership::displayName)
                .setHeader(getTranslation("membership.user"))
                .setAutoWidth(true);
        members.addColumn(Membership::username)
                .setHeader(getTranslation("apiToken.name"))
                .setAutoWidth(true);
        members.addColumn(this::scopeText)
                .setHeader(getTranslation("membership.scope"))
                .setFlexGrow(2);
        members.addComponentColumn(m -> {
                    Button edit = new Button(getTranslation("action.edit"), click -> openMembership(m));
                    edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return edit;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        members.setAllRowsVisible(true);
        members.setId("membership-grid");

        add(
                new H4(getTranslation("orgUnit.title")),
                addUnit,
                units,
                new H4(getTranslation("membership.title")),
                members);
        refresh();
    }

    private String scopeText(Membership membership) {
        if (membership.groupWide()) {
            return getTranslation("apiToken.wholeGroup");
        }
        if (membership.unitIds().isEmpty()) {
            return getTranslation("membership.none");
        }
        return membership.unitIds().stream()
                .map(id -> unitsById.containsKey(id) ? unitsById.get(id).name() : "#" + id)
                .sorted()
                .collect(Collectors.joining("、"));
    }

    private void refresh() {
        List<OrgUnit> all = orgUnits.all();
        unitsById = all.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        TreeData<OrgUnit> tree = new TreeData<>();
        all.stream().filter(u -> u.parentId() == null).forEach(root -> addWithChildren(tree, null, root, all));
        units.setDataProvider(new TreeDataProvider<>(tree));
        units.expandRecursively(tree.getRootItems(), Integer.MAX_VALUE);
        members.setItems(orgUnits.memberships());
    }

    private static void addWithChildren(TreeData<OrgUnit> tree, OrgUnit parent, OrgUnit unit, List<OrgUnit> all) {
        tree.addItem(parent, unit);
        all.stream()
                .filter(u -> Long.valueOf(unit.id()).equals(u.parentId()))
                .forEach(child -> addWithChildren(tree, unit, child, all));
    }

    private void openCreateUnit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("orgUnit.create"));
        TextField code = new TextField(getTranslation("orgUnit.code"));
        TextField name = new TextField(getTranslation("orgUnit.name"));
        Select<OrgUnit> parent = new Select<>();
        parent.setLabel(getTranslation("orgUnit.parent"));
        parent.setEmptySelectionAllowed(true);
        parent.setEmptySelectionCaption(getTranslation("orgUnit.topLevel"));
        parent.setItems(orgUnits.all());
        parent.setItemLabelGenerator(u -> u == null ? getTranslation("orgUnit.topLevel") : u.name());
        dialog.add(new FormLayout(code, name, parent));
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                orgUnits.create(
                        code.getValue(),
                        name.getValue(),
                        parent.getValue() == null ? null : parent.getValue().id());
                dialog.close();
                refresh();
            } catch (ValidationException e) {
                Problems.show(this, e, Map.of("code", code, "name", name));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    void openMembership(Membership membership) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(membership.displayName());
        MultiSelectComboBox<OrgUnit> chosen = ComponentTexts.multiSelectComboBox(getTranslation("membership.units"));
        chosen.setItems(orgUnits.all());
        chosen.setItemLabelGenerator(OrgUnit::name);
        Set<OrgUnit> current = new HashSet<>();
        membership.unitIds().forEach(id -> current.add(unitsById.get(id)));
        chosen.setValue(current);
        chosen.setWidthFull();
        Checkbox groupWide = new Checkbox(getTranslation("membership.groupWide"), membership.groupWide());
        groupWide.setHelperText(getTranslation("membership.groupWide.help"));
        dialog.add(new FormLayout(chosen, groupWide));
        Button save = new Button(getTranslation("action.save"), click -> {
            orgUnits.assign(
                    membership.userId(),
                    chosen.getValue().stream().map(OrgUnit::id).collect(Collectors.toSet()),
                    groupWide.getValue());
            dialog.close();
            Notifications.success(getTranslation("membership.saved", membership.displayName()));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }
}
