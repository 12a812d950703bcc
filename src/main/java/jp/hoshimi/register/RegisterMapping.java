package jp.hoshimi.register;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.RegisterKind;

/**
 * The stored field mapping of one register kind (register_mapping, V29): how its feed names fields and writes
 * values, and who set it when.
 *
 * @param origin PROPERTIES while it follows {@code hoshimi.register.<kind>.mapping.*}; ADMIN once saved in the app
 * @param version for the stale-save check
 */
public record RegisterMapping(
        RegisterKind kind,
        FieldMapping mapping,
        RegisterSourceSettings.Origin origin,
        String updatedBy,
        LocalDateTime updatedAt,
        int version) {

    /** A kind nothing was ever stored for: the default format. */
    public static RegisterMapping defaults(RegisterKind kind) {
        return new RegisterMapping(
                kind, FieldMapping.defaults(), RegisterSourceSettings.Origin.PROPERTIES, null, null, 0);
    }

    /**
     * A value vocabulary as the lines an administrator edits, "feed value=OURS" one a line, grouped by our value.
     */
    public static String lines(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values)
                .entrySet().stream()
                        .sorted(Map.Entry.comparingByValue())
                        .forEach(entry -> text.append(entry.getKey())
                                .append('=')
                                .append(entry.getValue())
                                .append('\n'));
        return text.toString();
    }

    /**
     * The vocabulary in lines "feed value=OURS"; blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the first line without '=' or with an empty side
     */
    public static Map<String, String> vocabulary(String lines) {
        Map<String, String> values = new LinkedHashMap<>();
        if (lines == null) {
            return values;
        }
        int number = 0;
        for (String line : lines.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            if (equals <= 0
                    || line.substring(0, equals).isBlank()
                    || line.substring(equals + 1).isBlank()) {
                throw new IllegalArgumentException(String.valueOf(number));
            }
            values.put(
                    line.substring(0, equals).strip(),
                    line.substring(equals + 1).strip());
        }
        return values;
    }
}
