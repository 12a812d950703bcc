package jp.hoshimi.compliance.internal;

import java.time.LocalDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.LinkAnswers;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;

/** The rows the evaluation reads and writes, as plain values. */
public final class ChainRows {

    private ChainRows() {}

    /** A contract: its first-tier supplier, the level it requires and its end date (null: open-ended). */
    public record ContractRow(long id, long supplierId, RequiredLevel required, LocalDate endDate) {

        public ContractRow(long id, long supplierId, RequiredLevel required) {
            this(id, supplierId, required, null);
        }

        /** Past its end date (the day after it): judged no more (docs/decisions/0016). */
        public boolean endedBy(LocalDate today) {
            return endDate != null && endDate.isBefore(today);
        }
    }

    /** One edge of a chain; {@code override} null when the policy decides the child's level. */
    public record LinkRow(
            long contractId,
            long parentId,
            long childId,
            Boolean confidentialDataFlows,
            Boolean systemAccess,
            Boolean businessCritical,
            RequiredLevel override) {

        public LinkAnswers answers() {
            return new LinkAnswers(confidentialDataFlows, businessCritical, systemAccess);
        }
    }

    /** A stored finding (or one about to be stored). */
    public record FindingRow(
            long contractId,
            long supplierId,
            int tier,
            RequiredLevel required,
            StarLevel held,
            String registerStatus,
            LocalDate validUntil,
            ComplianceStatus status,
            String reason,
            Integer warningDays,
            java.time.LocalDateTime statusSince,
            ComplianceStatus previousStatus,
            Long exceptionId,
            LocalDate acceptedUntil) {

        /** Same answer (everything but since/previous): nothing to write. */
        public boolean sameAs(FindingRow other) {
            return tier == other.tier
                    && required == other.required
                    && held == other.held
                    && java.util.Objects.equals(registerStatus, other.registerStatus)
                    && java.util.Objects.equals(validUntil, other.validUntil)
                    && status == other.status
                    && reason.equals(other.reason)
                    && java.util.Objects.equals(warningDays, other.warningDays)
                    && java.util.Objects.equals(exceptionId, other.exceptionId)
                    && java.util.Objects.equals(acceptedUntil, other.acceptedUntil);
        }
    }
}
