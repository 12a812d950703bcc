package jp.hoshimi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.HoshimiApplication;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import testsupport.GrantedMariaDb;

/**
 * Issue 15, item 7: the database grants of docs/security.md, on a MariaDB that checks grants (the tests' usual
 * server skips them). The documented statements are read from the document and run as root; the app then starts
 * on that server as documented — migrations by the owner user, the app as its own user — and works, and its user
 * can read and append to the audit log but not change or delete an event.
 */
class AuditGrantsTest {

    static final String OWNER_PASSWORD = "owner-secret-15";
    static final String APP_PASSWORD = "app-secret-15";
    static GrantedMariaDb db;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void startServerAndApp() throws Exception {
        assumeTrue(GrantedMariaDb.available(), "needs Debian's mariadb-server");
        db = GrantedMariaDb.start();
        List<String> documented = documentedStatements();
        db.rootExecute("", documented.toArray(String[]::new));
        app = new SpringApplicationBuilder(HoshimiApplication.class)
                .run(
                        "--spring.datasource.url=" + db.url("hoshimi"),
                        "--spring.datasource.username=hoshimi",
                        "--spring.datasource.password=" + APP_PASSWORD,
                        // as the documented environment variables SPRING_FLYWAY_USER, _PASSWORD and DB_GRANT_USER
                        "--spring.flyway.user=hoshimi_owner",
                        "--spring.flyway.password=" + OWNER_PASSWORD,
                        "--spring.flyway.placeholders.grant_user=hoshimi",
                        "--spring.quartz.scheduler-name=hoshimi-audit-grants",
                        // the demo data and a first register sync: the app at work on many tables, as its own user
                        "--hoshimi.dev-db.active=true",
                        "--server.port=0");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void the_migrations_ran_as_the_owner_and_the_app_works_as_its_own_user() throws Exception {
        try (Connection owner = db.connect("hoshimi", "hoshimi_owner", OWNER_PASSWORD);
                var rows = owner.createStatement()
                        .executeQuery("select distinct installed_by from flyway_schema_history")) {
            List<String> installers = new ArrayList<>();
            while (rows.next()) {
                installers.add(rows.getString(1));
            }
            assertThat(installers).containsExactly("hoshimi_owner");
        }
        int before = appCount("select count(*) from audit_event where entity_type = 'supplier'");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/suppliers"))
                                .header("Authorization", "Bearer hsm_demo_risk_manager_token_0001")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"corporateNumber\":\"5111101000006\","
                                        + "\"supplierCode\":\"GRANTS-1\",\"name\":\"株式会社権限試験\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(appCount("select count(*) from audit_event where entity_type = 'supplier'"))
                .as("the app appended the creation to the audit log")
                .isEqualTo(before + 1);
        AuditChainCheck check = app.getBean(SystemAuthentication.class)
                .callAsSystem(() -> app.getBean(AuditService.class).verifyChain());
        assertThat(check.isIntact()).as(check.toString()).isTrue();
    }

    @Test
    void the_app_user_appends_to_and_reads_the_audit_log_but_cannot_change_or_delete_an_event() throws Exception {
        try (Connection connection = db.connect("hoshimi", "hoshimi", APP_PASSWORD)) {
            connection.setAutoCommit(false);
            var statement = connection.createStatement();
            int inserted = statement.executeUpdate("insert into audit_event (occurred_at, actor, action, entity_type,"
                    + " entity_id, prev_hash, hash) select occurred_at, actor, action, entity_type, entity_id, hash,"
                    + " hash from audit_event order by id desc limit 1");
            assertThat(inserted).isOne();
            connection.rollback(); // a row outside the chain would break it
            assertThat(appCount("select count(*) from audit_event")).isPositive();
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set actor = 'someone else'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("UPDATE command denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DELETE command denied");
            // every other table stays writable for the app
            assertThat(statement.executeUpdate("update supplier set name = name"))
                    .isPositive();
            connection.rollback();
        }
    }

    private static int appCount(String sql) throws SQLException {
        try (Connection connection = db.connect("hoshimi", "hoshimi", APP_PASSWORD);
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The statements of the first SQL block in docs/security.md, with passwords in place of its "…". */
    static List<String> documentedStatements() throws Exception {
        String doc = Files.readString(Path.of("docs", "security.md"));
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("an SQL block in docs/security.md").isTrue();
        String sql = block.group(1)
                .lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n")
                .replaceFirst("'…'", "'" + OWNER_PASSWORD + "'")
                .replaceFirst("'…'", "'" + APP_PASSWORD + "'");
        List<String> statements = new ArrayList<>();
        for (String statement : sql.split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
