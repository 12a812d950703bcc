package jp.hoshimi.compliance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * One compliance event: a finding's status or lead time changed in an evaluation (subject LINK: a contract's
 * supplier; CONTRACT or SUPPLIER: the whole). Read through {@link ComplianceEvents}.
 */
public record ComplianceChange(
        long id,
        String subject,
        Long contractId,
        Long supplierId,
        ComplianceStatus oldStatus,
        ComplianceStatus newStatus,
        Integer oldWarningDays,
        Integer newWarningDays,
        RequiredLevel requiredLevel,
        StarLevel heldLevel,
        LocalDate validUntil,
        String reasonCode,
        LocalDateTime occurredAt) {

    /** Without the time it happened (tests; the episode then goes by id). */
    public ComplianceChange(
            long id,
            String subject,
            Long contractId,
            Long supplierId,
            ComplianceStatus oldStatus,
            ComplianceStatus newStatus,
            Integer oldWarningDays,
            Integer newWarningDays,
            RequiredLevel requiredLevel,
            StarLevel heldLevel,
            LocalDate validUntil,
            String reasonCode) {
        this(
                id,
                subject,
                contractId,
                supplierId,
                oldStatus,
                newStatus,
                oldWarningDays,
                newWarningDays,
                requiredLevel,
                heldLevel,
                validUntil,
                reasonCode,
                null);
    }

    /** Whether this happened in an earlier evaluation than {@code other} (one evaluation writes one time). */
    public boolean before(ComplianceChange other) {
        return occurredAt == null || other.occurredAt == null ? id < other.id : occurredAt.isBefore(other.occurredAt);
    }

    public boolean isLink() {
        return "LINK".equals(subject) && contractId != null && supplierId != null;
    }
}
