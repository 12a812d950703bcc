package jp.hoshimi.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.hoshimi.api.ApiCalls.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The committed OpenAPI document (docs/api/openapi.json) is what the running app serves at /api/docs: the
 * build generates the test client ({@link GeneratedClientTest}) from the committed file, so a change to the
 * API that is not written back there fails here. To update it, run this test and copy the live document it
 * writes to target/openapi.json over docs/api/openapi.json. Left out of the comparison: the servers (the
 * test's random port) and info.version (the build's version).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/api/openapi.json");
    static final Path LIVE = Path.of("target/openapi.json");

    @LocalServerPort
    int port;

    @Test
    void the_committed_openapi_document_is_the_one_the_app_serves() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Answer docs = new ApiCalls(port).get("/api/docs", RestApiTest.AUDITOR);
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        ObjectNode live = docs.body().deepCopy();
        live.remove("servers");
        Files.createDirectories(LIVE.getParent());
        Files.writeString(LIVE, json.writeValueAsString(live) + "\n");

        assertThat(comparable(live))
                .as("/api/docs differs from %s: copy %s over it (after checking the change is meant)", COMMITTED, LIVE)
                .isEqualTo(comparable(json.readTree(COMMITTED.toFile())));
    }

    private static JsonNode comparable(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("servers");
        ((ObjectNode) copy.get("info")).put("version", "see the build");
        return copy;
    }
}
