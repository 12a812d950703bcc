package jp.hoshimi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;
import org.junit.jupiter.api.Test;

/** The request's state machine, table-driven. */
class RequestStateTest {

    @Test
    void a_draft_can_only_be_sent_or_withdrawn() {
        assertThat(RequestState.DRAFT.next()).containsExactlyInAnyOrder(RequestState.SENT, RequestState.WITHDRAWN);
    }

    @Test
    void a_sent_request_is_answered_closed_or_withdrawn_never_back_to_draft() {
        assertThat(RequestState.SENT.next())
                .containsExactlyInAnyOrder(RequestState.ANSWERED, RequestState.DONE, RequestState.WITHDRAWN);
        assertThat(RequestState.SENT.canMoveTo(RequestState.DRAFT)).isFalse();
    }

    @Test
    void an_answered_request_may_be_answered_again_and_still_close() {
        assertThat(RequestState.ANSWERED.canMoveTo(RequestState.ANSWERED)).isTrue();
        assertThat(RequestState.ANSWERED.canMoveTo(RequestState.DONE)).isTrue();
        assertThat(RequestState.ANSWERED.canMoveTo(RequestState.SENT)).isFalse();
    }

    @Test
    void done_and_withdrawn_are_final() {
        assertThat(RequestState.DONE.next()).isEmpty();
        assertThat(RequestState.WITHDRAWN.next()).isEmpty();
        assertThat(RequestState.DONE.open()).isFalse();
        assertThat(RequestState.SENT.open()).isTrue();
        assertThat(RequestState.ANSWERED.open()).isTrue();
    }

    @Test
    void gap_type_follows_the_findings_status() {
        assertThat(GapType.of(ComplianceStatus.MISSING, null)).isEqualTo(GapType.NOT_REGISTERED);
        assertThat(GapType.of(ComplianceStatus.INSUFFICIENT, StarLevel.STAR3)).isEqualTo(GapType.LEVEL_TOO_LOW);
        assertThat(GapType.of(ComplianceStatus.REVOKED, StarLevel.STAR3)).isEqualTo(GapType.EXPIRED);
        assertThat(GapType.of(ComplianceStatus.EXPIRING, StarLevel.STAR4)).isEqualTo(GapType.EXPIRING);
        assertThat(GapType.of(ComplianceStatus.INSUFFICIENT, StarLevel.SA2)).isEqualTo(GapType.SECURITY_ACTION_ONLY);
    }
}
