package jp.hoshimi.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hoshimi.api.ApiCalls.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, the REST API as an ERP integrator meets it, over real HTTP with the demo bearer tokens: the
 * OpenAPI description, the errors, the filters, paging and the endpoints an ERP job needs. Same context as
 * {@link RestApiTest} (no extra properties), so it starts no new application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegratorApiTest {

    static final String PROCUREMENT = RestApiTest.PROCUREMENT;
    static final String RISK = RestApiTest.RISK;
    static final String AUDITOR = RestApiTest.AUDITOR;

    @LocalServerPort
    int port;

    ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(port);
    }

    @Test
    void the_openapi_description_is_readable_with_any_valid_token_and_describes_bearer_auth() throws Exception {
        Answer docs = api.get("/api/docs", AUDITOR);
        Answer wrongToken = api.get("/api/docs", "hsm_not_a_real_token_at_all_xx");

        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        JsonNode info = docs.body().get("info");
        assertThat(info.get("title").asText()).isEqualTo("Hoshimi API");
        assertThat(info.get("version").asText()).isNotBlank().isNotEqualTo("v0");
        JsonNode scheme = docs.body().at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.body().at("/security/0/bearerAuth").isArray()).isTrue();
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void the_openapi_description_lists_the_real_status_codes_with_the_error_schema() throws Exception {
        JsonNode paths = api.get("/api/docs", RISK).body().get("paths");

        JsonNode createSupplier = paths.at("/~1api~1v1~1suppliers/post/responses");
        assertThat(createSupplier.has("201")).as(createSupplier.toString()).isTrue();
        assertThat(createSupplier.has("200")).isFalse();
        for (String status : new String[] {"400", "401", "403", "409", "415", "422", "429", "500"}) {
            assertThat(createSupplier
                            .at("/" + status + "/content/application~1json/schema/$ref")
                            .asText())
                    .as(status)
                    .isEqualTo("#/components/schemas/ApiError");
        }
        assertThat(paths.at("/~1api~1v1~1suppliers~1{id}/delete/responses").has("204"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1suppliers~1{id}/get/responses").has("404"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1register~1sync/post/responses").has("202"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1findings/get/responses").has("400")).isTrue();
    }

    @Test
    void the_openapi_description_names_the_enums_and_gives_examples() throws Exception {
        JsonNode docs = api.get("/api/docs", RISK).body();

        JsonNode error = docs.at("/components/schemas/ApiError/properties");
        assertThat(error.at("/code/example").asText()).isEqualTo("BAD_REQUEST");
        assertThat(docs.at("/paths/~1api~1v1~1suppliers/post/responses/422/content/application~1json/examples")
                        .has("VALIDATION_FAILED"))
                .isTrue();
        assertThat(enumOf(docs, "/api/v1/contracts", "get", "requiredLevel")).contains("STAR4", "NONE");
        assertThat(enumOf(docs, "/api/v1/register/sync", "post", "kind")).contains("STAR", "SECURITY_ACTION");
    }

    static String enumOf(JsonNode docs, String path, String method, String parameter) {
        for (JsonNode p : docs.get("paths").get(path).get(method).get("parameters")) {
            if (p.get("name").asText().equals(parameter)) {
                return p.at("/schema/enum").toString();
            }
        }
        return "";
    }
}
