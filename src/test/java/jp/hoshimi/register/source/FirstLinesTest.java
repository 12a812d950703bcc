package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser's memory of where each 法人番号 was first seen, across its growth. */
class FirstLinesTest {

    @Test
    void a_number_seen_before_gives_its_first_line_and_a_new_one_minus_one_across_many_growths() {
        FirstLines lines = new FirstLines();
        for (long i = 0; i < 100_000; i++) {
            assertThat(lines.putIfAbsent(9_000_000_000_000L + i * 7, i + 2)).isEqualTo(-1);
        }

        assertThat(lines.putIfAbsent(9_000_000_000_000L, 999_999)).isEqualTo(2);
        assertThat(lines.putIfAbsent(9_000_000_000_000L + 99_999 * 7, 999_999)).isEqualTo(100_001);
        assertThat(lines.putIfAbsent(9_000_000_000_000L + 99_999 * 7, 5))
                .as("the first line stays")
                .isEqualTo(100_001);
        assertThat(lines.putIfAbsent(0, 3))
                .as("法人番号 0 is a number like any other")
                .isEqualTo(-1);
        assertThat(lines.putIfAbsent(0, 4)).isEqualTo(3);
        assertThat(lines.putIfAbsent(9_999_999_999_999L, 8)).isEqualTo(-1);
    }
}
