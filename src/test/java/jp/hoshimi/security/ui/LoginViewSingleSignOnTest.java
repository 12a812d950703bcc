package jp.hoshimi.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on configured with {@code password-form=false} (issue 14): the login page offers only the provider,
 * and {@code login?local} still shows the password form for the break-glass administrator. The issuer is never
 * contacted here: its discovery document is read at the first sign-in with the provider.
 */
@TestPropertySource(
        properties = {
            "hoshimi.dev-db.database=hoshimi_sso_form",
            "hoshimi.sso.issuer-uri=http://127.0.0.1:9/never-contacted",
            "hoshimi.sso.client-id=hoshimi",
            "hoshimi.sso.client-secret=not-used",
            "hoshimi.sso.provider-name=社内ID",
            "hoshimi.sso.password-form=false"
        })
class LoginViewSingleSignOnTest extends KaribuTest {

    @Test
    void with_the_password_form_switched_off_only_the_provider_is_offered_and_login_local_shows_the_form() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(LoginView.class);
        LoginView view = _get(LoginView.class);

        assertThat(view.ssoSignIn.isVisible()).isTrue();
        assertThat(view.ssoSignIn.getText()).isEqualTo("社内ID でサインイン");
        assertThat(view.form.isVisible()).isFalse();

        UI.getCurrent().navigate("login", new QueryParameters(Map.of("local", List.of(""))));
        view = _get(LoginView.class);

        assertThat(view.form.isVisible()).isTrue();
        assertThat(view.ssoSignIn.isVisible()).isTrue();
    }
}
