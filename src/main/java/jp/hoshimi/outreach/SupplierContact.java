package jp.hoshimi.outreach;

/** A person at a supplier to write to; one of a supplier's contacts is its primary one. */
public record SupplierContact(
        long id,
        long supplierId,
        String name,
        String department,
        String email,
        String phone,
        boolean primary,
        int version) {}
