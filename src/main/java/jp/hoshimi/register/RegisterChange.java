package jp.hoshimi.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.StarLevel;

/**
 * One difference a sync found: a new entry, a level, validity or status change, or a removal; or, for an
 * entry of a kind's very first load, that load ({@link Type#INITIAL_LOAD}: not stored as a change, the
 * start of the entry's history, read from the entry and its first run).
 */
public record RegisterChange(
        long id,
        long syncRunId,
        RegisterKind kind,
        String corporateNumber,
        String name,
        Type type,
        StarLevel oldLevel,
        StarLevel newLevel,
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
        REMOVED,
        /** The entry came with its kind's very first load (one event on the run, no change row). */
        INITIAL_LOAD;

        public String messageKey() {
            return "register.change." + name();
        }
    }
}
