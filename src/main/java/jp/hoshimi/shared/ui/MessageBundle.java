package jp.hoshimi.shared.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.shared.Text;
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

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Text.format(key, locale, params);
    }

    /** Japanese for a Japanese browser, English for everyone else. */
    public static Locale supported(Locale locale) {
        return Text.supported(locale);
    }
}
