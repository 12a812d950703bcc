package jp.hoshimi.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a user sees for an unknown address, or for a view their role may not open: the same answer for
 * both, so that the application does not reveal which pages exist.
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        getElement().appendChild(content().getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }

    private Component content() {
        Div box = new Div(
                new H2(getTranslation("error.notFound.title")),
                new Paragraph(getTranslation("error.notFound")),
                new Anchor("", getTranslation("error.backToDashboard")));
        box.addClassName("coming-soon");
        box.addClassName("error-box");
        box.setId("not-found");
        return box;
    }
}
