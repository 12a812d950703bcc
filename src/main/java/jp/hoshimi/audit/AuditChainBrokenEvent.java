package jp.hoshimi.audit;

/** The daily check found the audit log's hash chain broken at this event (administrators are alerted). */
public record AuditChainBrokenEvent(Long firstBrokenEventId, AuditChainCheck.Break problem) {}
