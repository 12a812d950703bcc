package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/v1 evaluation endpoints over real HTTP with the demo tokens, on the demo data as evaluated at start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceApiTest {

    static final String RISK = "hsm_demo_risk_manager_token_0001";
    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(String path, String token, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_contracts_evaluation_lists_its_chain_with_reasons_in_the_callers_language() throws Exception {
        HttpResponse<String> ja = get("/api/v1/contracts/HMC-2026-0001/evaluation", RISK, "ja");
        assertThat(ja.statusCode()).isEqualTo(200);
        JsonNode contract = json.readTree(ja.body());
        assertThat(contract.path("contractNumber").asText()).isEqualTo("HMC-2026-0001");
        JsonNode remote = linkOf(contract, "6010046673841"); // 株式会社ネクストリモート, not registered
        assertThat(remote.path("status").asText()).isEqualTo("MISSING");
        assertThat(remote.path("tier").asInt()).isEqualTo(2);
        assertThat(remote.path("reasonCode").asText()).isEqualTo("NOT_REGISTERED");
        assertThat(remote.path("reason").asText()).startsWith("台帳に登録がありません");
        assertThat(contract.path("status").asText()).isIn("REVOKED", "EXPIRED", "MISSING");

        JsonNode en = json.readTree(
                get("/api/v1/contracts/HMC-2026-0001/evaluation", RISK, "en").body());
        assertThat(linkOf(en, "6010046673841").path("reason").asText()).startsWith("Not in the register");
    }

    private static JsonNode linkOf(JsonNode contract, String corporateNumber) {
        for (JsonNode link : contract.path("links")) {
            if (corporateNumber.equals(link.path("corporateNumber").asText())) {
                return link;
            }
        }
        throw new AssertionError("no link for " + corporateNumber + " in " + contract);
    }

    @Test
    void findings_filter_by_status_and_stay_in_the_callers_scope() throws Exception {
        JsonNode expired = json.readTree(
                get("/api/v1/findings?status=EXPIRED,REVOKED", RISK, "en").body());
        assertThat(expired.path("total").asInt()).isPositive();
        assertThat(expired.path("findings"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.path("status").asText()).isIn("EXPIRED", "REVOKED"));

        JsonNode all =
                json.readTree(get("/api/v1/findings?limit=1000", RISK, "en").body());
        JsonNode mine = json.readTree(
                get("/api/v1/findings?limit=1000", PROCUREMENT, "en").body());
        assertThat(mine.path("total").asInt())
                .isPositive()
                .isLessThan(all.path("total").asInt());
        assertThat(mine.path("findings"))
                .allSatisfy(f -> assertThat(f.path("contractNumber").asText()).startsWith("HMC-"));
    }

    @Test
    void a_suppliers_evaluation_has_its_status_and_findings() throws Exception {
        JsonNode findings =
                json.readTree(get("/api/v1/findings?status=MISSING", RISK, "en").body());
        long supplierId = findings.path("findings").get(0).path("supplierId").asLong();

        JsonNode supplier = json.readTree(get("/api/v1/suppliers/" + supplierId + "/evaluation", RISK, "en")
                .body());

        assertThat(supplier.path("status").asText()).isIn("REVOKED", "EXPIRED", "MISSING");
        assertThat(supplier.path("findings"))
                .anySatisfy(f -> assertThat(f.path("status").asText()).isEqualTo("MISSING"));
    }

    @Test
    void bad_requests_get_clear_errors() throws Exception {
        HttpResponse<String> unknownStatus = get("/api/v1/findings?status=GREEN", RISK, "en");
        assertThat(unknownStatus.statusCode()).isBetween(400, 422);
        assertThat(unknownStatus.body()).contains("GREEN").contains("EXPIRED");
        assertThat(get("/api/v1/contracts/NO-SUCH/evaluation", RISK, "en").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/findings", null, "en").statusCode()).isEqualTo(401);
    }
}
