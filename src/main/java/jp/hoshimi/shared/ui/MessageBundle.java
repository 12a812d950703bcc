package jp.hoshimi.shared.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.hoshimi.shared.Labelled;
import org.springframework.stereotype.Component;

/**
 * UI text from {@code messages.properties} (English) and {@code messages_ja.properties} (Japanese). No
 * fallback to the server's default locale: an English user never sees Japanese because the server runs
 * in Japan, and vice versa.
 */
@Component
public class MessageBundle implements I18NProvider {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> LOCALES = List.of(JAPANESE, ENGLISH);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = ResourceBundle.getBundle("messages", supported(locale), NO_FALLBACK)
                    .getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(labelled(params, locale));
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    /** A level or status among the arguments is shown by its label (★4 Standard), never its name (STAR4). */
    private Object[] labelled(Object[] params, Locale locale) {
        Object[] shown = params.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Labelled value) {
                shown[i] = getTranslation(value.messageKey(), locale);
            }
        }
        return shown;
    }

    /** Japanese for a Japanese browser, English for everyone else. */
    public static Locale supported(Locale locale) {
        return locale != null && JAPANESE.getLanguage().equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
    }
}
