package jp.hoshimi.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.StarLevel;

/** One answer of the supplier, kept with its time (answers never overwrite each other). */
public record RequestAnswer(
        LocalDateTime answeredAt,
        AnswerKind kind,
        StarLevel plannedLevel,
        LocalDate plannedDate,
        String assessmentBody,
        String corporateNumber,
        String comment) {}
