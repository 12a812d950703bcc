package jp.hoshimi.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code hoshimi.security.sign-in.*}); see docs/decisions/0021-sign-in-throttling-web-hardening.md.
 *
 * @param delayAfter failures of one account (or wrong API tokens from one address) after which each further
 *     attempt is refused for a growing delay
 * @param lockAfter failures after which the account (or address) is locked for {@code lockDuration}
 * @param firstDelay the first delay; doubled with each further failure
 * @param lockDuration how long a lock lasts (an administrator can lift it earlier)
 * @param forgetAfter failures older than this (with no failure since) are forgotten
 * @param addressDelayAfter like delayAfter, for one client address over all accounts of the sign-in form
 * @param addressLockAfter like lockAfter, for one client address over all accounts of the sign-in form
 */
@ConfigurationProperties("hoshimi.security.sign-in")
public record SignInThrottleProperties(
        @DefaultValue("5") int delayAfter,
        @DefaultValue("10") int lockAfter,
        @DefaultValue("2s") Duration firstDelay,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("25") int addressDelayAfter,
        @DefaultValue("50") int addressLockAfter) {

    ThrottlePolicy accounts() {
        return new ThrottlePolicy(delayAfter, lockAfter, firstDelay, lockDuration);
    }

    ThrottlePolicy addresses() {
        return new ThrottlePolicy(addressDelayAfter, addressLockAfter, firstDelay, lockDuration);
    }

    /** What the n-th failure in a row costs: nothing, a delay that doubles each time, or a lock. */
    record ThrottlePolicy(int delayAfter, int lockAfter, Duration firstDelay, Duration lockDuration) {

        boolean locks(int failures) {
            return failures >= lockAfter;
        }

        Duration blockAfter(int failures) {
            if (locks(failures)) {
                return lockDuration;
            }
            if (failures < delayAfter) {
                return Duration.ZERO;
            }
            Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - delayAfter, 20));
            return delay.compareTo(lockDuration) > 0 ? lockDuration : delay;
        }
    }
}
