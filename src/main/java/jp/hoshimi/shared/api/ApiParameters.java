package jp.hoshimi.shared.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.InvalidCorporateNumberException;
import jp.hoshimi.shared.Labelled;
import jp.hoshimi.shared.ValidationException;

/**
 * Reading query parameters the same way in every controller (issue 18): a value that is not allowed is a
 * 400 naming the parameter and the allowed values, never "No enum constant …". Use {@link #oneOf} for a
 * single enum value (case-insensitive), {@link #setOf} for a comma-separated or repeated list.
 */
public final class ApiParameters {

    private ApiParameters() {}

    /** The enum constant named by {@code value} (any case, surrounding blanks ignored); null for null/blank. */
    public static <E extends Enum<E>> E oneOf(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ApiBadRequestException(parameter, "api.param.oneOf", value, allowed(type)));
    }

    /** Every constant named in {@code values} (comma-separated or repeated); empty when none is given. */
    public static <E extends Enum<E>> Set<E> setOf(String parameter, List<String> values, Class<E> type) {
        Set<E> chosen = EnumSet.noneOf(type);
        if (values != null) {
            values.stream()
                    .flatMap(v -> Arrays.stream(v.split(",")))
                    .filter(v -> !v.isBlank())
                    .forEach(v -> chosen.add(oneOf(parameter, v, type)));
        }
        return chosen;
    }

    /**
     * A 法人番号 given as a parameter, normalised as everywhere else (full-width digits, hyphens, spaces, the
     * invoice "T"); an invalid one is 422 VALIDATION_FAILED with the reason, as for a supplier's field.
     */
    public static String corporateNumber(String parameter, String value) {
        try {
            return CorporateNumber.parse(value).value();
        } catch (InvalidCorporateNumberException e) {
            throw new ValidationException(FieldProblem.of(parameter, e.reason().messageKey()));
        }
    }

    /** The refusal of an update whose body carries no {@code version} (optimistic locking needs it). */
    public static ApiBadRequestException missingVersion() {
        return new ApiBadRequestException("version", "api.body.required", (Labelled) () -> "api.expected.version");
    }

    /** The allowed values as the messages show them: "A, B, C". */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
