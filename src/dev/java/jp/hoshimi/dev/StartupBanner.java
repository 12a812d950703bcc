package jp.hoshimi.dev;

import java.util.Arrays;
import java.util.stream.Collectors;
import jp.hoshimi.shared.identity.Role;
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
        log.info(text(env, port));
    }

    /** The banner: demo logins and tokens only where the demo data made them. */
    static String text(Environment env, String port) {
        StringBuilder text = new StringBuilder("\n\n  Hoshimi is running at http://localhost:" + port + "/\n");
        if (env.getProperty("hoshimi.dev.demo-data", Boolean.class, true)) {
            text.append("  Demo logins (user / password):\n")
                    .append(DemoData.DEMO_USERS.stream()
                            .map(user -> String.format(
                                    "    %-12s %s  (%s)",
                                    user.username(),
                                    DemoData.DEMO_PASSWORD,
                                    user.roles().iterator().next()))
                            .collect(Collectors.joining("\n")))
                    .append("\n  Demo API tokens (REST API under /api/v1, description at /api/docs):\n")
                    .append(Arrays.stream(Role.values())
                            .map(role ->
                                    String.format("    %-12s Authorization: Bearer %s", role, DemoData.demoToken(role)))
                            .collect(Collectors.joining("\n")))
                    .append('\n');
        } else {
            String admin = env.getProperty("hoshimi.initial-admin.username", "");
            text.append(
                    admin.isBlank()
                            ? "  No demo data (hoshimi.dev.demo-data=false) and no initial administrator"
                                    + " (hoshimi.initial-admin.username / .password): nobody can sign in yet.\n"
                            : "  No demo data (hoshimi.dev.demo-data=false): sign in as the initial administrator '"
                                    + admin + "' with the password you set (hoshimi.initial-admin.password).\n");
        }
        if (env.getProperty("spring.mail.host", "").isBlank()) {
            text.append("  Alert mails (no SMTP server set, spring.mail.host): http://localhost:")
                    .append(port)
                    .append("/dev/mail\n");
        }
        return text.toString();
    }
}
