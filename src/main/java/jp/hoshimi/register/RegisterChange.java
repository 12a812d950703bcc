package jp.hoshimi.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.register.source.RegisterKind;

/** One difference a sync found: a new entry, a level, validity or status change, or a removal. */
public record RegisterChange(
        long id,
        long syncRunId,
        RegisterKind kind,
        String corporateNumber,
        String name,
        Type type,
        String oldLevel,
        String newLevel,
        LocalDate oldValidUntil,
        LocalDate newValidUntil,
        String oldStatus,
        String newStatus,
        LocalDateTime changedAt) {

    public enum Type {
        NEW,
        LEVEL,
        VALIDITY,
        STATUS,
        REMOVED;

        public String messageKey() {
            return "register.change." + name();
        }
    }
}
