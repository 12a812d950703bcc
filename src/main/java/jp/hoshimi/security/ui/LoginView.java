package jp.hoshimi.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import jp.hoshimi.security.StartupReadiness;
import jp.hoshimi.security.sso.SsoProperties;
import jp.hoshimi.security.sso.SsoRefusal;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.LanguageSwitch;

/** The only page besides the health endpoint that anyone can open. */
@Route(value = "login", autoLayout = false)
@PageTitle("Hoshimi")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final int STARTING_POLL_MILLIS = 1000;

    final LoginForm form = new LoginForm();
    final Paragraph starting = new Paragraph();
    final Button ssoSignIn = new Button();
    final Paragraph ssoError = new Paragraph();
    private final StartupReadiness readiness;
    private final SsoProperties sso;
    private final Clock clock;
    private final Div card;
    private Registration poll;

    public LoginView(StartupReadiness readiness, SsoProperties sso, Clock clock) {
        this.readiness = readiness;
        this.sso = sso;
        this.clock = clock;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        Span star = new Span("★");
        star.addClassName("brand-star");
        H1 title = new H1(getTranslation("app.name"));
        Paragraph description = new Paragraph(getTranslation("login.description"));
        description.addClassName("login-description");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(ComponentTexts.login());
        ComponentTexts.localiseRevealButton(form);

        Div languageRow = new Div(new LanguageSwitch());
        languageRow.addClassName("login-language");
        Paragraph footer = new Paragraph(getTranslation("login.footer"));
        footer.addClassName("login-footer");

        starting.setId("login-starting");
        starting.addClassName("login-starting");
        starting.getElement().setAttribute("role", "status");
        starting.setText(getTranslation("login.starting"));

        card = new Div(
                new Div(star, title), description, starting, ssoError, singleSignOn(), form, languageRow, footer);
        card.addClassName("login-card");
        add(card);
    }

    /** "Sign in with <provider>" when single sign-on is configured (it starts at the provider). */
    private Button singleSignOn() {
        ssoSignIn.setId("sso-sign-in");
        ssoSignIn.addClassName("sso-sign-in");
        ssoSignIn.setText(getTranslation("sso.signInWith", sso.providerName()));
        ssoSignIn.setIcon(VaadinIcon.SIGN_IN.create());
        ssoSignIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ssoSignIn.setWidthFull();
        ssoSignIn.setVisible(sso.enabled());
        ssoSignIn.addClickListener(
                click -> click.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation(sso.authorizationPath())));
        ssoError.setId("sso-error");
        ssoError.addClassName("sso-error");
        ssoError.setText(getTranslation("sso.error", sso.providerName()));
        ssoError.setVisible(false);
        return ssoSignIn;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        form.setI18n(ComponentTexts.login());
        if (parameters.containsKey("blocked")) {
            showBlocked(parameters.get("blocked").get(0));
        } else {
            form.setError(parameters.containsKey("error"));
        }
        // with single sign-on the password form may be hidden; login?local shows it (break-glass administrator)
        form.setVisible(!sso.enabled() || sso.passwordForm() || parameters.containsKey("local"));
        ssoError.setVisible(sso.enabled() && parameters.containsKey("sso-error"));
        if (sso.enabled() && parameters.containsKey("refused")) {
            showRefusal(event.getUI());
        }
        showReadiness(event.getUI());
    }

    /**
     * After repeated failures the sign-in filter refuses at once and sends the user here with the seconds to
     * wait (issue 15): say until when, in Japan time, without saying whether the account exists.
     */
    private void showBlocked(String seconds) {
        long wait = seconds.matches("\\d{1,9}") ? Long.parseLong(seconds) : 60;
        String until = ZonedDateTime.now(clock)
                .withZoneSameInstant(Formats.DISPLAY_ZONE)
                .plus(Duration.ofSeconds(wait))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        LoginI18n i18n = ComponentTexts.login();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.blocked.title"));
        error.setMessage(getTranslation("login.blocked.message", until));
        form.setI18n(i18n);
        form.setError(true);
    }

    /** Someone the provider signed in but Hoshimi refuses: the reason instead of the sign-in choices. */
    private void showRefusal(UI ui) {
        Object refusal = ui.getSession().getSession().getAttribute(SsoRefusal.SESSION_ATTRIBUTE);
        if (refusal instanceof SsoRefusal known) {
            form.setVisible(false);
            ssoSignIn.setVisible(false);
            card.addComponentAtIndex(2, new SsoRefusalPanel(known, sso));
        }
    }

    /** While the app is starting, sign-in is closed with a message; the page looks again every second. */
    void showReadiness(UI ui) {
        boolean ready = readiness.ready();
        starting.setVisible(!ready);
        form.setEnabled(ready);
        ssoSignIn.setEnabled(ready);
        if (ready) {
            ui.setPollInterval(-1);
            if (poll != null) {
                poll.remove();
                poll = null;
            }
        } else if (poll == null) {
            ui.setPollInterval(STARTING_POLL_MILLIS);
            poll = ui.addPollListener(e -> showReadiness(ui));
        }
    }
}
