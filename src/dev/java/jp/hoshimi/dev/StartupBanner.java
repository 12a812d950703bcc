package jp.hoshimi.dev;

import java.util.Arrays;
import java.util.stream.Collectors;
import jp.hoshimi.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the app runs and how to sign in. Development builds only. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port");
        if (port == null) {
            return; // no web server (e.g. a test without one)
        }
        String logins = DemoData.DEMO_USERS.stream()
                .map(user -> String.format(
                        "    %-12s %s  (%s)",
                        user.username(),
                        DemoData.DEMO_PASSWORD,
                        user.roles().iterator().next()))
                .collect(Collectors.joining("\n"));
        String tokens = Arrays.stream(Role.values())
                .map(role -> String.format("    %-12s Authorization: Bearer %s", role, DemoData.demoToken(role)))
                .collect(Collectors.joining("\n"));
        log.info(
                "\n\n  Hoshimi is running at http://localhost:{}/\n  Demo logins (user / password):\n{}\n"
                        + "  Demo API tokens (REST API under /api/v1, description at /api/docs):\n{}\n"
                        + "{}",
                port,
                logins,
                tokens,
                env.getProperty("spring.mail.host", "").isBlank()
                        ? "  Alert mails (no SMTP server set, spring.mail.host): http://localhost:" + port
                                + "/dev/mail\n"
                        : "");
    }
}
