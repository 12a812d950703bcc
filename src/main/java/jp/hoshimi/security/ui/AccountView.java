package jp.hoshimi.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.security.AccountService;
import jp.hoshimi.security.OwnSession;
import jp.hoshimi.security.PasswordPolicy;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.LanguageSwitch;
import jp.hoshimi.shared.ui.MessageBundle;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/** The own account (アカウント): change the password, choose the language, see and end one's sessions. */
@Route("account")
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class AccountView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField repeated = new PasswordField();
    final Button changePassword = new Button();
    final Select<Locale> language = new Select<>();
    final Grid<OwnSession> sessions = new Grid<>();
    final Button signOutOthers = new Button();
    private final AccountService accounts;

    AccountView(AccountService accounts) {
        this.accounts = accounts;
        add(new ViewToolbar(getTranslation("account.title")));
        if (accounts.mustChangePassword()) {
            Paragraph must = new Paragraph(getTranslation("account.mustChange"));
            must.setId("must-change-password");
            must.addClassName("form-problems");
            add(must);
        }
        add(passwordSection(), languageSection(), sessionsSection());
        refreshSessions();
    }

    private VerticalLayout passwordSection() {
        current.setLabel(getTranslation("account.password.current"));
        current.setId("current-password");
        newPassword.setLabel(getTranslation("account.password.new"));
        newPassword.setHelperText(getTranslation("account.password.rule", PasswordPolicy.MINIMUM_LENGTH));
        newPassword.setId("new-password");
        repeated.setLabel(getTranslation("account.password.repeat"));
        repeated.setId("repeat-password");
        changePassword.setText(getTranslation("account.password.change"));
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.setId("change-password");
        changePassword.addClickListener(click -> changePassword());
        FormLayout form = new FormLayout(current, newPassword, repeated);
        return section("account.password.title", form, changePassword);
    }

    private void changePassword() {
        try {
            int ended = accounts.changeOwnPassword(
                    current.getValue(), newPassword.getValue(), repeated.getValue(), sessionId());
            current.clear();
            newPassword.clear();
            repeated.clear();
            Notifications.success(getTranslation("account.password.changed", ended));
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (ValidationException e) {
            String rest = Problems.show(
                    this, e, Map.of("current", current, "newPassword", newPassword, "repeated", repeated));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        }
    }

    private VerticalLayout languageSection() {
        language.setLabel(getTranslation("account.language"));
        language.setItems(MessageBundle.JAPANESE, MessageBundle.ENGLISH);
        language.setItemLabelGenerator(l -> MessageBundle.JAPANESE.equals(l) ? "日本語" : "English");
        language.setValue(MessageBundle.supported(getLocale()));
        language.setId("account-language");
        Button save = new Button(getTranslation("action.save"), click -> {
            accounts.setOwnLanguage(language.getValue());
            LanguageSwitch.switchTo(language.getValue());
        });
        save.setId("account-language-save");
        return section("account.language.title", language, save);
    }

    private VerticalLayout sessionsSection() {
        sessions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        sessions.addColumn(s -> s.signedInAt() == null ? "—" : Formats.dateTime(s.signedInAt()))
                .setHeader(getTranslation("account.sessions.signedIn"))
                .setAutoWidth(true);
        sessions.addColumn(s -> Formats.dateTime(s.lastRequestAt()))
                .setHeader(getTranslation("account.sessions.lastRequest"))
                .setAutoWidth(true);
        sessions.addColumn(s -> s.address() == null ? "—" : s.address())
                .setHeader(getTranslation("account.sessions.address"))
                .setAutoWidth(true);
        sessions.addColumn(s -> s.userAgent() == null ? "—" : s.userAgent())
                .setHeader(getTranslation("account.sessions.userAgent"))
                .setFlexGrow(1);
        sessions.addColumn(s -> s.current() ? getTranslation("account.sessions.thisOne") : "")
                .setAutoWidth(true);
        sessions.setAllRowsVisible(true);
        sessions.setId("own-sessions");
        signOutOthers.setText(getTranslation("account.sessions.signOutOthers"));
        signOutOthers.setId("sign-out-others");
        signOutOthers.addClickListener(click -> {
            int ended = accounts.signOutOtherSessions(sessionId());
            Notifications.success(getTranslation("account.sessions.ended", ended));
            refreshSessions();
        });
        return section("account.sessions.title", sessions, signOutOthers);
    }

    private void refreshSessions() {
        sessions.setItems(accounts.ownSessions(sessionId()));
    }

    private static String sessionId() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null
                ? null
                : session.getSession().getId();
    }

    private VerticalLayout section(String titleKey, com.vaadin.flow.component.Component... content) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation(titleKey)));
        section.add(content);
        section.setPadding(false);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " | Hoshimi";
    }
}
