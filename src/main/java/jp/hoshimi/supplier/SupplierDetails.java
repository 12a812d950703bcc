package jp.hoshimi.supplier;

import java.time.LocalDateTime;

/** A supplier as the detail page and the editor see it; {@code version} guards against lost updates. */
public record SupplierDetails(
        long id,
        String corporateNumber,
        String supplierCode,
        String name,
        String nameKana,
        String country,
        String address,
        String contactName,
        String contactEmail,
        String notes,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        int version) {

    public SupplierForm toForm() {
        return new SupplierForm(
                corporateNumber, supplierCode, name, nameKana, country, address, contactName, contactEmail, notes);
    }
}
