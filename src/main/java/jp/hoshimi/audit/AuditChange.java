package jp.hoshimi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One field that an audited change touched, with its value before and after (null when absent). */
public record AuditChange(String field, String before, String after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields whose values differ between the two JSON states, in their order of appearance. */
    public static List<AuditChange> between(String beforeJson, String afterJson) {
        JsonNode before = parse(beforeJson);
        JsonNode after = parse(afterJson);
        Set<String> fields = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<AuditChange> changes = new ArrayList<>();
        for (Iterator<String> it = fields.iterator(); it.hasNext(); ) {
            String field = it.next();
            String oldValue = text(before.get(field));
            String newValue = text(after.get(field));
            if (!java.util.Objects.equals(oldValue, newValue)) {
                changes.add(new AuditChange(field, oldValue, newValue));
            }
        }
        return changes;
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
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
