package jp.hoshimi.app.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteAccessDeniedError;

/** A view the user's role may not open answers like an unknown address (see {@link NotFoundView}). */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends RouteAccessDeniedError {

    private final NotFoundView notFound = new NotFoundView();

    public AccessDeniedView() {
        getElement().appendChild(notFound.getElement());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return notFound.setErrorParameter(
                event, new ErrorParameter<>(NotFoundException.class, new NotFoundException()));
    }
}
