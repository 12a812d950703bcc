package jp.hoshimi.api;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.hoshimi.security.ApiTokenService;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API over real HTTP with the demo tokens (one per role; procurement's is bound to 購買部). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestApiTest {

    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";
    static final String RISK = "hsm_demo_risk_manager_token_0001";
    static final String AUDITOR = "hsm_demo_auditor_token_0001";

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    SystemAuthentication system;

    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    org.springdoc.webmvc.api.OpenApiWebMvcResource openApi;

    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    @AfterEach
    void removeApiTestData() {
        dsl.deleteFrom(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.startsWith("API-"))
                .execute();
        dsl.deleteFrom(SUPPLIER)
                .where(SUPPLIER.SUPPLIER_CODE.startsWith("API-"))
                .execute();
    }

    private Answer call(String method, String path, String token, String body, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    private Answer call(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, body, "en");
    }

    @Test
    void without_a_valid_token_the_api_answers_401_in_json() throws Exception {
        Answer none = call("GET", "/api/v1/suppliers", null, null);
        Answer wrong = call("GET", "/api/v1/suppliers", "hsm_not_a_real_token_at_all_xx", null);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void a_revoked_token_stops_working() throws Exception {
        String value = system.callAsSystem(() -> tokens.create("api-test-revoke", Role.AUDITOR, null));
        assertThat(call("GET", "/api/v1/suppliers?limit=1", value, null).status())
                .isEqualTo(200);

        long id = system.callAsSystem(() -> tokens.list()).stream()
                .filter(t -> t.name().equals("api-test-revoke"))
                .findFirst()
                .orElseThrow()
                .id();
        system.runAsSystem(() -> tokens.revoke(id));

        assertThat(call("GET", "/api/v1/suppliers?limit=1", value, null).status())
                .isEqualTo(401);
    }

    @Test
    void a_supplier_is_created_looked_up_updated_and_deleted() throws Exception {
        Answer created = call(
                "POST",
                "/api/v1/suppliers",
                RISK,
                "{\"corporateNumber\":\"５１１１１０１０００００６\",\"supplierCode\":\"API-1\",\"name\":\"株式会社エーピーアイ\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("corporateNumber").asText()).isEqualTo("5111101000006");

        Answer byNumber = call("GET", "/api/v1/suppliers?corporateNumber=5111101000006", AUDITOR, null);
        assertThat(byNumber.body()).hasSize(1);
        assertThat(byNumber.body().get(0).get("id").asLong()).isEqualTo(id);

        Answer updated = call(
                "PUT",
                "/api/v1/suppliers/" + id,
                RISK,
                "{\"corporateNumber\":\"5111101000006\",\"supplierCode\":\"API-1\",\"name\":\"株式会社エーピーアイ改\",\"version\":0}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("version").asInt()).isEqualTo(1);

        Answer stale = call(
                "PUT",
                "/api/v1/suppliers/" + id,
                RISK,
                "{\"name\":\"古い版からの更新\",\"supplierCode\":\"API-1\",\"version\":0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("code").asText()).isEqualTo("STALE_VERSION");

        assertThat(call("DELETE", "/api/v1/suppliers/" + id + "?version=1", RISK, null)
                        .status())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/suppliers/" + id, RISK, null).status()).isEqualTo(404);
    }

    @Test
    void validation_errors_list_each_problem_with_a_stable_code_in_the_requested_language() throws Exception {
        Answer english = call("POST", "/api/v1/suppliers", RISK, "{\"corporateNumber\":\"2180301021008\"}", "en");
        Answer japanese = call("POST", "/api/v1/suppliers", RISK, "{\"corporateNumber\":\"2180301021008\"}", "ja");

        assertThat(english.status()).isEqualTo(422);
        assertThat(english.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(english.body().get("problems").findValuesAsText("code"))
                .containsExactlyInAnyOrder("validation.required", "corporateNumber.invalid.wrong_check_digit");
        assertThat(english.body().get("message").asText()).contains("check digit");
        assertThat(japanese.body().get("message").asText()).contains("チェックデジット");
    }

    @Test
    void a_malformed_body_is_a_400_not_a_500() throws Exception {
        Answer garbage = call("POST", "/api/v1/suppliers", RISK, "{not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void the_auditor_token_reads_but_cannot_write() throws Exception {
        assertThat(call("GET", "/api/v1/contracts?limit=5", AUDITOR, null).body())
                .hasSize(5);
        Answer refused = call("POST", "/api/v1/suppliers", AUDITOR, "{\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_unit_bound_token_cannot_see_another_units_contract() throws Exception {
        assertThat(call("GET", "/api/v1/contracts/HMC-2026-0001", PROCUREMENT, null)
                        .status())
                .isEqualTo(200);
        Answer other = call("GET", "/api/v1/contracts/HSK-2026-0004", PROCUREMENT, null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(call("GET", "/api/v1/contracts/HSK-2026-0004/subcontractors", PROCUREMENT, null)
                        .status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/contracts?limit=1000", PROCUREMENT, null)
                        .body())
                .allSatisfy(c -> assertThat(c.get("orgUnitName").asText()).isEqualTo("星見自動車 購買部"));
    }

    @Test
    void a_level_below_the_suggestion_is_accepted_as_a_pending_decision_not_applied() throws Exception {
        String contract = """
                {"contractNumber":"API-2026-0009","title":"レベル判断のAPIテスト","supplierCode":"S-10002",
                 "orgUnitCode":"HMC-PUR","startDate":"2026-04-01","endDate":"2027-03-31",
                 "handlesConfidential":true,"businessCritical":false,"networkAccess":false,%s}""";
        Answer created = call("POST", "/api/v1/contracts", RISK, contract.formatted("\"requiredLevel\":\"STAR4\""));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("pendingLevelDecision").isNull()).isTrue();

        Answer lowered = call(
                "PUT",
                "/api/v1/contracts/API-2026-0009",
                PROCUREMENT,
                contract.formatted("\"requiredLevel\":\"STAR3\",\"levelReason\":\"閲覧のみで機密情報は持ち出されないため。\","
                        + "\"version\":" + created.body().get("version").asInt()));

        assertThat(lowered.status()).isEqualTo(202);
        assertThat(lowered.body().get("requiredLevel").asText()).isEqualTo("STAR4");
        JsonNode pending = lowered.body().get("pendingLevelDecision");
        assertThat(pending.get("requestedLevel").asText()).isEqualTo("STAR3");
        assertThat(pending.get("suggestedLevel").asText()).isEqualTo("STAR4");
        assertThat(pending.get("state").asText()).isEqualTo("REQUESTED");
        Answer read = call("GET", "/api/v1/contracts/API-2026-0009", AUDITOR, null);
        assertThat(read.body().get("requiredLevel").asText()).isEqualTo("STAR4");
        assertThat(read.body().get("pendingLevelDecision").get("id").asLong())
                .isEqualTo(pending.get("id").asLong());

        // a plain update at the suggestion answers 200 and withdraws nothing it does not change
        Answer retitled = call(
                "PUT",
                "/api/v1/contracts/API-2026-0009",
                RISK,
                contract.formatted("\"requiredLevel\":\"STAR4\",\"version\":"
                        + read.body().get("version").asInt()));
        assertThat(retitled.status()).isEqualTo(200);
        assertThat(retitled.body().get("pendingLevelDecision").get("id").asLong())
                .isEqualTo(pending.get("id").asLong());
    }

    @Test
    void a_contract_and_its_chain_are_filed_with_codes_as_an_erp_would() throws Exception {
        Answer created = call("POST", "/api/v1/contracts", RISK, """
                {"contractNumber":"API-2026-0001","title":"ERP連携テスト","supplierCode":"S-10002",
                 "orgUnitCode":"HMC-ELE","ownerUsername":"procurement","startDate":"2026-04-01","endDate":"2027-03-31",
                 "handlesConfidential":true,"businessCritical":false,"networkAccess":false,"requiredLevel":"STAR4"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("suggestedLevel").asText()).isEqualTo("STAR4");
        assertThat(created.body().get("ownerName").asText()).startsWith("調達 花子");

        Answer link = call(
                "POST",
                "/api/v1/contracts/API-2026-0001/subcontractors",
                RISK,
                "{\"childSupplierCode\":\"S-10013\",\"confidentialDataFlows\":true}");
        assertThat(link.status()).isEqualTo(201);
        assertThat(link.body().get("requiredLevel").asText()).isEqualTo("STAR4");

        Answer loop = call(
                "POST",
                "/api/v1/contracts/API-2026-0001/subcontractors",
                RISK,
                "{\"parentSupplierCode\":\"S-10013\",\"childSupplierCode\":\"S-10002\"}");
        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.body().get("problems").get(0).get("code").asText()).isEqualTo("chain.cycle");

        assertThat(call("GET", "/api/v1/contracts/API-2026-0001/subcontractors", AUDITOR, null)
                        .body())
                .hasSize(1)
                .allSatisfy(l -> assertThat(l.get("businessCritical").isNull())
                        .as("left out = not answered")
                        .isTrue());

        // issue 22: only "business critical = yes" under a ★4 contract asks ★4, and says why
        Answer critical = call(
                "POST",
                "/api/v1/contracts/API-2026-0001/subcontractors",
                RISK,
                "{\"childSupplierCode\":\"S-10031\",\"businessCritical\":true}");
        assertThat(critical.status()).isEqualTo(201);
        assertThat(critical.body().get("businessCritical").asBoolean()).isTrue();
        assertThat(critical.body().get("requiredLevel").asText()).isEqualTo("STAR4");
        assertThat(critical.body().get("raisedBy").get(0).asText()).isEqualTo("BUSINESS_CRITICAL");
        assertThat(call("GET", "/api/v1/contracts/API-2026-0001/subcontractors", AUDITOR, null)
                        .body())
                .anySatisfy(l -> {
                    assertThat(l.get("childSupplierId").asLong())
                            .isEqualTo(critical.body().get("childSupplierId").asLong());
                    assertThat(l.get("businessCritical").asBoolean()).isTrue();
                });

        // all three answers: absent or null = not answered, an explicit false = no; an update replaces them
        Answer partial = call(
                "POST",
                "/api/v1/contracts/API-2026-0001/subcontractors",
                RISK,
                "{\"childSupplierCode\":\"S-10034\",\"confidentialDataFlows\":null,\"systemAccess\":false}");
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.body().get("confidentialDataFlows").isNull()).isTrue();
        assertThat(partial.body().get("businessCritical").isNull()).isTrue();
        assertThat(partial.body().get("systemAccess").asBoolean()).isFalse();
        assertThat(partial.body().get("systemAccess").isBoolean()).isTrue();
        assertThat(partial.body().get("requiredLevel").asText()).isEqualTo("STAR3");
        String linkPath = "/api/v1/contracts/API-2026-0001/subcontractors/"
                + partial.body().get("id").asLong() + "?version="
                + partial.body().get("version").asInt();
        Answer updated = call("PUT", linkPath, RISK, "{\"confidentialDataFlows\":true,\"businessCritical\":false}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("confidentialDataFlows").asBoolean()).isTrue();
        assertThat(updated.body().get("businessCritical").asBoolean()).isFalse();
        assertThat(updated.body().get("systemAccess").isNull())
                .as("left out = not answered")
                .isTrue();
        assertThat(updated.body().get("requiredLevel").asText()).isEqualTo("STAR4");
        assertThat(updated.body().get("raisedBy").get(0).asText()).isEqualTo("CONFIDENTIAL_DATA");
        assertThat(call("PUT", linkPath, RISK, "{}").status())
                .as("the old version is stale")
                .isEqualTo(409);
    }

    @Test
    void the_openapi_description_needs_a_login_and_describes_the_api() throws Exception {
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
    }

    @Test
    void the_openapi_description_documents_the_three_chart_answers_of_a_link() throws Exception {
        // the description served at /api/docs (behind the app's sign-in), produced by springdoc in-process
        byte[] json = openApi.openapiJson(
                new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/docs"),
                "/api/docs",
                java.util.Locale.ENGLISH);
        var link = new ObjectMapper()
                .readTree(json)
                .get("components")
                .get("schemas")
                .get("LinkRequest")
                .get("properties");
        assertThat(link.get("businessCritical").get("description").asText()).contains("not answered");
        assertThat(link.get("confidentialDataFlows").get("description").asText())
                .contains("Q1")
                .contains("not answered");
        assertThat(link.get("systemAccess").get("description").asText())
                .contains("Q3")
                .contains("not answered");
    }
}
