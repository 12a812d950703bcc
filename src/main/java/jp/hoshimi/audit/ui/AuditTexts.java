package jp.hoshimi.audit.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditChange;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.shared.ui.MessageBundle;
import jp.hoshimi.shared.ui.ValueLabels;

/**
 * An audited change in words: field labels from {@code audit.field.*}, levels and policies by their
 * labels, yes/no for flags ("要求レベル: ★3 Basic → ★4 Standard"), never a field key or enum name.
 */
final class AuditTexts {

    /** Decision-chart answers, where a stored null means "not answered" (decision 0015), not "no value". */
    private static final Set<String> CHART_ANSWERS = Set.of(
            "confidentialDataFlows",
            "businessCritical",
            "systemAccess",
            "decisionChart.handlesConfidential",
            "decisionChart.businessCritical",
            "decisionChart.networkAccess");

    private final MessageBundle messages = new MessageBundle();
    private final Locale locale;

    AuditTexts(Locale locale) {
        this.locale = locale;
    }

    /** In the current UI's language. */
    static AuditTexts current() {
        return new AuditTexts(UI.getCurrent().getLocale());
    }

    /** The record: its kind and name, e.g. 「契約 HMC-2026-0001」. */
    String record(AuditEntry entry) {
        String kind = optionalText("audit.entity." + entry.entityType()).orElse(entry.entityType());
        return entry.subject() == null ? kind : kind + " " + entry.subject();
    }

    String action(AuditEntry entry) {
        return optionalText("audit.action." + entry.action().name()).orElseThrow();
    }

    String changes(AuditEntry entry) {
        // a created record has no "before" and a deleted one no "after": nothing there was "not answered"
        boolean hadBefore = entry.action() != AuditAction.CREATE;
        boolean hasAfter = entry.action() != AuditAction.DELETE;
        return entry.changes().stream()
                .map(change -> change(change, hadBefore, hasAfter))
                .collect(Collectors.joining(" / "));
    }

    String change(AuditChange change) {
        return change(change, true, true);
    }

    private String change(AuditChange change, boolean hadBefore, boolean hasAfter) {
        return field(change.field()) + ": " + value(change.field(), change.before(), hadBefore) + " → "
                + value(change.field(), change.after(), hasAfter);
    }

    private String value(String field, String value, boolean stateExists) {
        return value == null && stateExists && CHART_ANSWERS.contains(field)
                ? text("answer.notAnswered")
                : value(value);
    }

    /** "leadTimeDays.STAR3" reads 「期限通知（日前） ★3 Basic」. */
    String field(String field) {
        Optional<String> label = optionalText("audit.field." + field);
        if (label.isPresent()) {
            return label.get();
        }
        int dot = field.lastIndexOf('.');
        if (dot > 0) {
            return field(field.substring(0, dot)) + " " + value(field.substring(dot + 1));
        }
        return field;
    }

    String value(String value) {
        return ValueLabels.of(value, locale);
    }

    /** A bundle text in this reader's language (usable outside the UI thread, e.g. in an export). */
    String text(String key) {
        return messages.getTranslation(key, locale);
    }

    private Optional<String> optionalText(String key) {
        String text = messages.getTranslation(key, locale);
        return text.startsWith("!") ? Optional.empty() : Optional.of(text);
    }
}
