package jp.hoshimi.security;

import static jp.hoshimi.db.Tables.SECURITY_EVENT;
import static jp.hoshimi.db.Tables.SIGN_IN_THROTTLE;
import static jp.hoshimi.security.SignInHttp.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 15, item 3, over real HTTP: wrong passwords are answered with growing delays and then a lock, the right
 * password is refused while locked, an administrator unlocks, and every step is a security event. The same for
 * wrong API tokens (429 with Retry-After).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInThrottleTest {

    static final String USER = "throttle-test";
    static final String PASSWORD = "amber-ridge-lantern-42";

    @LocalServerPort
    int port;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    UserAccountService accounts;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void test_user_and_no_earlier_blocks() {
        dsl.deleteFrom(SIGN_IN_THROTTLE).execute();
        system.runAsSystem(() -> {
            if (accounts.findByUsername(USER).isEmpty()) {
                accounts.create(new NewUser(USER, "Throttle Test", null, PASSWORD, Set.of(Role.AUDITOR)));
            }
        });
    }

    /** Other tests sign in from the same address: leave them no block and no failures counted. */
    @AfterEach
    void forget_everything_for_the_other_tests() {
        dsl.deleteFrom(SIGN_IN_THROTTLE).execute();
    }

    @Test
    void fifty_wrong_passwords_are_throttled_then_locked_and_the_right_one_waits_for_an_unlock() throws Exception {
        SignInHttp browser = new SignInHttp(port);
        String token = browser.csrfToken();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(location(browser.post(USER, "wrong-" + i, token)));
        }

        assertThat(answers).allMatch(l -> l.endsWith("/login?error") || l.contains("/login?blocked="));
        assertThat(answers.subList(0, 4)).allMatch(l -> l.endsWith("/login?error"));
        assertThat(answers.subList(10, 50)).allMatch(l -> l.contains("/login?blocked="));
        // the password was checked at most 10 times (then the lock answered before any check)
        assertThat(countEvents(SecurityEventKind.SIGN_IN_FAILED, USER)).isBetween(5, 10);
        assertThat(countEvents(SecurityEventKind.LOCKED, USER)).isEqualTo(1);

        HttpResponse<String> rightPassword = browser.post(USER, PASSWORD, token);
        assertThat(location(rightPassword)).contains("/login?blocked=");
        long retryAfter =
                Long.parseLong(rightPassword.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(countEvents(SecurityEventKind.SIGN_IN_SUCCEEDED, USER)).isZero();

        List<SignInBlock> blocks = system.callAsSystem(throttle::activeBlocks);
        assertThat(blocks).anySatisfy(block -> {
            assertThat(block.key()).isEqualTo("account:" + USER);
            assertThat(block.locked()).isTrue();
        });
        system.runAsSystem(() -> throttle.unlock("account:" + USER));

        assertThat(location(browser.signIn(USER, PASSWORD))).doesNotContain("/login");
        List<SecurityEvent> events = system.callAsSystem(() -> throttle.events(null, 0, 100));
        assertThat(events)
                .extracting(SecurityEvent::kind)
                .contains(
                        SecurityEventKind.SIGN_IN_SUCCEEDED,
                        SecurityEventKind.UNLOCKED,
                        SecurityEventKind.LOCKED,
                        SecurityEventKind.SIGN_IN_FAILED);
        assertThat(events.get(0).kind()).isEqualTo(SecurityEventKind.SIGN_IN_SUCCEEDED);
        assertThat(events.get(0).username()).isEqualTo(USER);
        assertThat(events.get(0).clientAddress()).isNotBlank();
    }

    @Test
    void one_address_trying_many_accounts_is_locked_for_every_account() throws Exception {
        SignInHttp browser = new SignInHttp(port);
        String token = browser.csrfToken();
        for (int i = 0; i < 60; i++) {
            browser.post("nobody-" + i, "wrong", token);
        }

        assertThat(location(browser.post(USER, PASSWORD, token))).contains("/login?blocked=");
        List<SignInBlock> blocks = system.callAsSystem(throttle::activeBlocks);
        SignInBlock address = blocks.stream()
                .filter(b -> b.kind().equals("address"))
                .findFirst()
                .orElseThrow();
        assertThat(address.locked()).isTrue();

        system.runAsSystem(() -> throttle.unlock(address.key()));
        assertThat(location(browser.signIn(USER, PASSWORD))).doesNotContain("/login");
    }

    @Test
    void wrong_api_tokens_get_429_with_retry_after_until_an_administrator_unlocks() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 12; i++) {
            api(http, "hsm_wrong_token_" + i);
        }

        HttpResponse<String> refused = api(http, "hsm_demo_auditor_token_0001");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(dsl.fetchCount(SECURITY_EVENT, SECURITY_EVENT.KIND.eq(SecurityEventKind.TOKEN_REFUSED)))
                .isGreaterThanOrEqualTo(5);

        system.runAsSystem(() -> throttle.activeBlocks().forEach(b -> throttle.unlock(b.key())));
        assertThat(api(http, "hsm_demo_auditor_token_0001").statusCode()).isEqualTo(200);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void only_administrators_read_security_events_and_unlock() {
        assertThatThrownBy(() -> throttle.events(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> throttle.activeBlocks()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> throttle.unlock("account:" + USER)).isInstanceOf(AccessDeniedException.class);
    }

    private HttpResponse<String> api(HttpClient http, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/findings"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int countEvents(SecurityEventKind kind, String username) {
        return dsl.fetchCount(SECURITY_EVENT, SECURITY_EVENT.KIND.eq(kind).and(SECURITY_EVENT.USERNAME.eq(username)));
    }
}
