package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.hoshimi.shared.InvalidCorporateNumberException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"2180301021007", "4011001098993", "5111101000006", "2120901007402", "7123456789012"})
    void the_published_examples_are_valid(String number) {
        assertThat(CorporateNumber.parse(number).value()).isEqualTo(number);
        assertThat(CorporateNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "'２１８０３０１０２１００７', 2180301021007", // full-width digits from a Japanese keyboard
        "' 2180301021007 ', 2180301021007", // surrounding spaces
        "'2180-3010-21007', 2180301021007", // grouping hyphens
        "'T4011001098993', 4011001098993", // qualified-invoice registration number = T + 法人番号
        "'Ｔ４０１１００１０９８９９３', 4011001098993"
    })
    void presentation_differences_are_normalised(String input, String expected) {
        assertThat(CorporateNumber.parse(input).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"218030102100", "21803010210070", "1"})
    void wrong_length_is_rejected_with_its_own_reason(String input) {
        assertThatThrownBy(() -> CorporateNumber.parse(input))
                .isInstanceOfSatisfying(
                        InvalidCorporateNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH))
                .hasMessageContaining("13 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"21803O1021007", "abcdefghijklm", "2180301021007x", "2180.301021007"})
    void non_digits_are_rejected_with_their_own_reason(String input) {
        assertThatThrownBy(() -> CorporateNumber.parse(input))
                .isInstanceOfSatisfying(
                        InvalidCorporateNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_DIGITS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3180301021007", "2180301021008", "1123456789012", "2180301021070"})
    void a_wrong_check_digit_is_rejected(String input) {
        assertThatThrownBy(() -> CorporateNumber.parse(input))
                .isInstanceOfSatisfying(
                        InvalidCorporateNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_CHECK_DIGIT))
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "　"})
    void empty_input_is_rejected_as_empty(String input) {
        assertThatThrownBy(() -> CorporateNumber.parse(input))
                .isInstanceOfSatisfying(
                        InvalidCorporateNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
    }

    @ParameterizedTest
    @CsvSource({"180301021007, 2", "011001098993, 4", "111101000006, 5", "123456789012, 7"})
    void check_digit_follows_the_nta_formula(String base, int expected) {
        assertThat(CorporateNumber.checkDigitOf(base)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void equal_numbers_are_equal_whatever_their_input_form() {
        assertThat(CorporateNumber.parse("２１８０３０１０２１００７")).isEqualTo(CorporateNumber.parse("2180301021007"));
    }
}
