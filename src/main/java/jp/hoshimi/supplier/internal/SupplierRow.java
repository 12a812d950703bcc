package jp.hoshimi.supplier.internal;

/** A validated supplier ready to be written. */
public record SupplierRow(
        String corporateNumber,
        String supplierCode,
        String name,
        String nameNormalized,
        String nameKana,
        String nameSort,
        String country,
        String address) {}
