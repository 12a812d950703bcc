package jp.hoshimi.audit;

import java.time.LocalDate;

/**
 * What the audit log shows: one kind of record (null: all), changes by users whose name starts with
 * {@code actor}, between two dates in Japan time (both inclusive, either open).
 */
public record AuditFilter(String entityType, String actor, LocalDate from, LocalDate to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }
}
