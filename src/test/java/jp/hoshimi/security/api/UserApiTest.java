package jp.hoshimi.security.api;

import static jp.hoshimi.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** User provisioning over real HTTP with the demo tokens: administrators only, the API's JSON errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserApiTest {

    static final String ADMIN = "hsm_demo_admin_token_0001";
    static final List<String> OTHERS = List.of(
            "hsm_demo_procurement_token_0001", "hsm_demo_risk_manager_token_0001", "hsm_demo_auditor_token_0001");

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SystemAuthentication system;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    @AfterEach
    void removeApiUsers() {
        dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.startsWith("api14-")).execute();
    }

    private Answer call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    @Test
    void an_administrator_token_creates_reads_changes_deactivates_and_reactivates_a_user() throws Exception {
        long unit = DemoUnits.id(orgUnits, system, "HMC-PUR");
        Answer created = call("POST", "/api/v1/users", ADMIN, """
                {"username":"api14-sato","displayName":"佐藤 花子","email":"sato@example.jp",
                 "roles":["PROCUREMENT"],"unitIds":[%d]}""".formatted(unit));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("user").get("id").asLong();
        assertThat(created.body().get("oneTimePassword").asText()).hasSize(16);
        assertThat(created.body().get("user").get("mustChangePassword").asBoolean())
                .isTrue();

        Answer listed = call("GET", "/api/v1/users?q=api14-sato", ADMIN, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).hasSize(1);
        assertThat(listed.body().get(0).get("unitNames").get(0).asText()).isEqualTo("星見自動車 購買部");

        int version = call("GET", "/api/v1/users/" + id, ADMIN, null)
                .body()
                .get("version")
                .asInt();
        Answer changed = call("PUT", "/api/v1/users/" + id, ADMIN, """
                {"displayName":"佐藤 花子","roles":["PROCUREMENT","AUDITOR"],"unitIds":[%d],"version":%d}""".formatted(unit, version));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("roles").toString()).contains("AUDITOR", "PROCUREMENT");

        Answer stale = call("PUT", "/api/v1/users/" + id, ADMIN, """
                {"displayName":"x","roles":["AUDITOR"],"version":%d}""".formatted(version));
        assertThat(stale.status()).isEqualTo(409);

        Answer deactivated = call("POST", "/api/v1/users/" + id + "/deactivate", ADMIN, null);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        Answer reactivated = call("POST", "/api/v1/users/" + id + "/reactivate", ADMIN, null);
        assertThat(reactivated.body().get("active").asBoolean()).isTrue();
    }

    @Test
    void bad_input_answers_the_apis_json_error_with_each_problem() throws Exception {
        Answer refused = call("POST", "/api/v1/users", ADMIN, """
                {"username":"api14 bad name","displayName":"","roles":[]}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().get("problems").findValuesAsText("field"))
                .contains("username", "displayName", "roles");
        assertThat(call("GET", "/api/v1/users/999999999", ADMIN, null).status()).isEqualTo(404);
    }

    @Test
    void tokens_of_other_roles_are_refused_with_403_on_every_user_endpoint() throws Exception {
        for (String token : OTHERS) {
            for (String[] endpoint : List.of(
                    new String[] {"GET", "/api/v1/users", null},
                    new String[] {
                        "POST",
                        "/api/v1/users",
                        "{\"username\":\"api14-no\",\"displayName\":\"x\",\"roles\":[\"AUDITOR\"]}"
                    },
                    new String[] {
                        "PUT", "/api/v1/users/1", "{\"displayName\":\"x\",\"roles\":[\"AUDITOR\"],\"version\":0}"
                    },
                    new String[] {"POST", "/api/v1/users/1/deactivate", null},
                    new String[] {"POST", "/api/v1/users/1/reactivate", null})) {
                Answer answer = call(endpoint[0], endpoint[1], token, endpoint[2]);
                assertThat(answer.status())
                        .as(token + " " + endpoint[0] + " " + endpoint[1])
                        .isEqualTo(403);
                assertThat(answer.body().get("code").asText()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("api14-no"))).isFalse();
    }

    @Autowired
    org.springdoc.webmvc.api.OpenApiWebMvcResource openApi;

    @Test
    void the_openapi_description_documents_the_user_endpoints() throws Exception {
        byte[] description = openApi.openapiJson(
                new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/docs"),
                "/api/docs",
                java.util.Locale.ENGLISH);
        JsonNode paths = json.readTree(description).get("paths");
        assertThat(paths.has("/api/v1/users")).isTrue();
        assertThat(paths.get("/api/v1/users/{id}/deactivate")
                        .get("post")
                        .get("summary")
                        .asText())
                .isEqualTo("Deactivate a user");
        assertThat(paths.has("/api/v1/users/{id}/reactivate")).isTrue();
    }
}
