package jp.hoshimi.exception;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.compliance.AcceptedRisk;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * An exception with the names the screens show. {@code contractId} null: the supplier across all its
 * contracts. {@code acceptedStatus}: the worst status it accepts. {@code version} guards a decision.
 */
public record RiskException(
        long id,
        long supplierId,
        String supplierName,
        Long contractId,
        String contractNumber,
        ComplianceStatus acceptedStatus,
        String justification,
        String compensatingMeasures,
        LocalDate endsOn,
        ExceptionState state,
        String requestedBy,
        LocalDateTime requestedAt,
        String decidedBy,
        LocalDateTime decidedAt,
        String decisionNote,
        String closedBy,
        LocalDateTime closedAt,
        AcceptedRisk.Lapse lapse,
        int version) {

    public boolean supplierWide() {
        return contractId == null;
    }
}
