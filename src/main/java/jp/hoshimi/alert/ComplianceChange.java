package jp.hoshimi.alert;

import java.time.LocalDate;

/** One row of compliance_event as the alert module reads it. */
public record ComplianceChange(
        long id,
        String subject,
        Long contractId,
        Long supplierId,
        String oldStatus,
        String newStatus,
        Integer oldWarningDays,
        Integer newWarningDays,
        String requiredLevel,
        String heldLevel,
        LocalDate validUntil,
        String reasonCode) {

    public boolean isLink() {
        return "LINK".equals(subject) && contractId != null && supplierId != null;
    }
}
