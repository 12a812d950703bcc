package jp.hoshimi.register.source;

import java.time.LocalDate;
import java.util.Set;

/**
 * One register entry as published, after validation by {@link FeedParser}.
 *
 * @param corporateNumber the 法人番号, 13 digits with a valid check digit
 * @param name the registered name, as published (not normalised)
 * @param level STAR3, STAR4 or STAR5; for {@link RegisterKind#SECURITY_ACTION}, SA1 or SA2 (the names of
 *     {@link jp.hoshimi.shared.StarLevel})
 * @param registeredOn when the level was registered; null when the feed does not say
 * @param validUntil last day of validity; never null for {@link RegisterKind#STAR}, null for a SECURITY
 *     ACTION declaration without expiry
 * @param status ACTIVE, SUSPENDED, REVOKED or EXPIRED
 * @param scope what the registration covers (whole company, group, part); null when not published
 * @param assessmentBody the assessment body (評価機関); null when not published or self-assessed
 */
public record FeedEntry(
        String corporateNumber,
        String name,
        String level,
        LocalDate registeredOn,
        LocalDate validUntil,
        String status,
        String scope,
        String assessmentBody) {

    /** The statuses an entry may have. */
    public static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "REVOKED", "EXPIRED");
}
