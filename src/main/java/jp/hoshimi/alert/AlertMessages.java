package jp.hoshimi.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.web.AppBaseUrl;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of an alert in Japanese or English, from the app's message bundle: the one-line title the
 * notification centre shows, the mail (subject, text and HTML) and the webhook post.
 */
@Component
public class AlertMessages {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A rendered mail. */
    public record MailContent(String subject, String text, String html) {}

    /** One labelled line of an alert's details. */
    public record Line(String label, String value) {}

    private final I18NProvider messages;
    private final AppBaseUrl baseUrl;
    private final BusinessDate businessDate;
    private final ObjectMapper json = new ObjectMapper();

    AlertMessages(I18NProvider messages, AppBaseUrl baseUrl, BusinessDate businessDate) {
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.businessDate = businessDate;
    }

    /** The app's address that links start with (ends in "/"). */
    public String baseUrl() {
        return baseUrl.get();
    }

    public static Locale locale(String language) {
        return AlertPreferences.ENGLISH.equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }

    /** The one line that says what happened. */
    public String title(Alert alert, Locale locale) {
        return switch (alert.kind()) {
            case STATUS ->
                t(
                        locale,
                        "alert.title.STATUS",
                        status(alert.status(), locale),
                        supplier(alert),
                        contract(alert, locale));
            case EXPIRING ->
                t(
                        locale,
                        "alert.title.EXPIRING",
                        supplier(alert),
                        alert.warningDays(),
                        date(alert.validUntil()),
                        contract(alert, locale));
            case RESOLVED -> t(locale, "alert.title.RESOLVED", supplier(alert), contract(alert, locale));
            case EXCEPTION_ENDING ->
                t(
                        locale,
                        "alert.title.EXCEPTION_ENDING",
                        supplier(alert),
                        alert.warningDays(),
                        contract(alert, locale));
            case REGISTER_STALE -> {
                String last = alert.details().get("lastSuccess");
                String hours = alert.details().getOrDefault("limitHours", "");
                yield last == null || last.isBlank()
                        ? t(locale, "alert.title.REGISTER_STALE.never", hours)
                        : t(locale, "alert.title.REGISTER_STALE", dateTime(LocalDateTime.parse(last)), hours);
            }
            case IMPORT_FINISHED ->
                t(
                        locale,
                        "alert.title.IMPORT_FINISHED." + alert.details().getOrDefault("status", "APPLIED"),
                        alert.details().getOrDefault("fileName", ""));
            case AUDIT_CHAIN_BROKEN ->
                t(locale, "alert.title.AUDIT_CHAIN_BROKEN", alert.details().getOrDefault("eventId", ""));
            case LETTER -> t(locale, "alert.title.LETTER", alert.details().getOrDefault("to", ""), supplier(alert));
            case REQUEST ->
                t(
                        locale,
                        "alert.title.REQUEST." + alert.details().getOrDefault("event", "ANSWERED"),
                        supplier(alert),
                        alert.details().getOrDefault("dueDate", ""));
            case ENTITY_RENAMED ->
                t(
                        locale,
                        "alert.title.ENTITY_RENAMED",
                        supplier(alert),
                        alert.details().getOrDefault("officialName", ""));
            case ENTITY_MOVED ->
                t(
                        locale,
                        "alert.title.ENTITY_MOVED",
                        supplier(alert),
                        alert.details().getOrDefault("address", ""));
        };
    }

    /** The details under the title, in reading order. */
    public List<Line> lines(Alert alert, Locale locale) {
        List<Line> lines = new ArrayList<>();
        switch (alert.kind()) {
            case STATUS, EXPIRING, RESOLVED, EXCEPTION_ENDING -> {
                lines.addAll(contractLines(alert, locale));
                lines.add(new Line(
                        t(locale, "alert.field.supplier"),
                        alert.corporateNumber() == null
                                ? nullToEmpty(alert.supplierName())
                                : t(
                                        locale,
                                        "alert.field.supplierWithNumber",
                                        alert.supplierName(),
                                        alert.corporateNumber())));
                if (alert.contracts().size() < 2) {
                    // the reader's one contract (maybe not the alert's first); with several, each contract's
                    // line says its own required level and status (contractLines)
                    AlertContract only = alert.contracts().isEmpty()
                            ? null
                            : alert.contracts().get(0);
                    lines.add(new Line(
                            t(locale, "alert.field.status"),
                            statusChange(
                                    only == null ? alert.previousStatus() : only.previousStatus(), alert, locale)));
                    lines.add(new Line(
                            t(locale, "alert.field.required"),
                            level(only == null ? alert.requiredLevel() : only.requiredLevel(), locale)));
                }
                lines.add(new Line(t(locale, "alert.field.held"), level(alert.heldLevel(), locale)));
                if (alert.validUntil() != null) {
                    lines.add(new Line(t(locale, "alert.field.validUntil"), date(alert.validUntil())));
                }
                String reason = reason(alert, locale);
                if (!reason.isBlank()) {
                    lines.add(new Line(t(locale, "alert.field.reason"), reason));
                }
            }
            case REGISTER_STALE ->
                lines.add(new Line(t(locale, "alert.field.action"), t(locale, "alert.stale.action")));
            case AUDIT_CHAIN_BROKEN -> {
                lines.add(new Line(
                        t(locale, "alert.field.reason"),
                        t(locale, "audit.chain.break." + alert.details().getOrDefault("problem", "EVENT_CHANGED"))));
                lines.add(new Line(t(locale, "alert.field.action"), t(locale, "alert.auditChain.action")));
            }
            case LETTER, REQUEST ->
                lines.add(new Line(t(locale, "alert.field.supplier"), nullToEmpty(alert.supplierName())));
            case ENTITY_RENAMED, ENTITY_MOVED -> {
                lines.add(new Line(
                        t(locale, "alert.field.supplier"),
                        alert.corporateNumber() == null
                                ? nullToEmpty(alert.supplierName())
                                : t(
                                        locale,
                                        "alert.field.supplierWithNumber",
                                        alert.supplierName(),
                                        alert.corporateNumber())));
                boolean renamed = alert.kind() == AlertKind.ENTITY_RENAMED;
                lines.add(new Line(
                        t(locale, renamed ? "alert.field.previousName" : "alert.field.previousAddress"),
                        alert.details().getOrDefault(renamed ? "previousName" : "previousAddress", "")));
                lines.add(new Line(
                        t(locale, renamed ? "alert.field.officialName" : "alert.field.officialAddress"),
                        alert.details().getOrDefault(renamed ? "officialName" : "address", "")));
                lines.add(new Line(
                        t(locale, "alert.field.changeDate"), alert.details().getOrDefault("changeDate", "")));
                lines.add(new Line(
                        t(locale, "alert.field.action"),
                        t(locale, renamed ? "alert.renamed.action" : "alert.moved.action")));
            }
            case IMPORT_FINISHED -> {
                Map<String, String> d = alert.details();
                lines.add(new Line(
                        t(locale, "alert.field.importKind"),
                        t(locale, "import.kind." + d.getOrDefault("importKind", "SUPPLIERS"))));
                lines.add(new Line(
                        t(locale, "alert.field.counts"),
                        t(
                                locale,
                                "alert.import.counts",
                                d.getOrDefault("total", "0"),
                                d.getOrDefault("new", "0"),
                                d.getOrDefault("changed", "0"),
                                d.getOrDefault("unchanged", "0"),
                                d.getOrDefault("error", "0"))));
            }
        }
        return lines;
    }

    /** The full address of what the alert is about. */
    public String url(Alert alert) {
        return url(alert.link());
    }

    /** One mail for one or more alerts to one person; a digest is titled with the business date. */
    public MailContent mail(List<Alert> alerts, String language, boolean digest) {
        Locale locale = locale(language);
        String subject = alerts.size() == 1 && !digest
                ? t(locale, "alert.mail.subject.one", title(alerts.get(0), locale))
                : digest
                        ? t(locale, "alert.mail.subject.digest", date(businessDate.today()), alerts.size())
                        : t(locale, "alert.mail.subject.many", alerts.size());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String intro = t(locale, digest ? "alert.mail.intro.digest" : "alert.mail.intro", alerts.size());
        text.append(intro).append("\n\n");
        html.append("<!DOCTYPE html><html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(subject))
                .append("</title></head><body style=\"font-family:sans-serif;color:#1f2933\">")
                .append("<p>")
                .append(esc(intro))
                .append("</p>");
        for (Alert alert : alerts) {
            String title = title(alert, locale);
            String url = url(alert);
            text.append("■ ").append(title).append('\n');
            html.append("<div style=\"border-left:4px solid ")
                    .append(colour(alert))
                    .append(";padding:4px 12px;margin:12px 0\"><h3 style=\"margin:4px 0\">")
                    .append(esc(title))
                    .append("</h3><table style=\"border-collapse:collapse\">");
            for (Line line : lines(alert, locale)) {
                text.append("  ")
                        .append(line.label())
                        .append(": ")
                        .append(line.value())
                        .append('\n');
                html.append(
                                "<tr><th style=\"text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#52606d\">")
                        .append(esc(line.label()))
                        .append("</th><td style=\"padding:2px 0\">")
                        .append(esc(line.value()))
                        .append("</td></tr>");
            }
            text.append("  ").append(url).append("\n\n");
            html.append("</table><p style=\"margin:6px 0\"><a href=\"")
                    .append(esc(url))
                    .append("\">")
                    .append(esc(t(locale, "alert.mail.open")))
                    .append("</a></p></div>");
        }
        String footer = t(locale, "alert.mail.footer", url("alerts"));
        text.append("--\n").append(footer).append('\n');
        html.append("<hr><p style=\"color:#52606d;font-size:small\">")
                .append(esc(footer))
                .append("</p></body></html>");
        return new MailContent(subject, text.toString(), html.toString());
    }

    /**
     * A prepared letter (issue 19): its text as written, with the secret link put in where {@code {link}}
     * stands; the HTML part is the same text, escaped, with the link clickable.
     */
    MailContent letter(jp.hoshimi.alert.internal.AlertRepository.Letter letter, String language) {
        String link = letter.secretLink() == null ? "" : letter.secretLink();
        String text = letter.body().replace("{link}", link);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(locale(language).getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(letter.subject()))
                .append("</title></head><body style=\"font-family:sans-serif;color:#1f2933;white-space:pre-wrap\">");
        String[] parts = letter.body().split("\\{link\\}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                html.append("<a href=\"")
                        .append(esc(link))
                        .append("\">")
                        .append(esc(link))
                        .append("</a>");
            }
            html.append(esc(parts[i]));
        }
        html.append("</body></html>");
        return new MailContent(letter.subject(), text, html.toString());
    }

    /** A Teams (MessageCard) and Slack compatible post: both read {@code text}; the rest is for other receivers. */
    public String webhook(List<Alert> alerts, String language, String idempotencyKey) {
        Locale locale = locale(language);
        String summary =
                alerts.size() == 1 ? title(alerts.get(0), locale) : t(locale, "alert.mail.subject.many", alerts.size());
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Alert alert : alerts) {
            String title = title(alert, locale);
            text.append("• ").append(title).append("  ").append(url(alert)).append('\n');
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", alert.id());
            item.put("kind", alert.kind().name());
            item.put("title", title);
            item.put("url", url(alert));
            item.put("contractNumber", alert.contractNumber());
            item.put(
                    "contracts",
                    alert.contracts().stream()
                            .map(c -> Map.of("number", c.number(), "url", url(c.link())))
                            .toList());
            item.put("supplierName", alert.supplierName());
            item.put("corporateNumber", alert.corporateNumber());
            item.put("status", alert.status() == null ? null : alert.status().name());
            item.put(
                    "previousStatus",
                    alert.previousStatus() == null
                            ? null
                            : alert.previousStatus().name());
            item.put("warningDays", alert.warningDays());
            item.put(
                    "validUntil",
                    alert.validUntil() == null ? null : alert.validUntil().toString());
            items.add(item);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("@type", "MessageCard");
        payload.put("@context", "https://schema.org/extensions");
        payload.put("themeColor", alerts.size() == 1 ? colour(alerts.get(0)).substring(1) : "B42318");
        payload.put("summary", summary);
        payload.put("title", t(locale, "alert.webhook.title"));
        payload.put("text", text.toString().strip());
        payload.put("id", idempotencyKey);
        payload.put("alerts", items);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return baseUrl.get() + path;
    }

    private static String colour(Alert alert) {
        return switch (alert.kind()) {
            case STATUS, AUDIT_CHAIN_BROKEN -> "#B42318";
            case EXPIRING, REGISTER_STALE, EXCEPTION_ENDING -> "#B54708";
            case RESOLVED -> "#067647";
            case IMPORT_FINISHED, LETTER, REQUEST, ENTITY_RENAMED, ENTITY_MOVED -> "#175CD3";
        };
    }

    private String status(ComplianceStatus status, Locale locale) {
        return status == null ? "" : t(locale, status.messageKey());
    }

    private String level(StarLevel level, Locale locale) {
        return level == null ? t(locale, "alert.level.none") : t(locale, level.messageKey());
    }

    /** A required level by its star level; NONE as its name, as the text column was shown before. */
    private String level(RequiredLevel level, Locale locale) {
        if (level == null) {
            return level((StarLevel) null, locale);
        }
        return level.starLevel().map(held -> level(held, locale)).orElse(level.name());
    }

    /** The engine's sentence for the reason when the bundle has one (arguments as its Reason documents). */
    private String reason(Alert alert, Locale locale) {
        if (alert.reasonCode() == null) {
            return "";
        }
        // as of the business today, as the screens count it (not from when the alert was made)
        long daysLeft = alert.validUntil() == null ? 0 : businessDate.daysUntil(alert.validUntil());
        String sentence = t(
                locale,
                "compliance.reason." + alert.reasonCode(),
                label(alert.heldLevel()),
                requiredLabels(alert),
                date(alert.validUntil()),
                daysLeft,
                daysLeft); // {4}: the number behind "expires today" / "1 day left" (issue 18)
        return sentence.startsWith("!") ? alert.reasonCode() : sentence;
    }

    /** The level the reason names as required: each different one of the reader's contracts (or the alert's). */
    private static String requiredLabels(Alert alert) {
        if (alert.contracts().isEmpty()) {
            return label(alert.requiredLevel());
        }
        return alert.contracts().stream()
                .map(contract -> label(contract.requiredLevel()))
                .distinct()
                .collect(java.util.stream.Collectors.joining("／"));
    }

    /** The status the alert reports, with the one before it when known: 適合 → 失効. */
    private String statusChange(ComplianceStatus previous, Alert alert, Locale locale) {
        return previous == null
                ? status(alert.status(), locale)
                : t(locale, "alert.field.statusChange", status(previous, locale), status(alert.status(), locale));
    }

    private static String label(StarLevel level) {
        return level == null ? "" : level.label();
    }

    private static String label(RequiredLevel level) {
        return level == null ? "" : level.starLevel().map(StarLevel::label).orElse(level.name());
    }

    private static String supplier(Alert alert) {
        return nullToEmpty(alert.supplierName());
    }

    /** The contract in a title: its number, or the first and how many more (a supplier event's list). */
    private String contract(Alert alert, Locale locale) {
        List<AlertContract> contracts = alert.contracts();
        if (contracts.isEmpty()) {
            return nullToEmpty(alert.contractNumber());
        }
        return contracts.size() == 1
                ? contracts.get(0).number()
                : t(locale, "alert.contracts.more", contracts.get(0).number(), contracts.size() - 1);
    }

    /** One line per contract the reader may see (an alert made before V14: its one contract). */
    private List<Line> contractLines(Alert alert, Locale locale) {
        String label = t(locale, "alert.field.contract");
        if (alert.contracts().isEmpty()) {
            return List.of(new Line(label, join(alert.contractNumber(), alert.contractTitle())));
        }
        List<Line> lines = new ArrayList<>();
        boolean several = alert.contracts().size() > 1;
        for (AlertContract contract : alert.contracts()) {
            String name = join(contract.number(), contract.title());
            String value = contract.requiredLevel() == null
                    ? name
                    : several
                            ? t(
                                    locale,
                                    "alert.contracts.lineWithStatus",
                                    name,
                                    t(locale, contract.requiredLevel().messageKey()),
                                    statusChange(contract.previousStatus(), alert, locale))
                            : t(
                                    locale,
                                    "alert.contracts.line",
                                    name,
                                    t(locale, contract.requiredLevel().messageKey()));
            lines.add(new Line(label, value));
        }
        return lines;
    }

    private static String join(String a, String b) {
        return (nullToEmpty(a) + " " + nullToEmpty(b)).strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** A UTC time as Japan time. */
    public static String dateTime(LocalDateTime utc) {
        return utc == null
                ? ""
                : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(TOKYO).format(DATE_TIME);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value);
    }
}
