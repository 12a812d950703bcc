package jp.hoshimi.register.source;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; injectable so that tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, on the calling thread. */
    static Sleeper real() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
