package jp.hoshimi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One field that an audited change touched, with its value before and after (null when absent). A
 * nested object's fields read as {@code outer.inner} (e.g. {@code decisionChart.businessCritical}), a
 * list as its values joined with ", ".
 */
public record AuditChange(String field, String before, String after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields whose values differ between the two JSON states, in their order of appearance. */
    public static List<AuditChange> between(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        Map<String, Boolean> fields = new LinkedHashMap<>();
        before.keySet().forEach(field -> fields.put(field, true));
        after.keySet().forEach(field -> fields.put(field, true));
        List<AuditChange> changes = new ArrayList<>();
        for (String field : fields.keySet()) {
            String oldValue = before.get(field);
            String newValue = after.get(field);
            if (!Objects.equals(oldValue, newValue)) {
                changes.add(new AuditChange(field, oldValue, newValue));
            }
        }
        return changes;
    }

    AuditChange withValues(String newBefore, String newAfter) {
        return new AuditChange(field, newBefore, newAfter);
    }

    /** The leaf values of a JSON state by their dotted path. */
    static Map<String, String> flatten(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", parse(json), values);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (field.getValue().isObject()) {
                    flatten(path, field.getValue(), values);
                } else {
                    values.put(path, text(field.getValue()));
                }
            });
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.joining(", "));
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
