package jp.hoshimi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.hoshimi.security.SignInThrottleProperties.ThrottlePolicy;
import org.junit.jupiter.api.Test;

/** What each failure in a row costs with the default figures: nothing, a doubling delay, then a lock. */
class SignInThrottlePolicyTest {

    final ThrottlePolicy accounts = new SignInThrottleProperties(
                    5, 10, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1), 25, 50)
            .accounts();

    @Test
    void the_first_four_failures_cost_nothing() {
        for (int failures = 1; failures < 5; failures++) {
            assertThat(accounts.blockAfter(failures)).isZero();
            assertThat(accounts.locks(failures)).isFalse();
        }
    }

    @Test
    void from_the_fifth_failure_the_delay_doubles() {
        assertThat(accounts.blockAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(accounts.blockAfter(6)).isEqualTo(Duration.ofSeconds(4));
        assertThat(accounts.blockAfter(9)).isEqualTo(Duration.ofSeconds(32));
        assertThat(accounts.locks(9)).isFalse();
    }

    @Test
    void the_tenth_failure_locks_for_the_lock_duration() {
        assertThat(accounts.locks(10)).isTrue();
        assertThat(accounts.blockAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(accounts.blockAfter(500)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_long_delay_never_exceeds_the_lock() {
        ThrottlePolicy slow = new ThrottlePolicy(1, 100, Duration.ofMinutes(1), Duration.ofMinutes(15));
        assertThat(slow.blockAfter(60)).isEqualTo(Duration.ofMinutes(15));
    }
}
