package jp.hoshimi.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.LanguageSwitch;

/** The only page besides the health endpoint that anyone can open. */
@Route(value = "login", autoLayout = false)
@PageTitle("Hoshimi")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
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

        Div languageRow = new Div(new LanguageSwitch());
        languageRow.addClassName("login-language");
        Paragraph footer = new Paragraph(getTranslation("login.footer"));
        footer.addClassName("login-footer");

        Div card = new Div(new Div(star, title), description, form, languageRow, footer);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
