package jp.hoshimi.audit;

import java.time.LocalDateTime;

/** One recorded change: who did what to which record, with the state before and after as JSON. */
public record AuditEntry(
        long id,
        LocalDateTime occurredAt,
        String actor,
        String entityType,
        String entityId,
        AuditAction action,
        String beforeJson,
        String afterJson) {}
