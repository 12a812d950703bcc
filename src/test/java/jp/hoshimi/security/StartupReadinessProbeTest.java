package jp.hoshimi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Issue 24: the readiness probe turns UP only when start-up work is done. A runner ordered before the
 * initial administrator's asks the running server over real HTTP while start-up is still going on: the
 * administrator does not exist yet and readiness (and overall health) are OUT_OF_SERVICE; after start-up
 * both are UP and the administrator exists. An empty database of its own, no demo data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hoshimi.dev-db.database=hoshimi_readiness_probe",
            "hoshimi.dev.demo-data=false",
            "hoshimi.dev.register-sync-at-start=false",
            "hoshimi.initial-admin.username=probeadmin",
            "hoshimi.initial-admin.password=probe-admin-secret"
        })
class StartupReadinessProbeTest {

    record Seen(boolean adminExisted, int readiness, String readinessBody, int health, String healthBody) {}

    static final List<Seen> DURING_START_UP = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @TestConfiguration
    static class DuringStartUp {
        @Bean
        @Order(50)
        ApplicationRunner askTheProbes(
                ServletWebServerApplicationContext context, UserAccountService accounts, SystemAuthentication system) {
            return args -> {
                int port = context.getWebServer().getPort();
                boolean admin = system.callAsSystem(accounts::hasAdministrator);
                HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
                HttpResponse<String> health = get(port, "/actuator/health");
                DURING_START_UP.add(
                        new Seen(admin, readiness.statusCode(), readiness.body(), health.statusCode(), health.body()));
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    SystemAuthentication system;

    @Test
    void readiness_is_out_of_service_during_start_up_and_up_once_the_administrator_exists() throws Exception {
        assertThat(DURING_START_UP).hasSize(1);
        Seen before = DURING_START_UP.get(0);
        assertThat(before.adminExisted()).isFalse();
        assertThat(before.readiness()).isEqualTo(503);
        assertThat(before.readinessBody()).contains("OUT_OF_SERVICE");
        assertThat(before.health()).isEqualTo(503);

        HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(system.callAsSystem(accounts::hasAdministrator)).isTrue();
    }

    @Test
    void the_openapi_description_is_for_signed_in_users_only() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.body()).doesNotContain("\"openapi\"");
    }
}
