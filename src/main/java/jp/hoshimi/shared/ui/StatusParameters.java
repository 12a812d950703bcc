package jp.hoshimi.shared.ui;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * The URL query parameters of the filtered lists that the dashboard links to, e.g.
 * {@code contracts?status=EXPIRED,MISSING&unit=3&level=STAR4&expiringWithin=30}. Unknown values are
 * ignored rather than refused: a link from an older bookmark still opens the list.
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
