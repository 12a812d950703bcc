package jp.hoshimi.register.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.HeaderContribution;
import org.springframework.stereotype.Component;

/**
 * The business date every judgement is made as of, and when the register was last synced, in the header
 * of every screen, so no status is read without knowing how current it is; past the staleness limit it
 * turns into a warning.
 */
@Component
class RegisterFreshnessHeader implements HeaderContribution {

    private static final String ID = "register-freshness-header";

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM/dd HH:mm");

    private final RegisterService register;
    private final CurrentUser currentUser;

    private final BusinessDate businessDate;

    RegisterFreshnessHeader(RegisterService register, CurrentUser currentUser, BusinessDate businessDate) {
        this.register = register;
        this.currentUser = currentUser;
        this.businessDate = businessDate;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        if (currentUser.get().isEmpty()) {
            return new Span(); // the layout around an error page for someone not signed in
        }
        Anchor link = new Anchor("register");
        link.setId(ID);
        link.addClassName("freshness-header");
        fill(link);
        return link;
    }

    /**
     * Reads the freshness again into this UI's header, after a sync or an upload on a screen that shows the
     * register's own freshness: the headline must agree with the page below it (the header is otherwise built
     * once per navigation).
     */
    void refresh(UI ui) {
        find(ui).ifPresent(this::fill);
    }

    private static Optional<Anchor> find(com.vaadin.flow.component.Component parent) {
        return parent.getChildren()
                .flatMap(c ->
                        c instanceof Anchor a && ID.equals(a.getId().orElse(null)) ? Stream.of(a) : find(c).stream())
                .findFirst();
    }

    private void fill(Anchor link) {
        link.removeAll();
        RegisterService.Freshness freshness = register.freshness();
        String text = freshness.lastSuccess() == null
                ? link.getTranslation("register.header.never")
                : link.getTranslation("register.header.at", Formats.dateTime(freshness.lastSuccess()));
        link.removeClassName("is-stale");
        if (freshness.stale()) {
            link.addClassName("is-stale");
            link.add(VaadinIcon.WARNING.create());
            link.setTitle(link.getTranslation("register.freshness.stale", freshness.limitHours()));
        } else {
            link.add(VaadinIcon.BOOK.create());
            link.setTitle(text);
        }
        // the date every judgement on the screen is made as of, then when the register was last synced
        Span asOf = new Span(link.getTranslation("header.businessDate", Formats.date(businessDate.today())));
        asOf.setId("header-business-date");
        asOf.addClassName("header-business-date");
        Span synced = new Span(text);
        synced.setId("header-register-sync");
        Span full = new Span(asOf, new Span(" · "), synced);
        full.addClassName("freshness-full");
        // a phone shows only this (the theme hides the other at its breakpoint)
        Span compact = new Span(
                freshness.lastSuccess() == null
                        ? link.getTranslation("register.header.compact.never")
                        : SHORT.format(freshness
                                .lastSuccess()
                                .atOffset(ZoneOffset.UTC)
                                .atZoneSameInstant(Formats.DISPLAY_ZONE)));
        compact.addClassName("freshness-compact");
        link.add(full, compact);
        link.getElement().setAttribute("data-stale", String.valueOf(freshness.stale()));
    }
}
