package jp.hoshimi.shared.web;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The app's address in links of mails and webhook posts: the configured public address
 * ({@code HOSHIMI_BASE_URL} / {@code hoshimi.alert.base-url}) when there is one, otherwise
 * {@code http://localhost:<the port the server really listens on>} — so a dev app started with
 * {@code --server.port=8183} (or PORT, or port 0 in tests) links to itself, not to :8080.
 */
@Component
public class AppBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private final Environment environment;
    private volatile int serverPort = -1;

    AppBaseUrl(Environment environment) {
        this.configured = environment.getProperty("hoshimi.alert.base-url", "");
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the application's own server, not a separate management server
        if (event.getApplicationContext().getServerNamespace() == null) {
            serverPort = event.getWebServer().getPort();
        }
    }

    /** The base address, always ending in "/". */
    public String get() {
        String base = configured != null && !configured.isBlank()
                ? configured.strip()
                : "http://localhost:" + (serverPort > 0 ? serverPort : environment.getProperty("server.port", "8080"));
        return base.endsWith("/") ? base : base + "/";
    }
}
