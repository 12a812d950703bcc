package jp.hoshimi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The app in a child JVM on a test's own database: a second node, or a node to kill. Its class path is the
 * test's own; its output goes to {@code target/tmp/<log>}.
 */
public final class AppNode {

    private AppNode() {}

    /** Starts the app with the test context's database and these further {@code --name=value} arguments. */
    public static Process start(Environment testContext, String log, List<String> arguments) throws IOException {
        return start(testContext.getProperty("spring.datasource.url"), testContext, log, arguments);
    }

    /** Starts the app on the database at {@code databaseUrl} (the test context's server and user). */
    public static Process start(String databaseUrl, Environment testContext, String log, List<String> arguments)
            throws IOException {
        Path output = Files.createDirectories(Path.of("target", "tmp")).resolve(log);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=target/tmp",
                "-Duser.home=target/home",
                "-cp",
                System.getProperty("java.class.path"),
                HoshimiApplication.class.getName(),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + testContext.getProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                // the test's business date (the demo's fixed date): the same "today" as the test's own node
                "--hoshimi.clock.fixed-date=" + testContext.getProperty("hoshimi.clock.fixed-date", "")));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Waits until the node on {@code port} says it is ready; fails at once when it stopped. */
    public static void awaitReady(Process node, int port, String log) {
        await().atMost(Duration.ofMinutes(10)) // a JVM start on a busy build machine (5 min seen at load 27)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!node.isAlive()) {
                        throw new IllegalStateException("the node stopped; see target/tmp/" + log);
                    }
                    return send(HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                            .build())
                                    .statusCode()
                            == 200;
                });
    }

    /** Asks the node on {@code port} to sync the ★ register (as the demo administrator); the run's id. */
    public static long startSync(int port) throws IOException, InterruptedException {
        String answer = send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/register/sync?kind=STAR"))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer hsm_demo_admin_token_0001")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .body();
        return Long.parseLong(answer.replaceAll(".*\"runId\"\\s*:\\s*(\\d+).*", "$1"));
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
