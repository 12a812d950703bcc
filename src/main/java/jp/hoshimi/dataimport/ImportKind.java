package jp.hoshimi.dataimport;

import java.util.Arrays;
import java.util.List;

/**
 * What a file holds. In a workbook with several sheets, the sheet named like the kind (e.g. 取引先 or
 * Suppliers) is read; otherwise the first visible sheet.
 */
public enum ImportKind {
    SUPPLIERS("suppliers", List.of("取引先", "仕入先", "サプライヤー", "suppliers", "supplier")),
    CONTRACTS("contracts", List.of("契約", "契約一覧", "contracts", "contract")),
    SUBCONTRACTING(
            "subcontracting",
            List.of("再委託", "再委託先", "サプライチェーン", "subcontracting", "subcontractors", "chains", "links")),
    /** Administrators only (issue 14). */
    USERS("users", List.of("ユーザー", "利用者", "users", "user"));

    private final String slug;
    private final List<String> sheetNames;

    ImportKind(String slug, List<String> sheetNames) {
        this.slug = slug;
        this.sheetNames = sheetNames;
    }

    /** The kind's name in URLs and the REST API: {@code suppliers}, {@code contracts}, {@code subcontracting}. */
    public String slug() {
        return slug;
    }

    public List<String> sheetNames() {
        return sheetNames;
    }

    public List<ImportField> fields() {
        return Arrays.stream(ImportField.values()).filter(f -> f.kind() == this).toList();
    }

    /** The field whose form property a validation problem names ("decisionChart" → its first question). */
    public java.util.Optional<ImportField> fieldFor(String property) {
        if (property == null || property.isBlank()) {
            return java.util.Optional.empty();
        }
        return fields().stream()
                .filter(f -> f.property().equals(property) || f.property().startsWith(property + "."))
                .findFirst();
    }

    /** The field that names a row's record in the preview: the supplier's name, the contract's title, the child. */
    public ImportField nameField() {
        return switch (this) {
            case SUPPLIERS -> ImportField.SUPPLIER_NAME;
            case CONTRACTS -> ImportField.CONTRACT_TITLE;
            case SUBCONTRACTING -> ImportField.LINK_CHILD;
            case USERS -> ImportField.USER_DISPLAY_NAME;
        };
    }

    public String messageKey() {
        return "import.kind." + name();
    }

    public static ImportKind fromSlug(String slug) {
        return Arrays.stream(values())
                .filter(k -> k.slug.equalsIgnoreCase(slug == null ? "" : slug.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "kind must be one of suppliers, contracts, subcontracting, users, not " + slug));
    }
}
