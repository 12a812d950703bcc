package jp.hoshimi.outreach;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.hoshimi.outreach.internal.TemplateRepository;
import jp.hoshimi.shared.StarLevel;
import org.springframework.stereotype.Component;

/**
 * The letters to suppliers, per gap type, in Japanese (敬語, a business letter) and English: a polite request
 * with the reason and the date, no threat, pointers to SECURITY ACTION and IPA's material. The default texts
 * live in the message bundles ({@code request.template.*}); risk managers may replace them (V35,
 * {@link RequestTemplateService}). Templates use named placeholders ({@link #PLACEHOLDERS}); the request keeps
 * the message as the user last edited it.
 */
@Component
public class RequestTemplates {

    public static final String LINK = "{link}";

    /** The placeholders a template may use, in the order the editor lists them. */
    public static final List<String> PLACEHOLDERS = List.of("supplier", "level", "dueDate", "contracts", "sender");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{0,40})}");

    private final I18NProvider messages;
    private final TemplateRepository stored;

    RequestTemplates(I18NProvider messages, TemplateRepository stored) {
        this.messages = messages;
        this.stored = stored;
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    private String t(String language, String key, Object... args) {
        return messages.getTranslation(key, locale(language), args);
    }

    /** The default text of a template: the bundle's, with its numbered arguments as named placeholders. */
    public String defaultBody(GapType gap, String language) {
        Object[] names = PLACEHOLDERS.stream().map(p -> "{" + p + "}").toArray();
        return t(language, "request.template." + gap.name(), names);
    }

    /** The template in use: the stored one, else the default. */
    public TemplateText template(GapType gap, String language) {
        return stored.find(gap, language)
                .orElseGet(() -> new TemplateText(gap, language, defaultBody(gap, language), false, -1, null, null));
    }

    /** The message of a new request: the gap type's template filled in. */
    public String message(
            GapType gap,
            String language,
            String supplierName,
            StarLevel level,
            LocalDate due,
            List<RequestContract> contracts,
            String sender) {
        String list = contracts.isEmpty()
                ? t(language, "request.template.noContracts")
                : contracts.stream()
                        .map(c -> "・" + c.contractNumber() + (c.contractTitle() == null ? "" : " " + c.contractTitle()))
                        .collect(Collectors.joining("\n"));
        return render(template(gap, language).body(), supplierName, level.label(), date(due, language), list, sender);
    }

    /** {@code body} with its placeholders filled in, in the order of {@link #PLACEHOLDERS}; the rest as written. */
    static String render(String body, String... values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = PLACEHOLDERS.indexOf(m.group(1));
            String value = i < 0 ? m.group() : values[i] == null ? "" : values[i];
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The placeholders {@code body} uses that do not exist ({@code {company}}), or a brace left open
     * ({@code {supplier}); each as written, so the editor can say which.
     */
    public static List<String> unknownPlaceholders(String body) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(body);
        int checked = 0;
        while (m.find()) {
            strayBraces(body.substring(checked, m.start()), unknown);
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group());
            }
            checked = m.end();
        }
        strayBraces(body.substring(checked), unknown);
        return unknown;
    }

    private static void strayBraces(String text, List<String> unknown) {
        int open = text.indexOf('{');
        int close = text.indexOf('}');
        if (open >= 0) {
            unknown.add(text.substring(open, Math.min(text.length(), open + 20)).split("\\R", 2)[0]);
        } else if (close >= 0) {
            unknown.add("}");
        }
        int wide = text.indexOf('｛');
        if (wide >= 0) {
            unknown.add(text.substring(wide, Math.min(text.length(), wide + 20)).split("\\R", 2)[0]);
        }
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
