package jp.hoshimi.register.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of a {@code LOAD DATA LOCAL INFILE} as they are made: the database driver reads this stream while a
 * writer, on a thread of its own, writes the rows (parses the feed). So the server inserts while the feed is
 * still being parsed, instead of after a file has been written whole. The writer starts with the driver's
 * first read: where the statement is refused, no row has been made and the caller can make them otherwise.
 *
 * <p>A writer that fails (a bad entry in the feed) ends the stream early and cleanly — the driver must always
 * see an end, or the connection is lost — and {@link #finish} throws its failure afterwards: the caller rolls
 * its transaction back, so rows that reached the server stay nowhere. A driver that stops reading (the
 * statement failed) stops the writer at its next chunk.
 */
final class PipedRows extends InputStream {

    /** Writes every row to the stream it is given; may throw, which ends the stream where it is. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream rows) throws IOException;
    }

    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final Writer writer;
    private final String threadName;
    // a few chunks in flight: the writer runs ahead of the server by at most this much (1 MB)
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private volatile boolean readerGone;
    private Thread thread;
    private Throwable failure;
    private long startedNanos;
    private long writtenNanos;
    private long waitedNanos;
    private byte[] current;
    private int position;

    PipedRows(String threadName, Writer writer) {
        this.threadName = threadName;
        this.writer = writer;
    }

    /** Whether the driver asked for the rows (and so the writer ran or runs). */
    boolean started() {
        return thread != null;
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
        while (current == null || position == current.length) {
            if (current == END) {
                return -1;
            }
            current = take();
            position = 0;
        }
        if (current == END) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    /** The driver is done with the stream (at its end, or because the statement failed). */
    @Override
    public void close() {
        readerGone = true;
        chunks.clear(); // a writer waiting for room sees the reader gone at once
    }

    /**
     * After the statement: waits for the writer to end and throws what made it fail, if anything (unchecked as
     * it was thrown; a checked one wrapped).
     */
    void finish() {
        if (thread == null) {
            return;
        }
        close();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the writer stops within a chunk: wait for it, then pass the interrupt on
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
        if (failure != null) {
            throw new IllegalStateException("writing the rows failed: " + failure.getMessage(), failure);
        }
    }

    /** How long the writer took (read after {@link #finish}); 0 when it did not run. */
    long writerMillis() {
        return (writtenNanos - startedNanos) / 1_000_000;
    }

    /** How much of that the writer waited for the reader to take its rows: the server set the pace then. */
    long waitedMillis() {
        return waitedNanos / 1_000_000;
    }

    private void start() {
        startedNanos = System.nanoTime();
        thread = new Thread(this::runWriter, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void runWriter() {
        // not closed on a failure: the rows written so far are thrown away anyway, the rest need not follow
        ChunkedOutput out = new ChunkedOutput();
        try {
            writer.write(out);
            out.flush();
        } catch (ReaderGone e) {
            // the statement failed; its exception is the one that counts
        } catch (Throwable e) {
            failure = e;
        } finally {
            writtenNanos = System.nanoTime();
            hand(END);
        }
    }

    private byte[] take() throws InterruptedIOException {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next rows");
        }
    }

    /** Hands a chunk to the reader; false when the reader is gone. */
    private boolean hand(byte[] chunk) {
        if (chunks.offer(chunk)) {
            return true;
        }
        long from = System.nanoTime();
        try {
            while (!readerGone) {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
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

    /** Thrown into the writer when the reader has stopped reading. */
    private static final class ReaderGone extends IOException {
        private static final long serialVersionUID = 1L;

        ReaderGone() {
            super("the database stopped reading the rows");
        }
    }

    /** Cuts what the writer writes into chunks for the reader. */
    private final class ChunkedOutput extends OutputStream {
        private byte[] buffer = new byte[CHUNK];
        private int size;

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushChunk();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (size == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(length, buffer.length - size);
                System.arraycopy(bytes, offset, buffer, size, n);
                size += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (size > 0) {
                flushChunk();
            }
        }

        private void flushChunk() throws IOException {
            byte[] chunk = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
            if (!hand(chunk)) {
                throw new ReaderGone();
            }
            buffer = new byte[CHUNK];
            size = 0;
        }
    }
}
