package jp.hoshimi.security.internal;

import java.time.Duration;

/** Whole seconds for a Retry-After header, rounded up (never 0 while something is still blocked). */
final class RetryAfter {

    private RetryAfter() {}

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
