package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.hoshimi.register.source.LocalRegisterServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Issue 24 as an IT department installs Hoshimi: {@code ./mvnw -Pproduction package} (built here beside the
 * running build, in {@code target/production}), the jar extracted and started by {@code docker/start.sh} as the
 * image does (decision 0048; the first start writes its class-data-sharing archive when it stops) on a new, empty
 * database with only the initial administrator's variables and SMTP, and the same checklist journey as on the
 * dev class path ({@link FreshInstallJourney}) — plus what only a production jar can get wrong: the theme is
 * applied without a frontend build, and no development tools reach the browser. The MariaDB server is the
 * test context's; the database is the jar's own.
 */
class ProductionJarJourneyBrowserTest extends FreshInstallJourney {

    static final Path BUILD = Path.of("target", "production");
    static final String DATABASE = "hoshimi_production_jar";
    static final Path ARCHIVE = BUILD.resolve("cds").resolve("app.jsa");

    static int smtpPort;
    static Process jar;
    static int jarPort;

    @Autowired
    Environment testContext;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void buildTheProductionJar() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "tmp")).resolve("production-build.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of("mvnw").toAbsolutePath().toString(),
                "-B",
                "-q",
                "-Pproduction",
                "-DskipTests",
                "-Dhoshimi.build.directory=" + BUILD.toAbsolutePath(),
                "package"));
        Process build = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // a build, not a wait for something to happen: 20 minutes is a hung build (7 min seen at load 28)
        if (!build.waitFor(20, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new IllegalStateException("the production build did not finish; see " + log);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("the production build failed; see " + log + ":\n" + tail(log));
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        register = LocalRegisterServer.start(FEED);
    }

    @BeforeEach
    void startTheJarOnAnEmptyDatabase() throws Exception {
        if (jar != null) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            jarPort = socket.getLocalPort();
        }
        String url = testContext
                .getProperty("spring.datasource.url")
                .replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + DATABASE);
        Path log = Path.of("target", "tmp", "production-jar.log");
        // as the image does (docker/Dockerfile, decision 0048): the jar extracted, started by docker/start.sh
        Path extracted = BUILD.resolve("extracted").toAbsolutePath();
        run(List.of(
                java(),
                "-Djarmode=tools",
                "-jar",
                theJar().toString(),
                "extract",
                "--force",
                "--destination",
                extracted.toString(),
                "--application-filename",
                "app.jar"));
        Files.deleteIfExists(ARCHIVE);
        ProcessBuilder start = new ProcessBuilder(
                        Path.of("docker", "start.sh").toAbsolutePath().toString(),
                        "--server.port=" + jarPort,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + testContext.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        start.environment().put("HOSHIMI_APP_JAR", extracted.resolve("app.jar").toString());
        start.environment().put("HOSHIMI_CDS_ARCHIVE", ARCHIVE.toAbsolutePath().toString());
        start.environment().put("JAVA_OPTS", "-Xmx512m -Djava.io.tmpdir=target/tmp");
        start.environment().put("PATH", Path.of(java()).getParent() + ":" + System.getenv("PATH"));
        start.environment().put("HOSHIMI_INITIAL_ADMIN_USERNAME", ADMIN);
        start.environment().put("HOSHIMI_INITIAL_ADMIN_PASSWORD", PASSWORD);
        jar = start.start();
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create(url("actuator/health/readiness"));
        await().atMost(Duration.ofMinutes(10)) // a JVM start on a busy build machine
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!jar.isAlive()) {
                        throw new IllegalStateException("the jar stopped; see " + log + ":\n" + tail(log));
                    }
                    return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (jar != null) {
            jar.destroy(); // SIGTERM, as `docker stop` sends
            boolean stopped = jar.waitFor(120, TimeUnit.SECONDS);
            if (!stopped) {
                jar.destroyForcibly();
            }
            jar = null;
            // the first start records the classes it loaded and writes the archive when it stops (decision 0048)
            assertThat(stopped).as("the app stopped on SIGTERM").isTrue();
            assertThat(ARCHIVE)
                    .as("the class-data-sharing archive written at the stop")
                    .isNotEmptyFile();
        }
    }

    @Override
    String url(String path) {
        return "http://localhost:" + jarPort + "/" + path;
    }

    @Test
    void the_production_jar_is_styled_has_no_dev_tools_and_leads_the_administrator_to_a_first_contract() {
        Page page = newPage("ja-JP");
        signIn(page, ADMIN, PASSWORD);

        // the theme, applied without a frontend build: the checklist's title is bold, its parts are lines
        assertThat(page.locator("#setup-step-register .setup-title")).hasCSS("font-weight", "600");
        assertThat(page.locator("#setup-step-register .setup-found")).hasCSS("display", "block");
        // production mode: Vaadin's development tools never reach the browser
        assertThat(page.locator("vaadin-dev-tools")).hasCount(0);

        followTheChecklist(page, "prod-");
    }

    /** Issue 16: the development tools (src/dev) stay out: the local register server, the embedded database. */
    @Test
    void the_production_jar_carries_no_development_code() throws IOException {
        try (JarFile jarFile = new JarFile(theJar().toFile())) {
            List<String> classes = jarFile.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/classes/"))
                    .toList();
            assertThat(classes)
                    .as("the application's own classes are in the jar")
                    .contains("BOOT-INF/classes/jp/hoshimi/HoshimiApplication.class")
                    .contains("BOOT-INF/classes/jp/hoshimi/register/source/HttpFeedSource.class")
                    .noneMatch(
                            name -> name.startsWith("BOOT-INF/classes/jp/hoshimi/register/source/LocalRegisterServer"))
                    .noneMatch(name -> name.startsWith("BOOT-INF/classes/jp/hoshimi/dev/"));
        }
    }

    private static Path theJar() throws IOException {
        try (Stream<Path> files = Files.list(BUILD)) {
            return files.filter(file -> file.getFileName().toString().matches("hoshimi-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the production build made no jar in " + BUILD))
                    .toAbsolutePath();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Path.of("target", "tmp", "production-extract.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
