package jp.hoshimi.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up banner names demo logins only where demo data made them (issue 24). */
class StartupBannerTest {

    @Test
    void with_demo_data_the_banner_lists_the_demo_logins_and_tokens() {
        String banner = StartupBanner.text(new MockEnvironment(), "8080");

        assertThat(banner)
                .contains("http://localhost:8080/")
                .contains("procurement", DemoData.DEMO_PASSWORD)
                .contains("Authorization: Bearer")
                .contains("/dev/mail");
    }

    @Test
    void without_demo_data_it_points_at_the_initial_administrator_and_lists_no_demo_login() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("hoshimi.dev.demo-data", "false")
                .withProperty("hoshimi.initial-admin.username", "itadmin")
                .withProperty("spring.mail.host", "smtp.example.jp");

        String banner = StartupBanner.text(env, "8183");

        assertThat(banner)
                .contains("http://localhost:8183/")
                .contains("initial administrator 'itadmin'")
                .doesNotContain(DemoData.DEMO_PASSWORD)
                .doesNotContain("Bearer")
                .doesNotContain("/dev/mail");
    }

    @Test
    void without_demo_data_or_an_initial_administrator_it_says_nobody_can_sign_in() {
        String banner =
                StartupBanner.text(new MockEnvironment().withProperty("hoshimi.dev.demo-data", "false"), "8080");

        assertThat(banner).contains("nobody can sign in yet").doesNotContain(DemoData.DEMO_PASSWORD);
    }
}
