package jp.hoshimi.security;

import static jp.hoshimi.security.SignInHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, item 9 (web), over real HTTP: the sign-in form refuses a post without the CSRF token of a login
 * page (a cross-site post), and pages carry a Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebHardeningTest {

    @LocalServerPort
    int port;

    @Test
    void a_sign_in_post_without_a_csrf_token_does_not_sign_in() throws Exception {
        SignInHttp attacker = new SignInHttp(port);

        HttpResponse<String> forged = attacker.post("procurement", "hoshimi-demo", null);

        assertRefused(forged);
        assertThat(location(attacker.get("/"))).contains("/login");
    }

    @Test
    void a_sign_in_post_with_a_foreign_token_does_not_sign_in() throws Exception {
        String othersToken = new SignInHttp(port).csrfToken();
        SignInHttp attacker = new SignInHttp(port);
        attacker.get("/login");

        assertRefused(attacker.post("procurement", "hoshimi-demo", othersToken));
        assertThat(location(attacker.get("/"))).contains("/login");
    }

    /** Refused (403) or sent back to the login page, but never signed in. */
    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode() == 403 || location(response).contains("/login"))
                .as("status %s, location %s", response.statusCode(), location(response))
                .isTrue();
    }

    @Test
    void the_login_page_posts_its_token_and_signs_in() throws Exception {
        SignInHttp browser = new SignInHttp(port);

        HttpResponse<String> signedIn = browser.signIn("procurement", "hoshimi-demo");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).doesNotContain("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_and_api_answers_carry_a_content_security_policy() throws Exception {
        HttpResponse<String> login = new SignInHttp(port).get("/login");

        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .contains("object-src 'none'")
                        .contains("form-action 'self'"));
        HttpResponse<String> api = new SignInHttp(port).get("/api/v1/findings");
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }
}
