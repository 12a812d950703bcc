package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ui.MessageBundle;
import org.junit.jupiter.api.Test;

/** Issue 18: the reasons read as people say it — "expires today", "1 day left", "valid until" — in both languages. */
class ReasonWordingTest {

    static final LocalDate LAST_DAY = LocalDate.of(2027, 3, 31);
    final MessageBundle messages = new MessageBundle();

    private String reason(Reason reason, ComplianceStatus status, LocalDate today, java.util.Locale locale) {
        Verdict verdict =
                new Verdict(status, reason, RequiredLevel.STAR3, StarLevel.STAR3, "ACTIVE", LAST_DAY, 30, today);
        return messages.getTranslation(reason.messageKey(), locale, verdict.reasonArguments());
    }

    @Test
    void the_last_valid_day_reads_expires_today() {
        assertThat(reason(Reason.EXPIRING, ComplianceStatus.EXPIRING, LAST_DAY, MessageBundle.ENGLISH))
                .contains("expires today")
                .doesNotContain("0 days");
        assertThat(reason(Reason.EXPIRING, ComplianceStatus.EXPIRING, LAST_DAY, MessageBundle.JAPANESE))
                .contains("本日")
                .doesNotContain("残り 0 日");
    }

    @Test
    void one_day_left_is_singular_and_more_days_are_plural() {
        assertThat(reason(Reason.EXPIRING, ComplianceStatus.EXPIRING, LAST_DAY.minusDays(1), MessageBundle.ENGLISH))
                .endsWith("(1 day left).");
        assertThat(reason(Reason.EXPIRING, ComplianceStatus.EXPIRING, LAST_DAY.minusDays(1), MessageBundle.JAPANESE))
                .contains("残り 1 日");
        assertThat(reason(Reason.EXPIRING, ComplianceStatus.EXPIRING, LAST_DAY.minusDays(1200), MessageBundle.ENGLISH))
                .endsWith("(1200 days left).");
    }

    @Test
    void an_expired_registration_says_until_when_it_was_valid() {
        assertThat(reason(Reason.EXPIRED, ComplianceStatus.EXPIRED, LAST_DAY.plusDays(1), MessageBundle.ENGLISH))
                .endsWith("registration was valid until 2027-03-31; it has expired.")
                .doesNotContain("expired on");
        assertThat(reason(Reason.EXPIRED, ComplianceStatus.EXPIRED, LAST_DAY.plusDays(1), MessageBundle.JAPANESE))
                .contains("2027-03-31 まで");
    }
}
