package jp.hoshimi.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.ApiTokenInfo;
import jp.hoshimi.security.ApiTokenService;
import jp.hoshimi.security.sso.SsoMappingService;
import jp.hoshimi.security.sso.SsoProperties;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/** Administration: API tokens for ERP integration (users, register sources and mail come later). */
@Route("admin")
@Menu(title = "nav.admin", icon = "vaadin:cog", order = 60)
@RolesAllowed(Role.ADMIN_NAME)
class AdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ApiTokenInfo> tokens = new Grid<>();
    final Button createToken = new Button();
    private final ApiTokenService apiTokens;
    private final Map<Long, String> unitNames;
    private final OrgUnitService orgUnits;

    AdminView(ApiTokenService apiTokens, OrgUnitService orgUnits, SsoMappingService ssoMappings, SsoProperties sso) {
        this.apiTokens = apiTokens;
        this.orgUnits = orgUnits;
        this.unitNames = orgUnits.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
        setSizeFull();

        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add(getTranslation("admin.tab.organisation"), new OrganisationTab(orgUnits));
        tabs.add(getTranslation("admin.tab.apiTokens"), tokensTab());
        tabs.add(getTranslation("admin.tab.sso"), new SingleSignOnTab(ssoMappings, orgUnits, sso));
        add(new ViewToolbar(getTranslation("nav.admin")), tabs);
    }

    private VerticalLayout tokensTab() {
        createToken.setText(getTranslation("apiToken.create"));
        createToken.setIcon(VaadinIcon.KEY.create());
        createToken.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createToken.setId("token-create");
        createToken.addClickListener(click -> openCreate());

        tokens.setId("token-grid");
        tokens.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        tokens.addColumn(ApiTokenInfo::name)
                .setHeader(getTranslation("apiToken.name"))
                .setAutoWidth(true);
        tokens.addColumn(t -> getTranslation(t.role().messageKey()))
                .setHeader(getTranslation("apiToken.role"))
                .setAutoWidth(true);
        tokens.addColumn(t ->
                        t.orgUnitId() == null ? getTranslation("apiToken.wholeGroup") : unitNames.get(t.orgUnitId()))
                .setHeader(getTranslation("contract.field.orgUnit"))
                .setAutoWidth(true);
        tokens.addColumn(t -> Formats.dateTime(t.createdAt()) + " (" + t.createdBy() + ")")
                .setHeader(getTranslation("apiToken.created"))
                .setAutoWidth(true);
        tokens.addColumn(t -> t.lastUsedAt() == null ? "—" : Formats.dateTime(t.lastUsedAt()))
                .setHeader(getTranslation("apiToken.lastUsed"))
                .setAutoWidth(true);
        tokens.addColumn(new ComponentRenderer<>(this::revokeCell)).setHeader(getTranslation("apiToken.status"));
        refresh();
        Paragraph intro = new Paragraph(getTranslation("apiToken.intro"));
        intro.addClassName("tab-note");
        VerticalLayout tab = new VerticalLayout(intro, createToken, tokens);
        tab.setPadding(false);
        return tab;
    }

    private com.vaadin.flow.component.Component revokeCell(ApiTokenInfo token) {
        if (!token.isActive()) {
            com.vaadin.flow.component.html.Span revoked = new com.vaadin.flow.component.html.Span(
                    getTranslation("apiToken.revokedAt", Formats.dateTime(token.revokedAt())));
            revoked.getElement().getThemeList().add("badge contrast");
            return revoked;
        }
        Button revoke = new Button(getTranslation("apiToken.revoke"), click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return revoke;
    }

    private void confirmRevoke(ApiTokenInfo token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("apiToken.revoke"));
        confirm.setText(getTranslation("apiToken.revoke.text", token.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("apiToken.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            apiTokens.revoke(token.id());
            refresh();
        });
        confirm.open();
    }

    void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("apiToken.create"));
        TextField name = new TextField(getTranslation("apiToken.name"));
        name.setId("token-name");
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("apiToken.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setValue(Role.AUDITOR);
        role.setId("token-role");
        Select<OrgUnit> unit = new Select<>();
        unit.setLabel(getTranslation("contract.field.orgUnit"));
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("apiToken.wholeGroup"));
        unit.setItems(orgUnits.all());
        unit.setItemLabelGenerator(u -> u == null ? getTranslation("apiToken.wholeGroup") : u.name());
        dialog.add(new FormLayout(name, role, unit));
        Button create = new Button(getTranslation("apiToken.create"), click -> {
            try {
                String value = apiTokens.create(
                        name.getValue(),
                        role.getValue(),
                        unit.getValue() == null ? null : unit.getValue().id());
                dialog.close();
                refresh();
                showOnce(name.getValue(), value);
            } catch (ValidationException e) {
                String rest = Problems.show(this, e, Map.of("name", name, "role", role, "orgUnitId", unit));
                if (!rest.isEmpty()) {
                    Notifications.error(rest);
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("token-create-confirm");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), create);
        dialog.open();
    }

    /** The only time the value is ever shown: it is stored as a hash. */
    private void showOnce(String name, String value) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("apiToken.created.title", name));
        TextArea token = new TextArea();
        token.setValue(value);
        token.setReadOnly(true);
        token.setWidthFull();
        token.setId("token-value");
        dialog.add(new Paragraph(getTranslation("apiToken.created.once")), token);
        dialog.getFooter().add(new Button(getTranslation("apiToken.created.done"), click -> dialog.close()));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private void refresh() {
        tokens.setItems(apiTokens.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin") + " | Hoshimi";
    }
}
