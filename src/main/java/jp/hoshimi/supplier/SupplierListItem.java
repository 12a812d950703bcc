package jp.hoshimi.supplier;

import java.time.LocalDateTime;

/** One row of the supplier list: only what the grid shows. */
public record SupplierListItem(
        long id,
        String corporateNumber,
        String supplierCode,
        String name,
        String nameKana,
        String country,
        LocalDateTime updatedAt) {}
