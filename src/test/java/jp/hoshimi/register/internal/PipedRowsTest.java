package jp.hoshimi.register.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stream a first load hands the database driver: what the writer writes arrives whole and in order; a
 * writer that fails still ends the stream (the driver must see an end) and its failure comes out of finish; a
 * reader that stops stops the writer; and nothing is written before the first read.
 */
class PipedRowsTest {

    /** Rows of about 5 MB: more than the chunks in flight, so the writer waits for the reader on the way. */
    static void rows(OutputStream out, int count, AtomicInteger written) throws IOException {
        for (int i = 0; i < count; i++) {
            out.write(("row " + i + "\t株式会社テスト" + i + "\n").getBytes(StandardCharsets.UTF_8));
            written.incrementAndGet();
        }
    }

    static String expected(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("row ").append(i).append("\t株式会社テスト").append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void what_the_writer_writes_is_read_whole_and_in_order() throws IOException {
        AtomicInteger written = new AtomicInteger();
        PipedRows rows = new PipedRows("test-writer", out -> rows(out, 200_000, written));

        String read = readAll(rows);
        rows.finish();

        assertThat(read).isEqualTo(expected(200_000));
        assertThat(rows.started()).isTrue();
    }

    @Test
    void a_writer_that_fails_ends_the_stream_and_its_failure_comes_out_of_finish() throws IOException {
        PipedRows rows = new PipedRows("test-writer", out -> {
            rows(out, 100_000, new AtomicInteger());
            throw new IllegalArgumentException("line 100001: a bad entry");
        });

        String read = readAll(rows); // ends: the driver is never left waiting

        assertThat(expected(100_000)).startsWith(read);
        assertThatThrownBy(rows::finish)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 100001: a bad entry");
    }

    @Test
    void a_reader_that_stops_stops_the_writer() throws IOException {
        AtomicInteger written = new AtomicInteger();
        PipedRows rows = new PipedRows("test-writer", out -> rows(out, 10_000_000, written));

        byte[] some = new byte[1000];
        assertThat(rows.read(some, 0, some.length)).isPositive();
        rows.close(); // as the driver does when the statement fails
        rows.finish(); // returns: the writer stopped at its next chunk, and that is no failure of its own

        assertThat(written.get()).isLessThan(10_000_000);
    }

    @Test
    void nothing_is_written_before_the_first_read() {
        AtomicInteger written = new AtomicInteger();
        PipedRows rows = new PipedRows("test-writer", out -> rows(out, 10, written));

        rows.finish();

        assertThat(rows.started()).isFalse();
        assertThat(written.get()).isZero();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192]; // as the driver reads
        for (int n; (n = in.read(buffer)) > 0; ) {
            all.write(buffer, 0, n);
        }
        assertThat(in.read(buffer)).isEqualTo(-1);
        return all.toString(StandardCharsets.UTF_8);
    }
}
