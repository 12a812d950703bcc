package jp.hoshimi.supplier;

import java.time.LocalDateTime;
import jp.hoshimi.compliance.ComplianceStatus;

/**
 * One row of the supplier list: only what the grid shows. {@code status} is the supplier's evaluated
 * status (the worst over the chains it is in), null when it has not been evaluated.
 */
public record SupplierListItem(
        long id,
        String corporateNumber,
        String supplierCode,
        String name,
        String nameKana,
        String country,
        LocalDateTime updatedAt,
        ComplianceStatus status) {}
