package jp.hoshimi.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.StarLevel;

/** A row of the request list. */
public record RequestListItem(
        long id,
        long supplierId,
        String supplierName,
        RequestState state,
        boolean overdue,
        GapType gapType,
        StarLevel requestedLevel,
        LocalDate dueDate,
        String ownerName,
        LocalDateTime sentAt) {}
