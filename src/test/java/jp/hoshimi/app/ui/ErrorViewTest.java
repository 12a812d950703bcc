package jp.hoshimi.app.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, item 5: a page that fails shows the app's error view — a plain message and a reference that is in the
 * log with the exception — and nothing internal (no exception class, message or stack trace), in both languages.
 */
class ErrorViewTest extends KaribuTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger errorLog = (Logger) LoggerFactory.getLogger(ErrorView.class);

    @BeforeEach
    void capture_the_log() {
        log.start();
        errorLog.addAppender(log);
    }

    @AfterEach
    void release_the_log() {
        errorLog.detachAppender(log);
    }

    @Test
    void a_failing_page_shows_a_plain_message_and_a_logged_reference_in_japanese() {
        assertPlainErrorWithLoggedReference(Locale.JAPANESE, "参照番号");
    }

    @Test
    void a_failing_page_shows_a_plain_message_and_a_logged_reference_in_english() {
        assertPlainErrorWithLoggedReference(Locale.ENGLISH, "Reference");
    }

    private void assertPlainErrorWithLoggedReference(Locale locale, String referenceLabel) {
        signInAs(locale, Role.PROCUREMENT);
        UI.getCurrent().navigate("test/failing-page");

        Div box = _get(Div.class, spec -> spec.withId("error-view"));
        String reference =
                _get(Span.class, spec -> spec.withId("error-reference")).getText();
        assertThat(reference).matches("[0-9a-f]{8}");
        assertThat(box.getElement().getTextRecursively())
                .contains(referenceLabel)
                .doesNotContain("IllegalStateException")
                .doesNotContain(FailingPageForTests.SECRET);
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(reference);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo(FailingPageForTests.SECRET);
        });
    }
}
