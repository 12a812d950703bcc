package jp.hoshimi.legalentity;

import java.time.LocalDate;

/** One applied NTA row of a corporation's history; {@code correct} marks a correction, not a real change. */
public record LegalEntityChange(
        long runId,
        String process,
        boolean correct,
        boolean latest,
        LocalDate changeDate,
        LocalDate updateDate,
        String name,
        String address,
        LocalDate closeDate,
        String closeCause,
        String successorCorporateNumber) {

    public String processMessageKey() {
        return "legalEntity.process." + process;
    }
}
