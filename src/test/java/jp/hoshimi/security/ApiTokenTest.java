package jp.hoshimi.security;

import static jp.hoshimi.db.Tables.API_TOKEN;
import static jp.hoshimi.db.Tables.SIGN_IN_THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API tokens over real HTTP: only the SHA-256 of a value is kept, a revoked, mistyped or oversized value
 * is refused with 401, and a token sees the contracts of its unit and the units below, nothing else.
 * (A token has no expiry date: it works until it is revoked, or its creator is deactivated, see
 * UserAdministrationTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokenTest {

    private static final String PREFIX = "t16-token";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** Also forgets the refused tokens counted against this address: other tests call from it too. */
    @AfterEach
    void remove_test_tokens_and_the_failures_they_counted() {
        dsl.deleteFrom(API_TOKEN).where(API_TOKEN.NAME.startsWith(PREFIX)).execute();
        dsl.deleteFrom(SIGN_IN_THROTTLE).execute();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String create(String name, Role role, Long unitId) {
        return system.callAsSystem(() -> tokens.create(PREFIX + name, role, unitId));
    }

    @Test
    void only_the_sha256_of_a_token_is_stored_and_the_value_is_nowhere_in_the_database_row() throws Exception {
        String value = create("-hash", Role.AUDITOR, null);

        var row = dsl.selectFrom(API_TOKEN)
                .where(API_TOKEN.NAME.eq(PREFIX + "-hash"))
                .fetchSingle();
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.getTokenHash()).isEqualTo(sha256);
        assertThat(row.intoList())
                .noneSatisfy(field -> assertThat(String.valueOf(field)).contains(value));
        assertThat(value).startsWith("hsm_").hasSizeGreaterThanOrEqualTo(ApiTokenService.MINIMUM_TOKEN_LENGTH);
        assertThat(create("-hash-2", Role.AUDITOR, null)).isNotEqualTo(value);
    }

    @Test
    void a_short_value_or_a_procurement_token_without_a_unit_is_refused_when_registered() {
        assertThatThrownBy(() ->
                        system.runAsSystem(() -> tokens.register(PREFIX + "-short", Role.AUDITOR, null, "hsm_short")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> create("-nounit", Role.PROCUREMENT, null)).isInstanceOf(ValidationException.class);
        assertThat(system.callAsSystem(tokens::list)).noneMatch(t -> t.name().startsWith(PREFIX));
    }

    @Test
    void a_revoked_mistyped_or_oversized_token_is_refused_and_a_working_one_records_its_use() throws Exception {
        String value = create("-revoke", Role.RISK_MANAGER, null);
        assertThat(get("/api/v1/suppliers?limit=1", value).statusCode()).isEqualTo(200);
        assertThat(system.callAsSystem(tokens::list).stream()
                        .filter(t -> t.name().equals(PREFIX + "-revoke"))
                        .findFirst()
                        .orElseThrow()
                        .lastUsedAt())
                .isNotNull();

        String mistyped = value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A");
        assertThat(get("/api/v1/suppliers?limit=1", mistyped).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/suppliers?limit=1", value + "x".repeat(2000)).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/suppliers?limit=1", "' OR '1'='1").statusCode()).isEqualTo(401);

        long id = system.callAsSystem(tokens::list).stream()
                .filter(t -> t.name().equals(PREFIX + "-revoke"))
                .findFirst()
                .orElseThrow()
                .id();
        system.runAsSystem(() -> tokens.revoke(id));

        HttpResponse<String> revoked = get("/api/v1/suppliers?limit=1", value);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json.readTree(revoked.body()).get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(tokens.authenticate(value)).isEmpty();
    }

    @Test
    void a_unit_bound_token_lists_the_contracts_of_its_unit_and_the_units_below_and_nothing_else() throws Exception {
        String company = create("-hmc", Role.PROCUREMENT, DemoUnits.id(orgUnits, system, "HMC"));
        String department = create("-hsk-it", Role.AUDITOR, DemoUnits.id(orgUnits, system, "HSK-IT"));

        assertThat(unitNamesListedWith(company))
                .contains(unitName("HMC-PUR"), unitName("HMC-ELE"))
                .isSubsetOf(unitName("HMC"), unitName("HMC-PUR"), unitName("HMC-ELE"), unitName("HMC-LOG"));
        assertThat(unitNamesListedWith(department)).containsExactly(unitName("HSK-IT"));
        assertThat(get("/api/v1/contracts/HSK-2026-0004", department).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/contracts/HSK-2026-0004", company).statusCode()).isEqualTo(404);
    }

    private Set<String> unitNamesListedWith(String token) throws Exception {
        HttpResponse<String> answer = get("/api/v1/contracts?limit=1000", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(answer.body());
        return StreamSupport.stream(page.spliterator(), false)
                .map(c -> c.get("orgUnitName").asText())
                .collect(Collectors.toSet());
    }

    private String unitName(String code) {
        return system.callAsSystem(orgUnits::all).stream()
                .filter(u -> u.code().equals(code))
                .map(OrgUnit::name)
                .findFirst()
                .orElseThrow();
    }
}
