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
    static final String ADMIN = "hsm_demo_admin_token_0001";

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
        assertThat(wrongToken.message()).as("Japanese by default").startsWith("有効なAPIトークン");
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

    // --- errors: which parameter, what was expected, in the caller's language (issue 18 step 2)

    @Test
    void a_wrong_enum_parameter_names_it_and_the_allowed_values_without_internals() throws Exception {
        Answer kind = api.send("POST", "/api/v1/register/sync?kind=FOO", ADMIN, null, "Accept-Language", "en");
        Answer level = api.get("/api/v1/contracts?requiredLevel=STAR9", RISK, "en");

        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.code()).isEqualTo("BAD_REQUEST");
        assertThat(kind.message()).contains("\"kind\"", "FOO", "STAR, SECURITY_ACTION");
        assertThat(kind.body().at("/problems/0/field").asText()).isEqualTo("kind");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.message()).contains("\"requiredLevel\"", "STAR9", "NONE", "STAR4");
        assertThat(kind.text() + level.text()).doesNotContain("No enum constant", "Failed to convert", "jp.hoshimi");
    }

    @Test
    void a_number_parameter_that_is_not_a_number_is_explained_in_japanese_by_default() throws Exception {
        Answer byDefault = api.get("/api/v1/findings?limit=abc", RISK, null);
        Answer unsupported = api.get("/api/v1/findings?limit=abc", RISK, "fr-FR");
        Answer english = api.get("/api/v1/findings?limit=abc", RISK, "en-US,en;q=0.8");

        assertThat(byDefault.status()).isEqualTo(400);
        assertThat(byDefault.message()).contains("「limit」", "abc", "整数");
        assertThat(unsupported.message()).isEqualTo(byDefault.message());
        assertThat(english.message()).isEqualTo("Parameter \"limit\": \"abc\" is not valid. Expected a whole number.");
        assertThat(byDefault.text()).doesNotContain("Failed to convert", "NumberFormatException");
    }

    @Test
    void a_body_field_of_the_wrong_type_or_broken_json_names_the_field_or_the_position() throws Exception {
        Answer field =
                api.send("POST", "/api/v1/contracts", RISK, "{\"requiredLevel\":\"GOLD\"}", "Accept-Language", "en");
        Answer broken = api.send("POST", "/api/v1/contracts", RISK, "{\"title\": ", "Accept-Language", "ja");
        Answer noVersion = api.send("PUT", "/api/v1/suppliers/1", RISK, "{\"name\":\"x\"}", "Accept-Language", "en");

        assertThat(field.status()).isEqualTo(400);
        assertThat(field.body().at("/problems/0/field").asText()).isEqualTo("requiredLevel");
        assertThat(field.message()).contains("GOLD", "NONE", "STAR5");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.message()).startsWith("本文が正しいJSONではありません");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.message()).contains("\"version\"", "version number");
    }

    // --- the screens' filters (step 3)

    @Test
    void the_contract_list_filters_by_status_like_the_screen() throws Exception {
        Answer expired = api.get("/api/v1/contracts?status=EXPIRED&limit=1000", RISK);
        Answer all = api.get("/api/v1/contracts?limit=1000", RISK);
        Answer notEvaluated = api.get("/api/v1/contracts?notEvaluated=true&limit=1000", RISK);
        Answer expiring = api.get("/api/v1/contracts?expiringWithinDays=3650&limit=1000", RISK);

        assertThat(expired.status()).as(expired.text()).isEqualTo(200);
        assertThat(expired.body().size()).isPositive().isLessThan(all.body().size());
        assertThat(notEvaluated.status()).isEqualTo(200);
        assertThat(notEvaluated.body().size()).isLessThan(all.body().size());
        assertThat(expiring.body().size())
                .isPositive()
                .isLessThanOrEqualTo(all.body().size());
        assertThat(api.get("/api/v1/contracts?status=BROKEN", RISK, "en").message())
                .contains("\"status\"", "BROKEN", "EXPIRED");
    }

    @Test
    void an_unknown_parameter_is_refused_naming_it_and_the_known_ones() throws Exception {
        Answer typo = api.get("/api/v1/contracts?stauts=EXPIRED", RISK, "en");
        Answer suppliers = api.get("/api/v1/suppliers?unit=X", RISK, "ja");

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.message()).contains("\"stauts\"", "status", "expiringWithinDays", "notEvaluated");
        assertThat(typo.body().at("/problems/0/field").asText()).isEqualTo("stauts");
        assertThat(suppliers.status()).isEqualTo(400);
        assertThat(suppliers.message()).contains("「unit」");
    }

    @Test
    void the_supplier_list_filters_by_its_own_status_and_quick_filter() throws Exception {
        Answer failing = api.get("/api/v1/suppliers?status=MISSING,EXPIRED&limit=1000", RISK);
        Answer noNumber = api.get("/api/v1/suppliers?quick=NO_CORPORATE_NUMBER&limit=1000", RISK);

        assertThat(failing.status()).as(failing.text()).isEqualTo(200);
        assertThat(failing.body())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("status").asText()).isIn("MISSING", "EXPIRED"));
        assertThat(noNumber.body())
                .allSatisfy(s -> assertThat(s.get("corporateNumber").isNull()).isTrue());
    }

    @Test
    void a_supplier_by_corporate_number_carries_its_real_status_and_the_number_is_normalised() throws Exception {
        JsonNode failing =
                api.get("/api/v1/suppliers?status=MISSING&limit=1", RISK).body().get(0);
        String number = failing.get("corporateNumber").asText();
        String wide = toFullWidth(number.substring(0, 4)) + "-" + number.substring(4);

        Answer byNumber = api.get("/api/v1/suppliers?corporateNumber=" + encode(wide), RISK);
        Answer invalid = api.get("/api/v1/suppliers?corporateNumber=1234567890123", RISK, "en");

        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body()).hasSize(1);
        assertThat(byNumber.body().get(0).get("status").asText()).isEqualTo("MISSING");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.body().at("/problems/0/field").asText()).isEqualTo("corporateNumber");
    }

    @Test
    void register_entries_normalise_full_width_and_hyphenated_numbers_and_refuse_invalid_ones() throws Exception {
        JsonNode entry =
                api.get("/api/v1/register/entries?limit=1", RISK).body().get(0);
        String number = entry.get("corporateNumber").asText();
        String wide = toFullWidth(number.substring(0, 1)) + "-" + number.substring(1, 5) + "-" + number.substring(5);

        Answer plain = api.get("/api/v1/register/entries?corporateNumber=" + number, RISK);
        Answer normalised = api.get("/api/v1/register/entries?corporateNumber=" + encode(wide), RISK);
        Answer invalid = api.get("/api/v1/register/entries?corporateNumber=1234567890123", RISK, "ja");

        assertThat(plain.body()).isNotEmpty();
        assertThat(normalised.body()).isEqualTo(plain.body());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().at("/problems/0/field").asText()).isEqualTo("corporateNumber");
        assertThat(invalid.message()).isNotBlank().doesNotContain("!corporateNumber");
    }

    // --- one paging scheme (step 4)

    @Test
    void a_limit_outside_one_to_the_maximum_is_refused_on_every_list() throws Exception {
        for (String list :
                new String[] {"/api/v1/suppliers", "/api/v1/contracts", "/api/v1/findings", "/api/v1/register/entries"
                }) {
            Answer negative = api.get(list + "?limit=-1", RISK, "en");
            Answer huge = api.get(list + "?limit=100000", RISK, "en");
            assertThat(negative.status()).as(list).isEqualTo(400);
            assertThat(negative.message()).as(list).contains("\"limit\"", "1 to 1000");
            assertThat(huge.status()).as(list).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/users?limit=0", ADMIN).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/suppliers?offset=-5", RISK).status()).isEqualTo(400);
    }

    @Test
    void a_list_pages_with_a_next_link_and_a_total_until_the_last_page() throws Exception {
        Answer first = api.get("/api/v1/suppliers?limit=2", RISK);
        int total = Integer.parseInt(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThan(2);
        assertThat(first.headers().firstValue("X-Total-Count-Capped")).hasValue("false");

        java.util.Set<Long> seen = new java.util.HashSet<>();
        String next = "/api/v1/suppliers?limit=2";
        int pages = 0;
        while (next != null) {
            Answer page = api.get(next, RISK);
            page.body().forEach(s -> seen.add(s.get("id").asLong()));
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf("/api/"), link.indexOf('>')))
                    .orElse(null);
            pages++;
        }
        assertThat(seen).hasSize(total);
        assertThat(pages).isEqualTo((total + 1) / 2);
    }

    // --- the endpoints an ERP job needs, ETag and If-Match (step 5)

    @Test
    void a_supplier_has_an_etag_and_an_update_with_a_stale_if_match_is_412() throws Exception {
        Answer created = api.send(
                "POST",
                "/api/v1/suppliers",
                RISK,
                "{\"supplierCode\":\"API-18-ETAG\",\"name\":\"株式会社イータグ\",\"country\":\"JP\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String path = "/api/v1/suppliers/" + created.body().get("id").asLong();
        try {
            String etag = api.get(path, RISK).headers().firstValue("ETag").orElseThrow();
            String body = "{\"supplierCode\":\"API-18-ETAG\",\"name\":\"株式会社イータグ改\",\"country\":\"JP\"}";

            Answer updated = api.send("PUT", path, RISK, body, "If-Match", etag);
            Answer stale = api.send("PUT", path, RISK, body, "If-Match", etag, "Accept-Language", "en");

            assertThat(updated.status()).as(updated.text()).isEqualTo(200);
            assertThat(updated.body().get("name").asText()).isEqualTo("株式会社イータグ改");
            assertThat(updated.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
            assertThat(stale.message()).contains("If-Match");
        } finally {
            int version = api.get(path, RISK).body().get("version").asInt();
            assertThat(api.send("DELETE", path + "?version=" + version, RISK, null)
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    void risk_managers_read_and_change_the_policy_with_if_match_and_procurement_may_not() throws Exception {
        Answer read = api.get("/api/v1/settings/policy", RISK);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        JsonNode policy = read.body();
        assertThat(policy.get("stalenessHours").asInt()).isPositive();
        assertThat(policy.at("/leadTimeDays/STAR4").isArray()).isTrue();

        String same = policy.toString().replaceAll(",?\"version\":-?\\d+", "");
        assertThat(api.send("PUT", "/api/v1/settings/policy", AUDITOR, same, "If-Match", etag)
                        .status())
                .isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/settings/policy", RISK, same, "If-Match", "\"12345\"")
                        .status())
                .isEqualTo(412);
        Answer saved = api.send("PUT", "/api/v1/settings/policy", RISK, same, "If-Match", etag);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().get("version").asInt())
                .isGreaterThan(policy.get("version").asInt());
        assertThat(api.get("/api/v1/settings/policy", PROCUREMENT).status()).isEqualTo(403);
    }

    @Test
    void the_supplier_check_answers_whether_a_contract_may_be_placed_and_why() throws Exception {
        JsonNode missing =
                api.get("/api/v1/suppliers?status=MISSING&limit=1", RISK).body().get(0);
        String path = "/api/v1/suppliers/" + missing.get("id").asLong() + "/check";

        Answer check = api.get(path + "?requiredLevel=STAR3", RISK, "en");
        Answer noLevel = api.get(path, RISK, "en");

        assertThat(check.status()).as(check.text()).isEqualTo(200);
        assertThat(check.body().get("canContract").asBoolean()).isFalse();
        assertThat(check.body().get("status").asText()).isEqualTo("MISSING");
        assertThat(check.body().get("reason").asText()).startsWith("Not in the register");
        assertThat(check.body().has("registerAsOf")).isTrue();
        assertThat(noLevel.status()).isEqualTo(400);
        assertThat(noLevel.message()).contains("\"requiredLevel\"", "STAR3");
    }

    @Test
    void sync_runs_are_listed_and_a_run_says_when_its_evaluation_completed() throws Exception {
        Answer started = api.send("POST", "/api/v1/register/sync", ADMIN, null);
        assertThat(started.status()).isEqualTo(202);
        String run = "/api/v1/register/sync-runs/" + started.body().get("runId").asLong();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(120))
                .until(() -> !api.get(run, RISK).body().get("evaluatedAt").isNull());
        JsonNode done = api.get(run, RISK).body();
        Answer runs = api.get("/api/v1/register/sync-runs?kind=STAR&limit=5", RISK);

        assertThat(done.get("outcome").asText()).isIn("SUCCEEDED", "NOT_MODIFIED");
        assertThat(done.get("evaluatedAt").asText())
                .isGreaterThanOrEqualTo(done.get("finishedAt").asText());
        assertThat(runs.status()).isEqualTo(200);
        assertThat(runs.body().get(0).get("id").asLong())
                .isEqualTo(done.get("id").asLong());
        assertThat(runs.headers().firstValue("X-Total-Count")).isPresent();
    }

    @Test
    void findings_and_lists_carry_the_register_freshness() throws Exception {
        Answer freshness = api.get("/api/v1/register/freshness", PROCUREMENT);
        Answer findings = api.get("/api/v1/findings?limit=1", PROCUREMENT);
        Answer contracts = api.get("/api/v1/contracts?limit=1", PROCUREMENT);

        assertThat(freshness.status()).isEqualTo(200);
        assertThat(freshness.body().get("registerAsOf").isNull()).isFalse();
        assertThat(freshness.body().get("stale").isBoolean()).isTrue();
        assertThat(findings.body().get("registerAsOf").asText())
                .isEqualTo(freshness.body().get("registerAsOf").asText());
        assertThat(findings.body().get("stale").asBoolean())
                .isEqualTo(freshness.body().get("stale").asBoolean());
        assertThat(contracts.headers().firstValue("X-Register-Stale"))
                .hasValue(String.valueOf(freshness.body().get("stale").asBoolean()));
        assertThat(contracts.headers().firstValue("X-Register-As-Of"))
                .get()
                .asString()
                .isNotBlank();
    }

    @Test
    void the_openapi_description_documents_if_match_and_412_on_updates() throws Exception {
        JsonNode paths = api.get("/api/docs", RISK).body().get("paths");
        assertThat(paths.at("/~1api~1v1~1suppliers~1{id}/put/responses").has("412"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1settings~1policy/put/responses").has("412"))
                .isTrue();
        assertThat(paths.has("/api/v1/register/sync-runs")).isTrue();
        assertThat(paths.has("/api/v1/suppliers/{id}/check")).isTrue();
    }

    static String toFullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
        return wide.toString();
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
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
