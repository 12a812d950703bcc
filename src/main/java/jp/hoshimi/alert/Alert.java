package jp.hoshimi.alert;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/**
 * One alert as it was made: the texts are snapshots of the contract and supplier at that time. Fields that
 * do not apply to its kind are null. {@code details} holds small extras (an import's counts, the time of
 * the last sync). {@code contracts}: the contracts a supplier event affects that the reader may see (all of
 * them for the webhook and administrators' delivery list; empty for other kinds and for alerts made before
 * V14, which name one contract in {@code contractNumber}).
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
        ComplianceStatus status,
        ComplianceStatus previousStatus,
        Integer warningDays,
        RequiredLevel requiredLevel,
        StarLevel heldLevel,
        LocalDate validUntil,
        String reasonCode,
        Long importRunId,
        Map<String, String> details,
        List<AlertContract> contracts) {

    public Alert {
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
    }

    public Alert withContracts(List<AlertContract> visible) {
        return new Alert(
                id,
                kind,
                createdAt,
                contractId,
                contractNumber,
                contractTitle,
                supplierId,
                supplierName,
                corporateNumber,
                status,
                previousStatus,
                warningDays,
                requiredLevel,
                heldLevel,
                validUntil,
                reasonCode,
                importRunId,
                details,
                visible);
    }

    /** The path in the app that shows what the alert is about: its contract, or its supplier when several. */
    public String link() {
        return switch (kind) {
            case STATUS, EXPIRING, RESOLVED, EXCEPTION_ENDING -> complianceLink();
            case REGISTER_STALE -> "register";
            case AUDIT_CHAIN_BROKEN -> "audit";
            case IMPORT_FINISHED -> importRunId == null ? "imports" : "imports/run/" + importRunId;
            case LETTER, REQUEST -> details.containsKey("requestId") ? "requests/" + details.get("requestId") : "";
            case ENTITY_RENAMED, ENTITY_MOVED -> supplierId == null ? "" : "suppliers/" + supplierId;
        };
    }

    private String complianceLink() {
        if (contracts.size() == 1) {
            return contracts.get(0).link();
        }
        if (contracts.size() > 1 && supplierId != null) {
            return "suppliers/" + supplierId;
        }
        return contractId == null ? "" : "contracts/" + contractId;
    }
}
