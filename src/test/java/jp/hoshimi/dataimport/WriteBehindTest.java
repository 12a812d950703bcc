package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    @Test
    void writes_run_on_another_thread_one_at_a_time_in_the_order_they_were_handed_on() {
        WriteBehind writes = new WriteBehind();
        List<Integer> written = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Thread caller = Thread.currentThread();
        List<Thread> writers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int batch = i;
            writes.submit(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                writers.add(Thread.currentThread());
                written.add(batch);
                running.decrementAndGet();
            });
        }
        writes.finish();

        assertThat(written).hasSize(50).isSorted();
        assertThat(mostAtOnce).hasValue(1);
        assertThat(writers).doesNotContain(caller);
    }

    @Test
    void the_caller_goes_on_while_a_write_runs_and_finish_waits_for_it() throws InterruptedException {
        WriteBehind writes = new WriteBehind();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        writes.submit(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        });

        // the write is held: the caller is not
        assertThat(done).hasValue(0);
        release.countDown();
        writes.finish();
        assertThat(done).hasValue(1);
    }

    @Test
    void a_failed_write_is_thrown_at_the_next_hand_off_and_the_next_write_does_not_run() {
        WriteBehind writes = new WriteBehind();
        AtomicInteger after = new AtomicInteger();
        writes.submit(() -> {
            throw new IllegalStateException("duplicate key");
        });

        assertThatThrownBy(() -> writes.submit(after::incrementAndGet))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("duplicate key");
        writes.finish();
        assertThat(after).hasValue(0);
    }

    @Test
    void a_failed_last_write_is_thrown_by_finish_and_finish_quietly_only_waits() {
        WriteBehind failing = new WriteBehind();
        failing.submit(() -> {
            throw new IllegalArgumentException("bad row");
        });
        assertThatThrownBy(failing::finish).isInstanceOf(IllegalArgumentException.class);

        WriteBehind abandoned = new WriteBehind();
        AtomicInteger done = new AtomicInteger();
        abandoned.submit(() -> {
            done.incrementAndGet();
            throw new IllegalArgumentException("bad row");
        });
        abandoned.finishQuietly();
        assertThat(done).hasValue(1);
    }
}
