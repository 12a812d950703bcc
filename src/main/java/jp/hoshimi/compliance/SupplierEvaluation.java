package jp.hoshimi.compliance;

import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * A supplier's own compliance: the worst of the findings about it — its registration against what each
 * link requires of it — (null when nothing is required of it), its register entry (null when it has
 * none), and the findings about it in the contracts the user may see. Failures of others in its chains are
 * not part of it: see {@link ComplianceService#failingContracts}.
 */
public record SupplierEvaluation(
        long supplierId,
        ComplianceStatus status,
        LocalDateTime since,
        ComplianceStatus previous,
        Registration registration,
        List<Finding> findings,
        boolean stale,
        LocalDateTime registerAsOf) {}
