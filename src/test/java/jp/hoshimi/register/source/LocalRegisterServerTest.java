package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import jp.hoshimi.register.source.LocalRegisterServer.Misbehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server itself, spoken to with a plain HTTP client. */
class LocalRegisterServerTest {

    @TempDir
    Path dir;

    Path star;
    Path securityAction;
    LocalRegisterServer server;
    HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        star = TestFeeds.csv(dir.resolve("register-star.csv"), 3);
        securityAction = TestFeeds.write(dir.resolve("register-security-action.json"), "{\"entries\":[]}\n");
        server = LocalRegisterServer.start(0, star, securityAction);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serves_each_feed_under_its_file_name_on_loopback() throws Exception {
        HttpResponse<String> csv = get(server.url("register-star.csv"), Map.of());
        HttpResponse<String> json = get(server.url("register-security-action.json"), Map.of());

        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.url()).isEqualTo(server.url("register-star.csv"));
        assertThat(csv.body()).isEqualTo(Files.readString(star));
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("ETag")).hasValue(server.etagOf("register-star.csv"));
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void head_sends_the_headers_only() throws Exception {
        HttpResponse<String> head = client.send(
                HttpRequest.newBuilder(server.url())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(star));
    }

    @Test
    void an_unknown_path_is_not_found_and_other_methods_are_not_allowed() throws Exception {
        HttpResponse<String> post = client.send(
                HttpRequest.newBuilder(server.url())
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get(server.url().resolve("/other.csv"), Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void if_none_match_decides_before_if_modified_since() throws Exception {
        String etag = server.etagOf("register-star.csv");
        String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));

        assertThat(get(server.url(), Map.of("If-None-Match", "W/" + etag)).statusCode())
                .isEqualTo(304);
        assertThat(get(server.url(), Map.of("If-None-Match", "\"other\", " + etag))
                        .statusCode())
                .isEqualTo(304);
        assertThat(get(server.url(), Map.of("If-None-Match", "\"other\"", "If-Modified-Since", future))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void if_modified_since_compares_whole_seconds() throws Exception {
        String lastModified = get(server.url(), Map.of())
                .headers()
                .firstValue("Last-Modified")
                .orElseThrow();
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .minusSeconds(1));

        assertThat(get(server.url(), Map.of("If-Modified-Since", lastModified)).statusCode())
                .isEqualTo(304);
        assertThat(get(server.url(), Map.of("If-Modified-Since", earlier)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void planned_misbehaviours_come_in_order_then_the_feed_again() throws Exception {
        server.next(Misbehaviour.INTERNAL_SERVER_ERROR, 2).next(Misbehaviour.NOT_MODIFIED);

        assertThat(get(server.url(), Map.of()).statusCode()).isEqualTo(500);
        assertThat(get(server.url(), Map.of()).statusCode()).isEqualTo(500);
        assertThat(get(server.url(), Map.of()).statusCode()).isEqualTo(304);
        assertThat(get(server.url(), Map.of()).statusCode()).isEqualTo(200);
        assertThat(server.requests())
                .extracting(LocalRegisterServer.Request::misbehaviour)
                .containsExactly(
                        Misbehaviour.INTERNAL_SERVER_ERROR,
                        Misbehaviour.INTERNAL_SERVER_ERROR,
                        Misbehaviour.NOT_MODIFIED,
                        null);
    }

    @Test
    void behave_drops_what_was_planned() throws Exception {
        server.next(Misbehaviour.INTERNAL_SERVER_ERROR, 3).behave();

        assertThat(get(server.url(), Map.of()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(URI url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
