package jp.hoshimi.register.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.security.CurrentUser;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.HeaderContribution;
import org.springframework.stereotype.Component;

/**
 * "Register as of …" in the header of every screen, so no status is read without knowing how current
 * it is; past the staleness limit it turns into a warning.
 */
@Component
class RegisterFreshnessHeader implements HeaderContribution {

    private final RegisterService register;
    private final CurrentUser currentUser;

    RegisterFreshnessHeader(RegisterService register, CurrentUser currentUser) {
        this.register = register;
        this.currentUser = currentUser;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        if (currentUser.get().isEmpty()) {
            return new Span(); // the layout around an error page for someone not signed in
        }
        RegisterService.Freshness freshness = register.freshness();
        Anchor link = new Anchor("register");
        link.setId("register-freshness-header");
        link.addClassName("freshness-header");
        String text = freshness.lastSuccess() == null
                ? link.getTranslation("register.header.never")
                : link.getTranslation("register.header.at", Formats.dateTime(freshness.lastSuccess()));
        if (freshness.stale()) {
            link.addClassName("is-stale");
            link.add(VaadinIcon.WARNING.create());
            link.setTitle(link.getTranslation("register.freshness.stale", freshness.limitHours()));
        }
        link.add(new Span(text));
        link.getElement().setAttribute("data-stale", String.valueOf(freshness.stale()));
        return link;
    }
}
