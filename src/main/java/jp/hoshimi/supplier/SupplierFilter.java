package jp.hoshimi.supplier;

import java.util.EnumSet;
import java.util.Set;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * Filter for the supplier list. {@code text} matches the normalised name (so "ｱｼｽﾄ" finds 株式会社アシスト),
 * the start of the 法人番号 or the start of the supplier code; {@code quick} narrows to a common work list;
 * {@code statuses} keeps suppliers whose evaluated status is one of them (empty: any, including suppliers
 * not evaluated yet).
 */
public record SupplierFilter(String text, Quick quick, Set<ComplianceStatus> statuses) {

    /** One-click filters for the list. */
    public enum Quick {
        ALL,
        /** Cannot be matched against the register until someone adds the 法人番号. */
        NO_CORPORATE_NUMBER,
        FOREIGN,
        /** In the master but in no contract of the group. */
        NO_CONTRACT
    }

    public SupplierFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public SupplierFilter(String text, Quick quick) {
        this(text, quick, Set.of());
    }

    public SupplierFilter(String text) {
        this(text, Quick.ALL);
    }

    public static SupplierFilter none() {
        return new SupplierFilter(null, Quick.ALL);
    }

    public SupplierFilter withStatuses(Set<ComplianceStatus> chosen) {
        return new SupplierFilter(text, quick, chosen);
    }
}
