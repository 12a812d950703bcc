package jp.hoshimi.outreach;

import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.shared.StarLevel;

/**
 * One supplier of a bulk request (issue 19): what it would be asked and whom, or why it is skipped
 * ({@code skip} null when it is asked).
 */
public record BulkCandidate(
        long supplierId,
        String supplierName,
        String corporateNumber,
        GapType gapType,
        StarLevel requestedLevel,
        LocalDate dueDate,
        String contactName,
        String contactEmail,
        List<RequestContract> contracts,
        Skip skip) {

    /** Why a supplier is not asked. */
    public enum Skip {
        /** No primary contact, or the primary contact has no e-mail address. */
        NO_EMAIL,
        /** A request for this level (or a higher one) is already open or drafted. */
        ALREADY_OPEN;

        public String messageKey() {
            return "bulk.skip." + name();
        }
    }

    public boolean asked() {
        return skip == null;
    }
}
