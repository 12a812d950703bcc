package jp.hoshimi.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The stream a first load hands the database driver: what the producer makes arrives whole and in order as
 * rows; a producer that fails, or a row that cannot be made, still ends the stream (the driver must see an end)
 * and the failure comes out of finish; a reader that stops stops the producer; and nothing is made before the
 * first read.
 */
class PipedRowsTest {

    static final BiConsumer<Integer, StringBuilder> ROW = (i, line) ->
            line.append("row ").append(i).append("\t株式会社テスト").append(i).append('\n');

    static void produce(Consumer<Integer> items, int count, AtomicInteger made) {
        for (int i = 0; i < count; i++) {
            items.accept(i);
            made.incrementAndGet();
        }
    }

    static String expected(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ROW.accept(i, text);
        }
        return text.toString();
    }

    @Test
    void what_the_producer_makes_is_read_whole_and_in_order() throws IOException {
        // about 5 MB: more than the batches in flight, so the producer waits for the reader on the way
        PipedRows<Integer> rows =
                new PipedRows<>("test-producer", items -> produce(items, 200_001, new AtomicInteger()), ROW);

        String read = readAll(rows);
        rows.finish();

        assertThat(read).isEqualTo(expected(200_001));
        assertThat(rows.rows()).isEqualTo(200_001);
        assertThat(rows.started()).isTrue();
    }

    @Test
    void a_producer_that_fails_ends_the_stream_and_its_failure_comes_out_of_finish() throws IOException {
        PipedRows<Integer> rows = new PipedRows<>(
                "test-producer",
                items -> {
                    produce(items, 100_000, new AtomicInteger());
                    throw new IllegalArgumentException("line 100001: a bad entry");
                },
                ROW);

        String read = readAll(rows); // ends: the driver is never left waiting

        assertThat(expected(100_000)).startsWith(read);
        assertThatThrownBy(rows::finish)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 100001: a bad entry");
    }

    @Test
    void a_row_that_cannot_be_made_ends_the_stream_instead_of_throwing_at_the_driver() throws IOException {
        PipedRows<Integer> rows =
                new PipedRows<>("test-producer", items -> produce(items, 100_000, new AtomicInteger()), (i, line) -> {
                    if (i == 5_000) {
                        throw new IllegalStateException("no row for 5000");
                    }
                    ROW.accept(i, line);
                });

        String read = readAll(rows);

        assertThat(expected(5_000)).startsWith(read);
        assertThatThrownBy(rows::finish).hasMessage("no row for 5000");
    }

    @Test
    void a_reader_that_stops_stops_the_producer() throws IOException {
        AtomicInteger made = new AtomicInteger();
        PipedRows<Integer> rows = new PipedRows<>("test-producer", items -> produce(items, 10_000_000, made), ROW);

        byte[] some = new byte[1000];
        assertThat(rows.read(some, 0, some.length)).isPositive();
        rows.close(); // as the driver does when the statement fails
        rows.finish(); // returns: the producer stopped at its next batch, and that is no failure of its own

        assertThat(made.get()).isLessThan(10_000_000);
    }

    @Test
    void nothing_is_made_before_the_first_read() {
        AtomicInteger made = new AtomicInteger();
        PipedRows<Integer> rows = new PipedRows<>("test-producer", items -> produce(items, 10, made), ROW);

        rows.finish();

        assertThat(rows.started()).isFalse();
        assertThat(made.get()).isZero();
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
