package jp.hoshimi.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

/** The login page while the application is still starting: it says so and opens sign-in once ready. */
class LoginViewReadinessTest extends KaribuTest {

    @AfterEach
    void ready_again() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void while_starting_the_login_page_says_so_and_sign_in_opens_when_ready() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(LoginView.class);
        LoginView view = _get(LoginView.class);

        assertThat(view.starting.isVisible()).isTrue();
        assertThat(view.starting.getText()).startsWith("起動中：デモデータと最初の台帳同期を準備しています");
        assertThat(view.form.isEnabled()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isPositive();

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        view.showReadiness(UI.getCurrent()); // what the next poll does

        assertThat(view.starting.isVisible()).isFalse();
        assertThat(view.form.isEnabled()).isTrue();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }
}
