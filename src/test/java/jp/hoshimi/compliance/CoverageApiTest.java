package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20 over REST with the demo tokens (the same context as ComplianceApiTest): the contract
 * evaluation's coverage and the contract list's coverageShort filter, on the demo data as of 2026-12-01.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageApiTest {

    static final String RISK = "hsm_demo_risk_manager_token_0001";
    /** Bound to 購買部: HMC-2026-0002 (電子部品調達部) is outside its scope. */
    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    private JsonNode get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void the_evaluation_says_until_when_the_chain_is_covered_and_the_renewals_the_contract_needs() throws Exception {
        // HMC-2026-0002 runs to 2027-09-02; its three ★3 links end 2027-06-30, 2026-12-05 and 2027-08-31
        JsonNode coverage =
                get("/api/v1/contracts/HMC-2026-0002/evaluation", RISK).path("coverage");

        assertThat(coverage.path("kind").asText()).isEqualTo("UNTIL");
        assertThat(coverage.path("coveredUntil").asText()).isEqualTo("2026-12-05");
        assertThat(coverage.path("contractEnd").asText()).isEqualTo("2027-09-02");
        assertThat(coverage.path("endsBeforeContract").asBoolean()).isTrue();
        assertThat(coverage.path("renewals").asInt()).isEqualTo(3);
        assertThat(coverage.path("links")).hasSize(3);
    }

    @Test
    void the_contract_list_filters_on_registrations_ending_before_the_contract() throws Exception {
        JsonNode all = get("/api/v1/contracts?limit=1000", RISK);
        JsonNode shortOnes = get("/api/v1/contracts?coverageShort=true&limit=1000", RISK);
        JsonNode mine = get("/api/v1/contracts?coverageShort=true&limit=1000", PROCUREMENT);

        assertThat(shortOnes.size()).isPositive().isLessThan(all.size());
        assertThat(shortOnes)
                .anySatisfy(c -> assertThat(c.path("contractNumber").asText()).isEqualTo("HMC-2026-0002"));
        // the procurement token's unit (購買部) only
        assertThat(mine.size()).isPositive().isLessThan(shortOnes.size());
        assertThat(mine)
                .noneSatisfy(c -> assertThat(c.path("contractNumber").asText()).isEqualTo("HMC-2026-0002"));
        assertThat(shortOnes).allSatisfy(c -> {
            LocalDate end = LocalDate.parse(c.path("endDate").asText());
            assertThat(c.path("notCovered").asBoolean()
                            || LocalDate.parse(c.path("coveredUntil").asText()).isBefore(end))
                    .as(c.path("contractNumber").asText())
                    .isTrue();
        });
    }
}
