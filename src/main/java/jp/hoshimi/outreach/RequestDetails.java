package jp.hoshimi.outreach;

import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.shared.StarLevel;

/** One request with its contracts, its answers and its timeline. */
public record RequestDetails(
        long id,
        long supplierId,
        String supplierName,
        String corporateNumber,
        String contactName,
        String contactEmail,
        GapType gapType,
        StarLevel requestedLevel,
        LocalDate dueDate,
        RequestState state,
        boolean overdue,
        String language,
        String message,
        long ownerUserId,
        String ownerName,
        LocalDate plannedDate,
        String closeNote,
        int version,
        List<RequestContract> contracts,
        List<RequestAnswer> answers,
        List<RequestEvent> timeline) {}
