package jp.hoshimi.app.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A page that always fails (tests only): shows what a user sees of an unexpected error. */
@Route("test/failing-page")
@PermitAll
public class FailingPageForTests extends Div implements BeforeEnterObserver {

    public static final String SECRET = "internal detail jdbc:mariadb://secret-host";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        throw new IllegalStateException(SECRET);
    }
}
