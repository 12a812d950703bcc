package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/v1/register over real HTTP with the demo tokens, against the demo register the app synced at start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterApiTest {

    static final String ADMIN = "hsm_demo_admin_token_0001";
    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";

    @LocalServerPort
    int port;

    @Autowired
    RegisterSyncService sync;

    @Autowired
    SystemAuthentication system;

    @Autowired
    RegisterSourceService sources;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_administrator_starts_a_sync_and_reads_its_run() throws Exception {
        HttpResponse<String> started = call("POST", "/api/v1/register/sync", ADMIN);
        assertThat(started.statusCode()).isEqualTo(202);
        long runId = json.readTree(started.body()).path("runId").asLong();
        assertThat(runId).isPositive();
        system.runAsSystem(() -> sync.await(runId, Duration.ofSeconds(60)));

        JsonNode run = json.readTree(
                call("GET", "/api/v1/register/sync-runs/" + runId, ADMIN).body());
        assertThat(run.path("outcome").asText()).isIn("NOT_MODIFIED", "SUCCEEDED");
        assertThat(run.path("trigger").asText()).isEqualTo("API");
    }

    @Test
    void anyone_looks_up_a_company_but_only_an_administrator_syncs() throws Exception {
        JsonNode entries =
                json.readTree(call("GET", "/api/v1/register/entries?corporateNumber=4120041270230", PROCUREMENT)
                        .body());
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).path("corporateNumber").asText()).isEqualTo("4120041270230");
        assertThat(call("POST", "/api/v1/register/sync", PROCUREMENT).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_sync_without_a_source_is_a_409_with_a_plain_reason() throws Exception {
        RegisterSourceSettings before = system.callAsSystem(() -> sources.all().get(1));
        org.assertj.core.api.Assertions.assertThat(before.kind())
                .isEqualTo(jp.hoshimi.register.source.RegisterKind.SECURITY_ACTION);
        system.runAsSystem(() -> sources.save(new RegisterSourceSettings(
                before.kind(), RegisterSourceSettings.Type.NONE, null, null, before.origin(), before.version())));
        try {
            HttpResponse<String> response = call("POST", "/api/v1/register/sync?kind=SECURITY_ACTION", ADMIN);
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(409);
            org.assertj.core.api.Assertions.assertThat(
                            json.readTree(response.body()).get("code").asText())
                    .isEqualTo("NO_REGISTER_SOURCE");
        } finally {
            system.runAsSystem(() -> sources.save(new RegisterSourceSettings(
                    before.kind(),
                    before.type(),
                    before.location(),
                    before.format(),
                    before.origin(),
                    before.version() + 1)));
        }
    }
}
