package jp.hoshimi.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real clock plus a jump the test sets: time runs on as usual, and a test can move it forward (never back). */
class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

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

    synchronized void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    synchronized void moveTo(Instant at) {
        Instant now = instant();
        if (at.isAfter(now)) {
            ahead = ahead.plus(Duration.between(now, at));
        }
    }
}
