package jp.hoshimi.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a user sees when a page fails to open (instead of Vaadin's error page, which shows the exception and,
 * in development, its stack trace): a plain message and a reference that is in the log with the exception.
 * A service's access refusal, and a route parameter that is no number (too long for one, say), answer like an
 * unknown address (see {@link NotFoundView}).
 */
@ParentLayout(MainLayout.class)
@PermitAll // Vaadin checks access to error views too: without this a failure showed "not found" (access denied)
public class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception cause = parameter.getCaughtException();
        if (cause instanceof AccessDeniedException || cause instanceof NumberFormatException) {
            NotFoundView notFound = new NotFoundView();
            removeAll();
            add(notFound);
            return notFound.setErrorParameter(
                    event, new ErrorParameter<>(NotFoundException.class, new NotFoundException()));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Page {} failed, reference {}", event.getLocation().getPath(), reference, cause);
        removeAll();
        add(content(reference));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    private Component content(String reference) {
        Span id = new Span(reference);
        id.setId("error-reference");
        Div box = new Div(
                new H2(getTranslation("error.title")),
                new Paragraph(getTranslation("error.page")),
                new Paragraph(new Span(getTranslation("error.reference") + " "), id),
                new Anchor("", getTranslation("error.backToDashboard")));
        box.addClassName("error-box");
        box.setId("error-view");
        return box;
    }
}
