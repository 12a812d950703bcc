package jp.hoshimi.compliance;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A supplier's compliance: the worst over the contracts it holds and its place in other chains (null
 * when nothing is required of it), and the findings about it in the contracts the user may see.
 */
public record SupplierEvaluation(
        long supplierId,
        ComplianceStatus status,
        LocalDateTime since,
        ComplianceStatus previous,
        List<Finding> findings,
        boolean stale,
        LocalDateTime registerAsOf) {}
