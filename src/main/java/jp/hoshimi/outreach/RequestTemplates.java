package jp.hoshimi.outreach;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.hoshimi.shared.StarLevel;
import org.springframework.stereotype.Component;

/**
 * The letters to suppliers, per gap type, in Japanese (敬語, a business letter) and English: a polite request
 * with the reason and the date, no threat, pointers to SECURITY ACTION and IPA's material. The texts live in
 * the message bundles ({@code request.template.*}); the request keeps the message as the user last edited it.
 */
@Component
public class RequestTemplates {

    public static final String LINK = "{link}";

    private final I18NProvider messages;

    RequestTemplates(I18NProvider messages) {
        this.messages = messages;
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    private String t(String language, String key, Object... args) {
        return messages.getTranslation(key, locale(language), args);
    }

    /** The message of a new request: the gap type's template filled in. */
    public String message(
            GapType gap,
            String language,
            String supplierName,
            StarLevel level,
            LocalDate due,
            List<RequestContract> contracts) {
        String list = contracts.isEmpty()
                ? t(language, "request.template.noContracts")
                : contracts.stream()
                        .map(c -> "・" + c.contractNumber() + (c.contractTitle() == null ? "" : " " + c.contractTitle()))
                        .collect(Collectors.joining("\n"));
        return t(language, "request.template." + gap.name(), supplierName, level.label(), date(due, language), list);
    }

    public String subject(String language, String supplierName, StarLevel level, boolean reminder) {
        return t(
                language,
                reminder ? "request.letter.subject.reminder" : "request.letter.subject",
                supplierName,
                level.label());
    }

    /** The letter: the message, then how to answer (the link, put in when the mail leaves). */
    public String letter(String language, String message, LocalDate due, boolean reminder) {
        String opening = reminder ? t(language, "request.letter.reminder", date(due, language)) + "\n\n" : "";
        return opening + message + "\n\n" + t(language, "request.letter.answer", LINK) + "\n\n"
                + t(language, "request.letter.footer");
    }

    static String date(LocalDate date, String language) {
        return "en".equals(language)
                ? date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                : date.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }
}
