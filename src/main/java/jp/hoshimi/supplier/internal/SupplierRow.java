package jp.hoshimi.supplier.internal;

import jp.hoshimi.supplier.SupplierForm;

/** A validated supplier ready to be written. */
public record SupplierRow(
        String corporateNumber,
        String supplierCode,
        String name,
        String nameNormalized,
        String nameKana,
        String nameSort,
        String country,
        String address,
        String contactName,
        String contactEmail,
        String notes) {

    public SupplierForm toForm() {
        return new SupplierForm(
                corporateNumber, supplierCode, name, nameKana, country, address, contactName, contactEmail, notes);
    }
}
