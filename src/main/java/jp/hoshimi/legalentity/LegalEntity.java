package jp.hoshimi.legalentity;

import java.time.LocalDate;
import jp.hoshimi.legalentity.source.NtaCodes;

/**
 * A corporation as the NTA data last described it: official name and reading, kind, address, and — when
 * it closed or was absorbed — the date, the cause and the successor (with its name when known).
 */
public record LegalEntity(
        String corporateNumber,
        String name,
        String furigana,
        String kind,
        String prefectureName,
        String prefectureCode,
        String address,
        String process,
        boolean correct,
        LocalDate changeDate,
        LocalDate updateDate,
        LocalDate closeDate,
        String closeCause,
        String successorCorporateNumber,
        String successorName) {

    /** Absorbed by a merger: process 71 or close cause 11. */
    public boolean isMerged() {
        return NtaCodes.PROCESS_ABSORBED.equals(process) || NtaCodes.CLOSE_CAUSE_MERGED.equals(closeCause);
    }

    /** Closed for any reason, a merger included: process 21 or 71, or a close date. */
    public boolean isClosed() {
        return isMerged() || NtaCodes.PROCESS_CLOSED.equals(process) || closeDate != null;
    }

    /** The date it closed: the close date, else (a 71 or 21 row without one) the change date. */
    public LocalDate closedOn() {
        return closeDate != null ? closeDate : changeDate;
    }
}
