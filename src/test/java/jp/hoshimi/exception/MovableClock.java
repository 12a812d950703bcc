package jp.hoshimi.exception;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real clock plus a jump a test sets (never back): the business date (with no fixed date configured)
 * follows it, so a test can let an exception's end date pass. Import {@link Config} to use it.
 */
public class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        public MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    public synchronized void advance(Duration by) {
        ahead = ahead.plus(by);
    }
}
