package jp.hoshimi.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jp.hoshimi.register.source.LocalRegisterServer;
import org.springframework.core.env.Environment;

/**
 * In development the app polls a real HTTP register: a local server on loopback serving the demo feeds
 * from {@code sample-data/} with ETag support, started once per JVM. Not started when a register source
 * is configured (hoshimi.register.star.url or .file), nor without demo data (hoshimi.dev.demo-data=false).
 */
final class DemoRegisterServer {

    static final Path STAR_FEED = Path.of("sample-data", "register-star.csv");
    static final Path SECURITY_ACTION_FEED = Path.of("sample-data", "register-security-action.csv");
    private static LocalRegisterServer server;

    private DemoRegisterServer() {}

    static synchronized Map<String, Object> properties(Environment environment) {
        Map<String, Object> properties = new HashMap<>();
        boolean configured = !environment
                        .getProperty("hoshimi.register.star.url", "")
                        .isBlank()
                || !environment.getProperty("hoshimi.register.star.file", "").isBlank();
        boolean demo = environment.getProperty("hoshimi.dev.demo-data", Boolean.class, true);
        if (configured || !demo || !Files.isReadable(STAR_FEED)) {
            return properties;
        }
        if (server == null) {
            server = Files.isReadable(SECURITY_ACTION_FEED)
                    ? LocalRegisterServer.start(0, STAR_FEED, SECURITY_ACTION_FEED)
                    : LocalRegisterServer.start(0, STAR_FEED);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "demo-register-stop"));
        }
        properties.put(
                "hoshimi.register.star.url",
                server.url(STAR_FEED.getFileName().toString()).toString());
        if (Files.isReadable(SECURITY_ACTION_FEED)) {
            properties.put(
                    "hoshimi.register.security-action.url",
                    server.url(SECURITY_ACTION_FEED.getFileName().toString()).toString());
        }
        properties.put("hoshimi.dev-register.url", server.url().toString());
        return properties;
    }
}
