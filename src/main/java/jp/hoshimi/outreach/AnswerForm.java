package jp.hoshimi.outreach;

import java.time.LocalDate;
import jp.hoshimi.shared.StarLevel;

/** What the supplier enters on the answer page. */
public record AnswerForm(
        AnswerKind kind,
        StarLevel plannedLevel,
        LocalDate plannedDate,
        String assessmentBody,
        String corporateNumber,
        String comment) {}
