package jp.hoshimi.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.HandoverContract;
import jp.hoshimi.security.OneTimePassword;
import jp.hoshimi.security.UserAdminService;
import jp.hoshimi.security.UserFilter;
import jp.hoshimi.security.UserListItem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/** 管理 → ユーザー: who may sign in, with which roles and units; one-time passwords; deactivation and handover. */
@Route("admin/users")
@Menu(title = "nav.users", icon = "vaadin:users", order = 61)
@RolesAllowed(Role.ADMIN_NAME)
class UserAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final String ACTIVE = "active";
    private static final String INACTIVE = "inactive";

    final TextField search = new TextField();
    final Select<Role> roleFilter = new Select<>();
    final Select<String> activeFilter = new Select<>();
    final Grid<UserListItem> users = new Grid<>();
    final Grid<HandoverContract> handover = new Grid<>();
    final Button create = new Button();
    private final UserAdminService service;
    private final List<OrgUnit> allUnits;

    UserAdminView(UserAdminService service, OrgUnitService orgUnits) {
        this.service = service;
        this.allUnits = orgUnits.all();
        setSizeFull();
        create.setText(getTranslation("user.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("user-create");
        create.addClickListener(click -> new UserDialog(null, allUnits, form -> {
                    OneTimePassword password = service.create(form);
                    refresh();
                    showOnce(password);
                })
                .open());
        add(new ViewToolbar(getTranslation("nav.users"), create), filters(), usersGrid(), handoverSection());
        refresh();
    }

    private HorizontalLayout filters() {
        search.setPlaceholder(getTranslation("user.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("user-search");
        search.addValueChangeListener(e -> refresh());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("user.filter.anyRole"));
        roleFilter.setItems(Role.values());
        roleFilter.setItemLabelGenerator(
                r -> r == null ? getTranslation("user.filter.anyRole") : getTranslation(r.messageKey()));
        roleFilter.setId("user-role-filter");
        roleFilter.addValueChangeListener(e -> refresh());
        activeFilter.setItems("", ACTIVE, INACTIVE);
        activeFilter.setItemLabelGenerator(v -> getTranslation("user.filter." + (v.isEmpty() ? "anyState" : v)));
        activeFilter.setValue("");
        activeFilter.setId("user-active-filter");
        activeFilter.addValueChangeListener(e -> refresh());
        return new HorizontalLayout(search, roleFilter, activeFilter);
    }

    private Grid<UserListItem> usersGrid() {
        users.setId("user-grid");
        users.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        users.addColumn(UserListItem::displayName)
                .setHeader(getTranslation("user.displayName"))
                .setAutoWidth(true);
        users.addColumn(UserListItem::username)
                .setHeader(getTranslation("user.username"))
                .setAutoWidth(true);
        users.addColumn(u -> u.email() == null ? "" : u.email())
                .setHeader(getTranslation("user.email"))
                .setAutoWidth(true);
        users.addColumn(this::rolesText).setHeader(getTranslation("user.roles")).setAutoWidth(true);
        users.addColumn(this::unitsText)
                .setHeader(getTranslation("membership.units"))
                .setFlexGrow(1);
        users.addComponentColumn(this::activeBadge)
                .setHeader(getTranslation("user.active"))
                .setAutoWidth(true);
        users.addColumn(u -> u.lastSignInAt() == null ? "—" : Formats.dateTime(u.lastSignInAt()))
                .setHeader(getTranslation("user.lastSignIn"))
                .setAutoWidth(true);
        users.addColumn(u -> getTranslation(u.signInMethodKey(), u.signInProvider()))
                .setHeader(getTranslation("user.signInMethod"))
                .setAutoWidth(true);
        users.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        return users;
    }

    private String rolesText(UserListItem user) {
        return user.roles().stream()
                .map(r -> getTranslation(r.messageKey()))
                .sorted()
                .collect(Collectors.joining(" · "));
    }

    private String unitsText(UserListItem user) {
        if (user.groupWide() && !user.roles().equals(java.util.Set.of(Role.PROCUREMENT))) {
            return getTranslation("apiToken.wholeGroup");
        }
        return user.unitNames().isEmpty() ? getTranslation("membership.none") : String.join("、", user.unitNames());
    }

    private Span activeBadge(UserListItem user) {
        Span badge = new Span(getTranslation(user.active() ? "user.state.active" : "user.state.inactive"));
        badge.getElement().getThemeList().add(user.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private HorizontalLayout actions(UserListItem user) {
        Button edit = small(
                "action.edit",
                click -> service.find(user.id())
                        .ifPresent(account -> new UserDialog(account, allUnits, form -> {
                                    service.update(account.id(), account.version(), form);
                                    Notifications.success(getTranslation("user.saved", form.displayName()));
                                    refresh();
                                })
                                .open()));
        Button reset = small(
                "user.resetPassword",
                click -> confirm(
                        "user.resetPassword",
                        getTranslation("user.resetPassword.text", user.displayName()),
                        false,
                        () -> showOnce(service.resetPassword(user.id()))));
        // a single sign-on account has no password here: the provider manages it
        reset.setVisible(user.signInProvider() == null);
        Button state = user.active()
                ? small(
                        "user.deactivate",
                        click -> confirm(
                                "user.deactivate",
                                getTranslation("user.deactivate.text", user.displayName()),
                                true,
                                () -> Notifications.success(getTranslation(
                                        "user.deactivated", user.displayName(), service.deactivate(user.id())))))
                : small("user.reactivate", click -> run(() -> service.reactivate(user.id())));
        state.setId((user.active() ? "deactivate-" : "reactivate-") + user.username());
        edit.setId("edit-" + user.username());
        reset.setId("reset-" + user.username());
        return new HorizontalLayout(edit, reset, state);
    }

    private Button small(
            String key,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button button = new Button(getTranslation(key), click);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void confirm(String titleKey, String text, boolean destructive, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation(titleKey));
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(titleKey));
        if (destructive) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(event -> run(action));
        confirm.open();
    }

    /** Runs an action; a refusal (e.g. the last administrator) is shown, not thrown. */
    private void run(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            Notifications.error(Problems.describe(this, e));
        }
        refresh();
    }

    /** The only time a one-time password is shown: it is stored as a hash. */
    private void showOnce(OneTimePassword password) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("user.oneTimePassword.title", password.username()));
        TextField value = new TextField();
        value.setValue(password.value());
        value.setReadOnly(true);
        value.setWidthFull();
        value.setId("one-time-password");
        dialog.add(new Paragraph(getTranslation("user.oneTimePassword.once")), value);
        Button done = new Button(getTranslation("apiToken.created.done"), click -> dialog.close());
        done.setId("one-time-password-done");
        dialog.getFooter().add(done);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
    }

    private Component handoverSection() {
        handover.setId("handover-grid");
        handover.addThemeVariants(GridVariant.LUMO_COMPACT);
        handover.addComponentColumn(c -> new Anchor("contracts/" + c.contractId(), c.contractNumber()))
                .setHeader(getTranslation("contract.field.contractNumber"))
                .setAutoWidth(true);
        handover.addColumn(HandoverContract::title)
                .setHeader(getTranslation("contract.field.title"))
                .setFlexGrow(1);
        handover.addColumn(c -> c.ownerName() + " (" + c.ownerUsername() + ")")
                .setHeader(getTranslation("user.handover.owner"))
                .setAutoWidth(true);
        handover.setAllRowsVisible(true);
        Paragraph intro = new Paragraph(getTranslation("user.handover.intro"));
        intro.addClassName("tab-note");
        VerticalLayout section = new VerticalLayout(new H4(getTranslation("user.handover.title")), intro, handover);
        section.setPadding(false);
        return section;
    }

    private UserFilter filter() {
        String state = activeFilter.getValue();
        Boolean active = state == null || state.isEmpty() ? null : ACTIVE.equals(state);
        return new UserFilter(search.getValue(), roleFilter.getValue(), active);
    }

    void refresh() {
        UserFilter filter = filter();
        users.setItems(
                query -> service.list(filter, query.getOffset(), query.getLimit()).stream(),
                query -> service.count(filter));
        handover.setItems(service.handover());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " | Hoshimi";
    }
}
