package jp.hoshimi.compliance;

import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * A contract's compliance: the worst of its chain (null before its first evaluation), since when, and
 * every supplier of the chain in tier order. {@code stale}: the register is older than the limit, so
 * no status may be read as current.
 */
public record ContractEvaluation(
        long contractId,
        String contractNumber,
        ComplianceStatus status,
        LocalDateTime since,
        ComplianceStatus previous,
        List<Finding> links,
        boolean stale,
        LocalDateTime registerAsOf) {}
