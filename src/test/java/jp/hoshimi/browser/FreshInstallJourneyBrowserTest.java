package jp.hoshimi.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import jp.hoshimi.register.source.LocalRegisterServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 24's fresh-installation journey ({@link FreshInstallJourney}) on the dev class path: the app in this
 * JVM on a database of its own without demo data ({@code hoshimi.dev.demo-data=false}).
 * {@link ProductionJarJourneyBrowserTest} runs the same journey on the {@code -Pproduction} jar.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hoshimi.dev-db.database=hoshimi_fresh_install",
            "hoshimi.dev.demo-data=false",
            "hoshimi.dev.register-sync-at-start=false",
            "hoshimi.initial-admin.username=itadmin",
            "hoshimi.initial-admin.password=fresh-install-secret-24"
        })
class FreshInstallJourneyBrowserTest extends FreshInstallJourney {

    @DynamicPropertySource
    static void mailAndRegister(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        register = LocalRegisterServer.start(FEED);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    @Test
    void the_administrator_follows_the_checklist_to_a_first_evaluated_contract() {
        com.microsoft.playwright.Page page = newPage("ja-JP");
        signIn(page, ADMIN, PASSWORD);
        followTheChecklist(page, "fresh-");
    }
}
