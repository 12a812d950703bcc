package jp.hoshimi.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditChange;
import jp.hoshimi.audit.AuditEntry;
import org.junit.jupiter.api.Test;

/** A link's chart answer that is null reads 「未回答」 in the audit trail, not "—" (decision 0015). */
class AuditTextsTest {

    private static AuditEntry link(AuditAction action, String before, String after) {
        return new AuditEntry(
                1,
                LocalDateTime.of(2026, 12, 7, 1, 0),
                "risk",
                "subcontracting_link",
                "7",
                action,
                before,
                after,
                null,
                AuditChange.between(before, after));
    }

    @Test
    void a_not_answered_link_answer_reads_as_such_in_an_update() {
        String changes = new AuditTexts(Locale.JAPANESE)
                .changes(link(
                        AuditAction.UPDATE,
                        "{\"confidentialDataFlows\":null,\"systemAccess\":false,\"businessCritical\":true}",
                        "{\"confidentialDataFlows\":true,\"systemAccess\":null,\"businessCritical\":true}"));

        assertThat(changes).isEqualTo("機密情報が渡る: 未回答 → はい / システム接続あり: いいえ → 未回答");
    }

    @Test
    void a_created_link_lists_the_answers_it_was_given_and_no_before_value_reads_not_answered() {
        // a field that is null after a create is no change (nothing was there before): it is not listed
        String changes = new AuditTexts(Locale.ENGLISH)
                .changes(link(
                        AuditAction.CREATE, null, "{\"systemAccess\":null,\"note\":null,\"businessCritical\":false}"));

        assertThat(changes).isEqualTo("Stoppage would delay our business: — → no");
    }
}
