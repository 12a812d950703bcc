package jp.hoshimi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A browser that closes a page mid-answer is logged at DEBUG in one line (issue 24); every other failure
 * still reaches the container's error handling. Tomcat's own exception class, as the connector throws it.
 */
class ClientAbortFilterTest {

    final ClientAbortFilter filter = new ClientAbortFilter();
    final Logger logger = (Logger) LoggerFactory.getLogger(ClientAbortFilter.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Level before;

    @BeforeEach
    void listen() {
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setLevel(before);
    }

    @Test
    void a_broken_pipe_while_writing_is_swallowed_and_logged_at_debug_without_a_stack_trace() throws Exception {
        run(failingWith(new ClientAbortException(new IOException("Broken pipe"))));

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage())
                    .startsWith("Client went away during GET /api/v1/suppliers/export")
                    .contains("Broken pipe");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void a_client_abort_wrapped_by_the_servlet_layers_is_recognised_too() throws Exception {
        run(failingWith(new ServletException(new RuntimeException(new ClientAbortException("Connection reset")))));
        run(failingWith(new AsyncRequestNotUsableException("Response not usable after response errors.")));

        assertThat(logged.list).hasSize(2).allMatch(event -> event.getLevel() == Level.DEBUG);
    }

    @Test
    void any_other_failure_goes_on_to_the_error_handling_unchanged() {
        IOException disk = new IOException("No space left on device");
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThatThrownBy(() -> run(failingWith(disk))).isSameAs(disk);
        assertThatThrownBy(() -> run(failingWith(bug))).isSameAs(bug);
        assertThat(logged.list).isEmpty();
    }

    private void run(FilterChain chain) throws ServletException, IOException {
        filter.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/suppliers/export"), new MockHttpServletResponse(), chain);
    }

    private static FilterChain failingWith(Exception e) {
        return (request, response) -> {
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) e;
        };
    }
}
