package jp.hoshimi.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Links in mails point at the port the app really listens on when no public address is configured (issue
 * 13: a dev app on --server.port=8183 sent links to :8080). The test server listens on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailLinkPortTest {

    @LocalServerPort
    int port;

    @Autowired
    AlertMessages messages;

    @Test
    void without_a_configured_address_mail_links_use_the_port_the_server_listens_on() {
        Alert importDone = new Alert(
                1,
                AlertKind.IMPORT_FINISHED,
                LocalDateTime.of(2026, 12, 1, 9, 0),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                77L,
                Map.of("status", "APPLIED", "importKind", "SUPPLIERS", "fileName", "a.csv", "total", "1"),
                List.of());

        AlertMessages.MailContent mail = messages.mail(List.of(importDone), "ja", false);

        assertThat(port).isNotEqualTo(8080);
        assertThat(messages.baseUrl()).isEqualTo("http://localhost:" + port + "/");
        assertThat(mail.text()).contains("http://localhost:" + port + "/imports/run/77");
        assertThat(mail.html()).contains("http://localhost:" + port + "/imports/run/77");
    }
}
