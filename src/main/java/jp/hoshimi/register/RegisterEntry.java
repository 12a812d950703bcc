package jp.hoshimi.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.register.source.RegisterKind;

/** What the register says (or last said, when {@code removedAt} is set) about one company. */
public record RegisterEntry(
        long id,
        RegisterKind kind,
        String corporateNumber,
        String name,
        String level,
        LocalDate registeredOn,
        LocalDate validUntil,
        String status,
        String scope,
        String assessmentBody,
        String sourceId,
        LocalDateTime firstSeen,
        LocalDateTime lastSeen,
        LocalDateTime removedAt) {

    public boolean isRemoved() {
        return removedAt != null;
    }
}
