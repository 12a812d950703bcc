package jp.hoshimi.supplier;

import java.util.Optional;

/** The columns the supplier list may be sorted by: a whitelist, so no user input reaches ORDER BY. */
public enum SupplierSort {
    NAME,
    CORPORATE_NUMBER,
    SUPPLIER_CODE,
    UPDATED_AT;

    /** The sort for a grid's sort property, if it is one of ours. */
    public static Optional<SupplierSort> fromProperty(String property) {
        for (SupplierSort sort : values()) {
            if (sort.name().equals(property)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    public record Order(SupplierSort sort, boolean ascending) {

        public static Order defaultOrder() {
            return new Order(NAME, true);
        }
    }
}
