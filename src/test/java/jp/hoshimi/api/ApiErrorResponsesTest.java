package jp.hoshimi.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, item 4, over real HTTP: every answer under /api/ is the API's JSON with its error codes, never a
 * redirect to the login page and never the app's HTML, also where Spring or the container refuses the request
 * before any controller runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiErrorResponsesTest {

    static final String TOKEN = "hsm_demo_risk_manager_token_0001";

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void an_unknown_api_path_with_a_valid_token_is_404_json() throws Exception {
        assertJsonError(send(request("/api/v1/no-such-thing").GET()), 404, "NOT_FOUND");
    }

    @Test
    void a_known_path_with_another_method_is_405_json() throws Exception {
        assertJsonError(send(request("/api/v1/findings").DELETE()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void an_answer_the_client_does_not_accept_is_406_json() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/findings"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "image/png")
                .GET();
        assertJsonError(send(request), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void a_body_of_an_unsupported_type_is_415_json() throws Exception {
        HttpRequest.Builder request = request("/api/v1/suppliers")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x"));
        assertJsonError(send(request), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void an_upload_over_the_servlet_limit_gets_the_imports_own_413_json() throws Exception {
        byte[] file = new byte[26 * 1024 * 1024];
        Arrays.fill(file, (byte) 'a');
        String boundary = "hoshimi-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request("/api/v1/imports?kind=suppliers&dryRun=true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, file, tail)));
        assertJsonError(send(request), 413, "import.rejected.too-large");
    }

    @Test
    void a_path_the_firewall_rejects_is_400_json() throws Exception {
        // HttpClient would encode these; a raw request sends them as an attacker would
        assertThat(rawGet("/api/v1/findings;x=1")).startsWith("HTTP/1.1 400").contains("\"code\":\"BAD_REQUEST\"");
        assertThat(rawGet("/api/v1/find%25ings")).startsWith("HTTP/1.1 400").contains("\"code\":\"BAD_REQUEST\"");
    }

    @Test
    void api_paths_outside_v1_without_a_session_are_401_json_not_the_login_page() throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(uri("/api/docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertJsonError(response, 401, "UNAUTHORIZED");
    }

    private void assertJsonError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
