package jp.hoshimi.supplier;

/** A supplier to create. The corporate number is optional but, when given, must be valid. */
public record NewSupplier(
        String corporateNumber, String supplierCode, String name, String nameKana, String country, String address) {}
