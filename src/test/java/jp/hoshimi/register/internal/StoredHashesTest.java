package jp.hoshimi.register.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredHashesTest {

    static final String A = "a".repeat(64);
    static final String B = "0123456789abcdef".repeat(4);

    /** As the repository reads them: the number as a BIGINT, the hash as UNHEX(content_hash). */
    static void add(StoredHashes stored, String corporateNumber, String contentHash) {
        stored.add(Long.parseLong(corporateNumber), HexFormat.of().parseHex(contentHash));
    }

    @Test
    void an_entry_is_new_changed_or_the_same_and_the_unnamed_ones_are_the_removals() {
        StoredHashes stored = new StoredHashes();
        // in any order: the database is not asked to sort
        add(stored, "3000000000003", A);
        add(stored, "1000000000001", A);
        add(stored, "2000000000002", B);
        stored.sort();

        assertThat(stored.compare("1000000000001", A)).isEqualTo(StoredHashes.Comparison.SAME);
        assertThat(stored.compare("2000000000002", A)).isEqualTo(StoredHashes.Comparison.CHANGED);
        assertThat(stored.compare("4000000000004", A)).isEqualTo(StoredHashes.Comparison.NEW);
        List<String> unseen = new ArrayList<>();
        stored.forEachUnseen(unseen::add);
        assertThat(unseen).containsExactly("3000000000003");
        assertThat(stored.size()).isEqualTo(3);
    }

    @Test
    void a_hash_differing_in_its_last_digit_is_a_change() {
        StoredHashes stored = new StoredHashes();
        add(stored, "0000000000001", B);
        stored.sort();

        assertThat(stored.compare("0000000000001", B.substring(0, 63) + "0"))
                .isEqualTo(StoredHashes.Comparison.CHANGED);
    }

    @Test
    void grows_past_its_first_capacity_and_keeps_leading_zeros() {
        StoredHashes stored = new StoredHashes();
        for (int i = 5000; i > 0; i--) {
            add(stored, String.format("%013d", i), A);
        }
        stored.sort();
        for (int i = 2; i <= 5000; i++) {
            stored.compare(String.format("%013d", i), A);
        }
        List<String> unseen = new ArrayList<>();
        stored.forEachUnseen(unseen::add);

        assertThat(unseen).containsExactly("0000000000001");
    }

    @Test
    void the_same_number_stored_twice_is_refused() {
        StoredHashes stored = new StoredHashes();
        add(stored, "1000000000001", A);
        add(stored, "1000000000001", B);

        assertThatThrownBy(stored::sort).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 7L, 1_180_301_018_771L, 9_999_999_999_999L})
    void a_removed_number_comes_back_as_thirteen_digits_as_format_would_write_it(long number) {
        assertThat(StoredHashes.thirteenDigits(number)).isEqualTo(String.format("%013d", number));
    }
}
