package jp.hoshimi.supplier;

/** What a user (or an API client) enters for a supplier. Validated by {@link SupplierService}. */
public record SupplierForm(
        String corporateNumber,
        String supplierCode,
        String name,
        String nameKana,
        String country,
        String address,
        String contactName,
        String contactEmail,
        String notes) {

    public static SupplierForm empty() {
        return new SupplierForm(null, null, null, null, "JP", null, null, null, null);
    }
}
