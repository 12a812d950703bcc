package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A text of the bundles: the reader's language on a screen, English in a log, and the same after storing. */
class TextTest {

    final Text located = Text.of(
            "feed.located",
            Text.of("feed.at.line", 1234),
            Text.of("feed.number.invalid", "123", Text.of("feed.number.WRONG_LENGTH")));

    @Test
    void nested_texts_are_shown_in_one_language() {
        assertThat(located.english()).isEqualTo("line 1234: invalid 法人番号 '123' (not 13 digits)");
        assertThat(located.in(Locale.JAPANESE)).isEqualTo("1234 行目：法人番号「123」が正しくありません（13 桁ではありません）");
        assertThat(located.in(Locale.GERMAN)).isEqualTo(located.english());
    }

    @Test
    void a_stored_text_reads_back_equal_and_says_the_same() {
        Text back = Text.fromJson(located.toJson());

        assertThat(back)
                .isEqualTo(Text.of(
                        "feed.located",
                        Text.of("feed.at.line", 1234L),
                        Text.of("feed.number.invalid", "123", Text.of("feed.number.WRONG_LENGTH"))));
        assertThat(back.in(Locale.JAPANESE)).isEqualTo(located.in(Locale.JAPANESE));
        assertThat(Text.fromJson(null)).isNull();
    }

    @Test
    void a_sentence_without_a_key_is_shown_as_it_is_and_a_missing_key_says_so() {
        assertThat(Text.asIs("HTTP 503 after 4 attempts").in(Locale.JAPANESE)).isEqualTo("HTTP 503 after 4 attempts");
        assertThat(Text.of("no.such.key").english()).isEqualTo("!no.such.key");
    }
}
