package jp.hoshimi.dev;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDateTime;
import java.util.UUID;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.alert.OutgoingMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dev sent-mail screen shows each user their own mails; administrators see everyone's (issue 13). */
class DevMailViewTest extends KaribuTest {

    @Autowired
    DevMailSink sink;

    private String toProcurement;
    private String toRisk;

    @BeforeEach
    void two_mails_for_two_people() {
        toProcurement = "調達向け " + UUID.randomUUID();
        toRisk = "リスク向け " + UUID.randomUUID();
        sink.deliver(mail("procurement@example.jp", toProcurement));
        sink.deliver(mail("risk@example.jp", toRisk));
    }

    private static OutgoingMail mail(String to, String subject) {
        return new OutgoingMail(
                "<" + UUID.randomUUID() + "@test>",
                "hoshimi@localhost",
                to,
                subject,
                subject,
                "<p>" + subject,
                LocalDateTime.now());
    }

    private java.util.List<String> subjectsShown() {
        UI.getCurrent().navigate(DevMailView.class);
        return _get(DevMailView.class)
                .mails
                .getListDataView()
                .getItems()
                .map(OutgoingMail::subject)
                .toList();
    }

    @Test
    void a_user_sees_only_the_mails_sent_to_them() {
        signInAsUser("procurement");

        assertThat(subjectsShown()).contains(toProcurement).doesNotContain(toRisk);
        assertThat(_get(Paragraph.class, spec -> spec.withId("dev-mail-scope")).getText())
                .contains("procurement@example.jp");
    }

    @Test
    void an_administrator_sees_everyones_mails() {
        signInAsUser("admin");

        assertThat(subjectsShown()).contains(toProcurement, toRisk);
    }
}
