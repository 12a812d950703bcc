package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.compliance.PeriodCheck;
import jp.hoshimi.compliance.Verdict;

/**
 * Issue 20, the supplier check's answer for a planned contract period: 「★3 は 2027-09-30 まで有効です。
 * 契約は 2029-03-31 まで続くため、更新が 2 回必要です」 / "★3 until 2027-09-30; the contract runs to
 * 2029-03-31: 2 renewals needed".
 */
class PeriodAnswer extends Paragraph {

    PeriodAnswer(PeriodCheck period) {
        setId("check-period");
        addClassName("check-period");
        setText(sentence(period));
    }

    private String sentence(PeriodCheck period) {
        Verdict v = period.check().verdict();
        String end = period.end().toString();
        if (!period.check().canContract()) {
            return getTranslation("check.period.notToday");
        }
        String held = v.heldLevel() == null ? "—" : v.heldLevel().label();
        if (v.validUntil() == null) {
            return getTranslation("check.period.noExpiry", held, end);
        }
        String until = v.validUntil().toString();
        List<LocalDate> due = period.renewalsDue();
        if (due.isEmpty()) {
            return getTranslation("check.period.covered", held, until, end);
        }
        if (!period.renewalCountKnown()) {
            return getTranslation("check.period.renewalsAtLeast", held, until, end);
        }
        return due.size() == 1
                ? getTranslation(
                        "check.period.renewalsOne", held, until, end, due.get(0).toString())
                : getTranslation("check.period.renewalsMany", held, until, end, due.size(), joined(due));
    }

    private static String joined(List<LocalDate> dates) {
        return String.join(", ", dates.stream().map(LocalDate::toString).toList());
    }
}
