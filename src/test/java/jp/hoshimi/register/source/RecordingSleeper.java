package jp.hoshimi.register.source;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records what it is asked to wait and returns at once; can move a fake clock by the wait. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicLong clock;

    RecordingSleeper() {
        this(null);
    }

    /** @param clock a fake nano clock to advance by each wait, or null */
    RecordingSleeper(AtomicLong clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.addAndGet(duration.toNanos());
        }
    }
}
