package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFragmentsTest {

    @Test
    void a_text_has_one_fragment_per_character_cut_to_eight_characters() {
        assertThat(TextFragments.of("ミナト電装")).containsExactly("ミナト電装", "ナト電装", "ト電装", "電装", "装");
        assertThat(TextFragments.of("ワイヤーハーネス供給契約"))
                .startsWith("ワイヤーハーネス", "イヤーハーネス供", "ヤーハーネス供給")
                .endsWith("約")
                .hasSize(12);
    }

    @Test
    void repeated_fragments_are_kept_once_and_an_empty_text_has_none() {
        assertThat(TextFragments.of("ああああ")).containsExactly("ああああ", "あああ", "ああ", "あ");
        assertThat(TextFragments.of("")).isEmpty();
        assertThat(TextFragments.of(null)).isEmpty();
    }

    @Test
    void characters_are_code_points_as_mariadb_counts_them() {
        // 𠮷 (U+20BB7) is one character but two Java chars
        assertThat(TextFragments.of("𠮷野家")).containsExactly("𠮷野家", "野家", "家");
        assertThat(TextFragments.lookupPrefix("𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷")).isEqualTo("𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷");
    }

    @ParameterizedTest
    @CsvSource({"ミナト, ミナト, true", "ワイヤーハーネス, ワイヤーハーネス, true", "ワイヤーハーネス供給, ワイヤーハーネス, false", "a, a, true"})
    void a_term_is_looked_up_by_its_first_eight_characters(String term, String prefix, boolean exact) {
        assertThat(TextFragments.lookupPrefix(term)).isEqualTo(prefix);
        assertThat(TextFragments.isExactLookup(term)).isEqualTo(exact);
    }

    @Test
    void a_text_contains_a_short_term_exactly_when_a_fragment_starts_with_it() {
        String text = "東京ミナト電装サービス株式会社";
        for (String term : List.of("ミナト", "東京", "社", "電装サービス", "ミナト電装サービス株", "ナトミ", "京ミナ")) {
            boolean found =
                    TextFragments.of(text).stream().anyMatch(f -> f.startsWith(TextFragments.lookupPrefix(term)));
            boolean contains = text.contains(term);
            if (TextFragments.isExactLookup(term)) {
                assertThat(found).as(term).isEqualTo(contains);
            } else {
                assertThat(found).as(term).isTrue(); // a candidate: the LIKE decides
            }
        }
    }
}
