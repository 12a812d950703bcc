package jp.hoshimi.security;

import static jp.hoshimi.security.SignInHttp.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;

/**
 * Issue 15, item 9 (web): sessions end after the configured idle time (server.servlet.session.timeout, 30
 * minutes) and the session cookie is Secure in the production setting (here switched on as production has it).
 * Tomcat counts the configured timeout in whole minutes, so this test shortens one signed-in session to two
 * seconds (the same expiry path, a shorter idle time), lets it stay idle until Tomcat judges it expired, and then
 * asks for a page with it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.session.cookie.secure=true")
class SessionExpiryTest {

    static final int SHORT_IDLE_SECONDS = 2;
    static final Map<String, Integer> configuredTimeouts = new ConcurrentHashMap<>();
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext server;

    /** Notes the timeout each new session gets, and shortens a session once it is signed in (new id). */
    @TestConfiguration
    static class ShortSessions {
        @Bean
        HttpSessionListener recordConfiguredTimeout() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent event) {
                    configuredTimeouts.put(
                            event.getSession().getId(), event.getSession().getMaxInactiveInterval());
                }
            };
        }

        @Bean
        HttpSessionIdListener shortenSignedInSessions() {
            return (event, oldId) -> event.getSession().setMaxInactiveInterval(SHORT_IDLE_SECONDS);
        }
    }

    @Test
    void new_sessions_get_the_configured_30_minutes_and_a_secure_cookie() throws Exception {
        HttpResponse<String> login = send(get("/login", null));

        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(configuredTimeouts.get(sessionOf(List.of(cookie)))).isEqualTo(30 * 60);
    }

    @Test
    void an_idle_signed_in_session_ends_and_the_next_request_goes_to_the_login_page() throws Exception {
        // a Secure cookie is not sent back over http by a cookie store, so this client carries it by hand
        HttpResponse<String> login = send(get("/login", null));
        String session = sessionOf(login.headers().allValues("Set-Cookie"));
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=procurement&password=hoshimi-demo&_csrf=" + token.group(1))));
        assertThat(location(signedIn)).doesNotContain("/login");
        session = sessionOf(signedIn.headers().allValues("Set-Cookie"));
        assertThat(send(get("/", session)).statusCode()).isEqualTo(200);

        // wait until Tomcat itself judges the session idle past its limit (asking it does not touch the session)
        Manager sessions = sessionManager();
        String idleSession = session;
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Session held = sessions.findSession(idleSession);
                    return held == null || !held.isValid();
                });

        assertThat(location(send(get("/", session)))).contains("/login");
    }

    private Manager sessionManager() {
        Container app =
                ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        return ((Context) app).getManager();
    }

    private HttpRequest.Builder get(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return session == null ? request : request.header("Cookie", "JSESSIONID=" + session);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionOf(List<String> setCookies) {
        return setCookies.stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }
}
