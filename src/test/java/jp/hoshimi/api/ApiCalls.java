package jp.hoshimi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP calls to the test app's API with a bearer token, answering status, headers and JSON body. */
public final class ApiCalls {

    public record Answer(int status, HttpHeaders headers, JsonNode body, String text) {
        public String code() {
            return body == null || body.get("code") == null
                    ? null
                    : body.get("code").asText();
        }

        public String message() {
            return body == null || body.get("message") == null
                    ? null
                    : body.get("message").asText();
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    public ApiCalls(int port) {
        this.port = port;
    }

    public Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET());
    }

    public Answer get(String path, String token, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    public Answer send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode body = text == null
                        || text.isBlank()
                        || !text.strip().startsWith("{") && !text.strip().startsWith("[")
                ? null
                : json.readTree(text);
        return new Answer(response.statusCode(), response.headers(), body, text);
    }
}
