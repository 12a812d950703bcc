package jp.hoshimi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Sign-in waits for the end of start-up (issue 13): over real HTTP, a sign-in while the application is not
 * yet ready (demo data and first sync still running) is sent back to the login page with {@code ?starting};
 * once ready, the same sign-in succeeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginReadinessTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    StartupReadiness readiness;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void ready_again() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    private HttpResponse<String> signIn() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=procurement&password=hoshimi-demo"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_sign_in_during_start_up_is_sent_back_to_the_login_page_saying_it_is_starting() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpResponse<String> response = signIn();

        assertThat(readiness.ready()).isFalse();
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?starting"));
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void once_started_the_same_sign_in_gets_past_the_gate() throws Exception {
        // past the gate the form needs its CSRF token (issue 15): post it as the login page does
        HttpResponse<String> response = new SignInHttp(port).signIn("procurement", "hoshimi-demo");

        assertThat(readiness.ready()).isTrue();
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("starting"));
    }
}
