package jp.hoshimi.alert;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One alert as it was made: the texts are snapshots of the contract and supplier at that time. Fields that
 * do not apply to its kind are null. {@code details} holds small extras (an import's counts, the time of
 * the last sync).
 */
public record Alert(
        long id,
        AlertKind kind,
        LocalDateTime createdAt,
        Long contractId,
        String contractNumber,
        String contractTitle,
        Long supplierId,
        String supplierName,
        String corporateNumber,
        String status,
        String previousStatus,
        Integer warningDays,
        String requiredLevel,
        String heldLevel,
        LocalDate validUntil,
        String reasonCode,
        Long importRunId,
        Map<String, String> details) {

    /** The path in the app that shows what the alert is about. */
    public String link() {
        return switch (kind) {
            case STATUS, EXPIRING, RESOLVED -> contractId == null ? "" : "contracts/" + contractId;
            case REGISTER_STALE -> "register";
            case IMPORT_FINISHED -> importRunId == null ? "imports" : "imports/run/" + importRunId;
        };
    }
}
