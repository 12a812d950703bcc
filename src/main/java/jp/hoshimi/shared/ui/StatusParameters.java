package jp.hoshimi.shared.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * Reading and writing the URL query parameters of the filtered lists, e.g.
 * {@code contracts?status=EXPIRED,MISSING&unit=3&level=STAR4&expiringWithin=30} (each list's own query object,
 * such as ContractListQuery, names its parameters). Unknown values are ignored rather than refused: a link from
 * an older bookmark still opens the list.
 */
public final class StatusParameters {

    public static final String STATUS = "status";

    private StatusParameters() {}

    /** The statuses named by the values (comma-separated, or the parameter repeated). */
    public static Set<ComplianceStatus> parse(List<String> values) {
        Set<ComplianceStatus> statuses = EnumSet.noneOf(ComplianceStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                for (ComplianceStatus status : ComplianceStatus.values()) {
                    if (status.name().equalsIgnoreCase(name.strip())) {
                        statuses.add(status);
                    }
                }
            }
        }
        return statuses;
    }

    /** The single value of a parameter, or null when absent, repeated or blank. */
    public static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 || values.get(0).isBlank()
                ? null
                : values.get(0).strip();
    }

    /** A parameter's value as a whole number, or null when absent or not a number. */
    public static Long number(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A flag such as {@code notEvaluated=true}: set only by the value {@code true} (in any case). */
    public static boolean flag(Map<String, List<String>> parameters, String name) {
        return "true".equalsIgnoreCase(single(parameters, name));
    }

    /** The constant of {@code type} named by a value (in any case), or null when there is none such. */
    public static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null
                ? null
                : Arrays.stream(type.getEnumConstants())
                        .filter(constant -> constant.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElse(null);
    }

    /** A relative address with its parameters, each value URL-encoded: {@code contracts?status=EXPIRED&unit=3}. */
    public static String href(String route, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return route;
        }
        return route + "?"
                + parameters.entrySet().stream()
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** The parameters of a status filter: none when nothing is chosen. */
    public static Map<String, String> toParameters(Set<ComplianceStatus> statuses) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (statuses != null && !statuses.isEmpty()) {
            parameters.put(STATUS, value(statuses));
        }
        return parameters;
    }

    /** The statuses as one parameter value, in severity order: {@code EXPIRED,MISSING}. */
    public static String value(Set<ComplianceStatus> statuses) {
        return EnumSet.copyOf(statuses).stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
