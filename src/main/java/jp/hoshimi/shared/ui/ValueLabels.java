package jp.hoshimi.shared.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.SubcontractorPolicy;

/**
 * A stored value as a reader should see it: a level by its label (STAR4 → ★4 Standard), a policy by its
 * description, a flag as yes/no; anything else as it is. For texts built from recorded values (the audit
 * log, an import's field changes), where the value arrives as its name.
 */
public final class ValueLabels {

    private static final MessageBundle MESSAGES = new MessageBundle();

    private ValueLabels() {}

    public static String of(String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        return keyOf(value).map(key -> MESSAGES.getTranslation(key, locale)).orElse(value);
    }

    private static Optional<String> keyOf(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Optional.of("value." + value);
        }
        if (isConstant(RequiredLevel.class, value)) {
            return Optional.of(RequiredLevel.valueOf(value).messageKey());
        }
        if (isConstant(SubcontractorPolicy.class, value)) {
            return Optional.of("settings.subcontractorPolicy." + value);
        }
        return Optional.empty();
    }

    private static boolean isConstant(Class<? extends Enum<?>> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .anyMatch(constant -> constant.name().equals(value));
    }
}
