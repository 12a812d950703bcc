package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Locale;

/** 日本語 / English. The choice is kept in a cookie, so it also applies to the login page next time. */
public class LanguageSwitch extends Composite<Select<Locale>> {

    public LanguageSwitch() {
        Select<Locale> select = getContent();
        select.setItems(MessageBundle.JAPANESE, MessageBundle.ENGLISH);
        select.setItemLabelGenerator(locale -> MessageBundle.JAPANESE.equals(locale) ? "日本語" : "English");
        select.setValue(MessageBundle.supported(UI.getCurrent().getLocale()));
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setAriaLabel("Language / 言語");
        select.setId("language-switch");
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                switchTo(event.getValue());
            }
        });
    }

    /** Applies the language to this browser (cookie, session, UI) and re-renders the page. */
    public static void switchTo(Locale locale) {
        Cookie cookie = new Cookie(UiSetup.LANGUAGE_COOKIE, locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        var response = VaadinService.getCurrentResponse();
        if (response != null) {
            response.addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
        // Re-render every text in the new language.
        ui.getPage().reload();
    }
}
