package jp.hoshimi.outreach;

import java.time.LocalDate;
import jp.hoshimi.shared.StarLevel;

/** What the answer page shows the supplier: only this request. */
public record AnswerPage(
        String supplierName,
        StarLevel requestedLevel,
        LocalDate dueDate,
        String message,
        String language,
        int answers) {}
