package jp.hoshimi.outreach;

import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.shared.StarLevel;

/**
 * A request as made on a screen or over REST. {@code contactId} picks one of the supplier's contacts (its
 * name and address are copied); without it, {@code contactName}/{@code contactEmail} are used. A null
 * {@code message} takes the template of the gap type; null {@code contractIds} the contracts in the maker's
 * scope where the supplier falls short.
 */
public record RequestForm(
        long supplierId,
        Long contactId,
        String contactName,
        String contactEmail,
        GapType gapType,
        StarLevel requestedLevel,
        LocalDate dueDate,
        String language,
        String message,
        List<Long> contractIds) {}
