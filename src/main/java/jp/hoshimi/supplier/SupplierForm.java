package jp.hoshimi.supplier;

import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;

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

    /** Japan: the country of every supplier that has a 法人番号 (only Japanese entities have one). */
    public static final String JAPAN = "JP";

    /** A new supplier: the country stays empty until a 法人番号 or the user says it (see {@link #withDefaults}). */
    public static SupplierForm empty() {
        return new SupplierForm(null, null, null, null, null, null, null, null, null);
    }

    /**
     * The form as it is stored: half-width kana in the name and reading made full-width (as search
     * normalises them), and a blank country set to JP only when the supplier has a valid 法人番号. A
     * supplier without one (e.g. "Bavaria Sensor GmbH") keeps no country — unknown — rather than a guess.
     */
    public SupplierForm withDefaults() {
        String stated = country == null || country.isBlank() ? null : country;
        return new SupplierForm(
                corporateNumber,
                supplierCode,
                CompanyNames.widenHalfWidthKana(name),
                CompanyNames.widenHalfWidthKana(nameKana),
                stated == null && hasValidCorporateNumber() ? JAPAN : stated,
                address,
                contactName,
                contactEmail,
                notes);
    }

    private boolean hasValidCorporateNumber() {
        return corporateNumber != null && CorporateNumber.isValid(corporateNumber);
    }
}
