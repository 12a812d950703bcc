package jp.hoshimi.legalentity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.source.NtaEdition;

/**
 * Where the scheduled difference fetch reads: NONE, a FILE path, a company mirror (HTTP URL) or the NTA
 * WEB_API (its base URL and an application id, which is never shown again once stored: only whether it is).
 *
 * @param fetchedThrough the Web-API's last day applied; null before its first fetch
 */
public record LegalEntitySourceSettings(
        SourceType type,
        String location,
        NtaEdition edition,
        boolean applicationIdSet,
        LocalDate fetchedThrough,
        String updatedBy,
        LocalDateTime updatedAt,
        int version) {

    public boolean isConfigured() {
        return type == SourceType.FILE || type == SourceType.HTTP || type == SourceType.WEB_API;
    }
}
