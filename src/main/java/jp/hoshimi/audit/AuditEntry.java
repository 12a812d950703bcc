package jp.hoshimi.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One recorded change: who did what to which record, with the state before and after as JSON. Read
 * through {@link AuditService}, {@code subject} names the record (a supplier's name, a contract number)
 * and {@code changes} show referenced records by name rather than by id; as stored, the subject is
 * null and the changes carry the recorded ids.
 */
public record AuditEntry(
        long id,
        LocalDateTime occurredAt,
        String actor,
        String entityType,
        String entityId,
        AuditAction action,
        String beforeJson,
        String afterJson,
        String subject,
        List<AuditChange> changes) {

    AuditEntry named(String subjectName, List<AuditChange> namedChanges) {
        return new AuditEntry(
                id, occurredAt, actor, entityType, entityId, action, beforeJson, afterJson, subjectName, namedChanges);
    }
}
