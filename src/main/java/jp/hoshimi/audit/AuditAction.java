package jp.hoshimi.audit;

public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE
}
