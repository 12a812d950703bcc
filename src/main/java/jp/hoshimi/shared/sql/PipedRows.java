package jp.hoshimi.shared.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The bytes of a {@code LOAD DATA LOCAL INFILE} as they are made, in two steps on two threads: a producer, on
 * a thread of its own, makes the items (parses the feed) and hands them on in batches; the database driver,
 * reading this stream on the caller's thread, turns each batch into rows (hashes and formats them) as it goes.
 * Used by the first loads of a register kind (docs/decisions/0044) and of the NTA data (docs/decisions/0046).
 * So the server inserts while the feed is still being parsed, and parsing and formatting share the work
 * instead of one thread doing both. The producer starts with the driver's first read: where the statement is
 * refused, nothing has been made and the caller can make the rows otherwise.
 *
 * <p>A producer that fails (a bad entry in the feed) ends the stream early and cleanly — the driver must always
 * see an end, or the connection is lost — and {@link #finish} throws its failure afterwards: the caller rolls
 * its transaction back, so rows that reached the server stay nowhere. A row that cannot be formatted ends the
 * stream the same way. A driver that stops reading (the statement failed) stops the producer at its next batch.
 *
 * @param <T> what the producer makes: one row each
 */
public final class PipedRows<T> extends InputStream {

    /** Hands every item to the consumer it is given; may throw, which ends the stream where it is. */
    @FunctionalInterface
    public interface Producer<T> {
        void produce(Consumer<T> items);
    }

    private static final int BATCH = 512;
    private static final List<Object> END = List.of();

    private final Producer<T> producer;
    private final BiConsumer<T, StringBuilder> row;
    private final String threadName;
    // a few batches in flight: the producer runs ahead of the server by at most this much
    private final BlockingQueue<List<?>> batches = new ArrayBlockingQueue<>(8);
    private final StringBuilder text = new StringBuilder(BATCH * 128);
    private volatile boolean readerGone;
    private Thread thread;
    private volatile Throwable failure;
    private boolean ended;
    private int rows;
    private byte[] current = new byte[0];
    private int position;
    private long startedNanos;
    private long producedNanos;
    private long waitedNanos;
    private long formattedNanos;

    /**
     * @param row appends an item's row, line end included, to the builder (on the reading thread)
     */
    public PipedRows(String threadName, Producer<T> producer, BiConsumer<T, StringBuilder> row) {
        this.threadName = threadName;
        this.producer = producer;
        this.row = row;
    }

    /** Whether the driver asked for the rows (and so the producer ran or runs). */
    public boolean started() {
        return thread != null;
    }

    /** The rows read so far (all of them, once the stream has ended without a failure). */
    public int rows() {
        return rows;
    }

    /** How long the producer took (read after {@link #finish}); 0 when it did not run. */
    public long producerMillis() {
        return (producedNanos - startedNanos) / 1_000_000;
    }

    /** How much of that the producer waited for the reader to take its batches: then the reader set the pace. */
    public long waitedMillis() {
        return waitedNanos / 1_000_000;
    }

    /** How long the reading thread spent making rows of the batches (the rest of its time is the driver's). */
    public long formattedMillis() {
        return formattedNanos / 1_000_000;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (thread == null) {
            start();
        }
        while (position == current.length) {
            if (ended || !nextBatch()) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    /** Formats the next batch into {@link #current}; false at the end. Never throws at the driver. */
    @SuppressWarnings("unchecked")
    private boolean nextBatch() throws InterruptedIOException {
        List<?> batch = take();
        if (batch == END) {
            return false;
        }
        long from = System.nanoTime();
        try {
            text.setLength(0);
            for (Object item : batch) {
                row.accept((T) item, text);
            }
            current = text.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            rows += batch.size();
            formattedNanos += System.nanoTime() - from;
            return true;
        } catch (RuntimeException | Error e) {
            // a throw into the driver would leave the connection half-way through the statement
            failure = e;
            close();
            return false;
        }
    }

    /** The driver is done with the stream (at its end, or because the statement failed). */
    @Override
    public void close() {
        readerGone = true;
        batches.clear(); // a producer waiting for room sees the reader gone at once
    }

    /**
     * After the statement: waits for the producer to end and throws what made the stream end early, if anything
     * (unchecked as it was thrown).
     */
    public void finish() {
        if (thread == null) {
            return;
        }
        close();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the producer stops within a batch: wait for it, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * What one {@code LOAD DATA LOCAL INFILE} fed by this stream did: the rows the server counted, its first
     * warning (LOCAL turns bad values and duplicate keys into warnings: the caller must fail on any), and how
     * long the statement took.
     */
    public record Loaded(long count, long made, java.sql.SQLWarning warning, String timings) {

        /** The server stored another number of rows than were made (one was lost or split). */
        public boolean countDiffers() {
            return count != made;
        }
    }

    /**
     * Runs {@code sql} (a {@code LOAD DATA LOCAL INFILE}; its file name is not read) on the connection with this
     * stream as its file, then {@link #finish}es: a producer's failure is thrown here, after the statement,
     * before the caller commits. Null when the statement was refused before any row was made ({@code refused}
     * tells such an exception apart: server or driver without LOCAL INFILE) or the driver is not MariaDB's,
     * which alone can be handed a stream: then the caller makes the rows another way.
     */
    public Loaded load(
            java.sql.Connection connection, String sql, java.util.function.Predicate<java.sql.SQLException> refused)
            throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            if (!statement.isWrapperFor(org.mariadb.jdbc.Statement.class)) {
                return null;
            }
            statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(this);
            long count;
            long start = System.nanoTime();
            try {
                count = statement.executeLargeUpdate(sql);
            } catch (java.sql.SQLException e) {
                if (!started() && refused.test(e)) {
                    return null;
                }
                try {
                    finish();
                } catch (RuntimeException | Error producing) {
                    e.addSuppressed(producing);
                }
                throw e;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            finish(); // a bad item throws here
            // which of the two sets the pace: the producer (its waiting) or the server
            String timings = String.format(
                    "%d rows made in %d ms (%d ms of it waiting for the rows to be taken), turned into rows in %d ms,"
                            + " LOAD DATA LOCAL INFILE done in %d ms",
                    rows(), producerMillis(), waitedMillis(), formattedMillis(), millis);
            return new Loaded(count, rows(), statement.getWarnings(), timings);
        }
    }

    private void start() {
        startedNanos = System.nanoTime();
        thread = new Thread(this::runProducer, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void runProducer() {
        List<Object> batch = new ArrayList<>(BATCH);
        try {
            producer.produce(item -> {
                batch.add(item);
                if (batch.size() == BATCH) {
                    if (!hand(List.copyOf(batch))) {
                        throw new ReaderGone();
                    }
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                hand(List.copyOf(batch));
            }
        } catch (ReaderGone e) {
            // the statement failed; its exception is the one that counts
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            producedNanos = System.nanoTime();
            hand(END);
        }
    }

    private List<?> take() throws InterruptedIOException {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next rows");
        }
    }

    /** Hands a batch to the reader; false when the reader is gone. */
    private boolean hand(List<?> batch) {
        if (batches.offer(batch)) {
            return true;
        }
        long from = System.nanoTime();
        try {
            while (!readerGone) {
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waitedNanos += System.nanoTime() - from;
        }
    }

    /** Thrown into the producer when the reader has stopped reading. */
    private static final class ReaderGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderGone() {
            super("the database stopped reading the rows", null, false, false);
        }
    }
}
