package jp.hoshimi.dataimport;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an import's batches (staged rows, row results, outcomes) on a thread of its own, one batch at a time,
 * while the import's thread reads or decides the next one: the database inserts one batch as the next is made,
 * instead of the two taking turns (decision 0047). At most one batch is in flight: {@link #submit} first waits
 * for the one before, so the rows go in the order they were made and memory holds two batches at most. Each
 * write is the caller's whole unit (its own small transaction). A failed write is thrown, as it was thrown, by
 * the next {@link #submit} or by {@link #finish}; whoever stops early calls {@link #finishQuietly} so that no
 * write is left running behind its back (a discarded run's rows must not come back after it cleared them).
 */
final class WriteBehind {

    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "hoshimi-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    private Future<?> inFlight;
    private long waitedNanos;

    /** Starts this write once the one before has ended; throws that one's failure instead, if it failed. */
    void submit(Runnable write) {
        finish();
        inFlight = WRITERS.submit(write);
    }

    /** Waits for the write in flight, if any; throws its failure as it was thrown. */
    void finish() {
        Future<?> writing = inFlight;
        if (writing == null) {
            return;
        }
        inFlight = null;
        long from = System.nanoTime();
        try {
            writing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finishQuietly(writing);
            throw new IllegalStateException("interrupted while an import's rows were written", e);
        } finally {
            waitedNanos += System.nanoTime() - from;
        }
    }

    /** After a failure elsewhere: waits for the write in flight to end, whatever its outcome. */
    void finishQuietly() {
        Future<?> writing = inFlight;
        inFlight = null;
        if (writing != null) {
            finishQuietly(writing);
        }
    }

    /** How long the import's thread waited for writes: the part of the writing that reading did not hide. */
    long waitedMillis() {
        return waitedNanos / 1_000_000;
    }

    private static void finishQuietly(Future<?> writing) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                writing.get();
                break;
            } catch (ExecutionException e) {
                break; // the caller is already failing for another reason
            } catch (InterruptedException e) {
                interrupted = true; // a write ends within its statement: wait for it, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
