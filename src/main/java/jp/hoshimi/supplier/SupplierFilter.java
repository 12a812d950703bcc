package jp.hoshimi.supplier;

/**
 * Filter for the supplier list. {@code text} matches the normalised name (so "ｱｼｽﾄ" finds 株式会社アシスト),
 * the start of the 法人番号 or the start of the supplier code.
 */
public record SupplierFilter(String text) {

    public static SupplierFilter none() {
        return new SupplierFilter(null);
    }

    public boolean isEmpty() {
        return text == null || text.isBlank();
    }
}
