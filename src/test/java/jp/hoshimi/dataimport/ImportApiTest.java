package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/v1/imports over real HTTP with the demo tokens, on a database of its own. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hoshimi.dev-db.database=hoshimi_import_api")
class ImportApiTest {

    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";
    static final String AUDITOR = "hsm_demo_auditor_token_0001";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    private Answer post(String query, String token, String fileName, byte[] content, String language) throws Exception {
        String boundary = "----hoshimi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/imports" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    private Answer get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    @Test
    void a_dry_run_returns_the_preview_and_an_apply_writes_it() throws Exception {
        String number = ImportServiceTest.corporateNumber("710000000001");
        byte[] file = ImportFixtures.utf8("取引先名,法人番号,取引先コード", "API取込株式会社," + number + ",API-IMP-1");

        Answer preview = post("?kind=suppliers&dryRun=true", PROCUREMENT, "erp.csv", file, "en");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("status").asText()).isEqualTo("PREVIEWED");
        assertThat(preview.body().path("applied").asBoolean()).isFalse();
        assertThat(preview.body().path("counts").path("added").asInt()).isEqualTo(1);
        assertThat(preview.body().path("rows").get(0).path("outcome").asText()).isEqualTo("NEW");
        assertThat(get("/api/v1/suppliers?corporateNumber=" + number, PROCUREMENT)
                        .body())
                .isEmpty();

        Answer applied = post("?kind=suppliers&dryRun=false", PROCUREMENT, "erp.csv", file, "en");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().path("status").asText()).isEqualTo("APPLIED");
        assertThat(applied.body().path("file").path("sha256").asText()).hasSize(64);
        assertThat(get("/api/v1/suppliers?corporateNumber=" + number, PROCUREMENT)
                        .body()
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("API取込株式会社");
        long runId = applied.body().path("runId").asLong();
        assertThat(get("/api/v1/imports/" + runId + "/rows?outcome=NEW", PROCUREMENT)
                        .body())
                .hasSize(1);
    }

    @Test
    void rows_with_errors_are_not_applied_and_say_why() throws Exception {
        String good = ImportServiceTest.corporateNumber("710000000002");
        byte[] file = ImportFixtures.utf8("取引先名,法人番号", "良い株式会社," + good, "悪い株式会社,123");

        Answer answer = post("?kind=suppliers&dryRun=false", PROCUREMENT, "bad.csv", file, "ja");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("error").path("code").asText()).isEqualTo("import.rowErrors");
        JsonNode errorRow = answer.body().path("rows").get(1);
        assertThat(errorRow.path("row").asInt()).isEqualTo(3);
        assertThat(errorRow.path("outcome").asText()).isEqualTo("ERROR");
        assertThat(errorRow.path("problems").get(0).path("message").asText()).contains("13");
        assertThat(get("/api/v1/suppliers?corporateNumber=" + good, PROCUREMENT).body())
                .isEmpty();
    }

    @Test
    void a_file_that_is_not_a_spreadsheet_is_refused_with_a_stable_code() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);

        Answer answer = post("?kind=suppliers&dryRun=false", PROCUREMENT, "suppliers.xlsx", pdf, "ja");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.body().path("error").path("code").asText()).isEqualTo("import.rejected.not-a-spreadsheet");
        assertThat(answer.body().path("error").path("message").asText()).contains("表計算ファイルではありません");
    }

    @Test
    void bad_requests_and_roles_are_answered_plainly() throws Exception {
        byte[] file = ImportFixtures.utf8("取引先名", "X株式会社");
        assertThat(post("?kind=widgets", PROCUREMENT, "x.csv", file, "en").status())
                .isEqualTo(400);
        assertThat(post("?kind=suppliers", AUDITOR, "x.csv", file, "en").status())
                .isEqualTo(403);
        assertThat(post("?kind=suppliers", null, "x.csv", file, "en").status()).isEqualTo(401);
    }
}
