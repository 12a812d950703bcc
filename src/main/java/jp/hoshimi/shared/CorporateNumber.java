package jp.hoshimi.shared;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A 法人番号 (corporate number): 13 digits, a check digit followed by the 12-digit base number.
 *
 * <p>Input is forgiving about presentation (full-width digits, spaces, hyphens, and the "T" prefix of
 * a qualified-invoice registration number, which is "T" + the corporate number) and strict about
 * content: wrong length, non-digits and a wrong check digit are each rejected with their own reason.
 */
public final class CorporateNumber implements Comparable<CorporateNumber> {

    private final String digits;

    private CorporateNumber(String digits) {
        this.digits = digits;
    }

    /** Parses user or file input. @throws InvalidCorporateNumberException with the reason. */
    public static CorporateNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidCorporateNumberException(InvalidCorporateNumberException.Reason.EMPTY, input);
        }
        String normalized = Normalizer.normalize(input, Normalizer.Form.NFKC).replaceAll("[\\s\\-‐‑–—−]", "");
        if ((normalized.startsWith("T") || normalized.startsWith("t")) && normalized.length() == 14) {
            normalized = normalized.substring(1);
        }
        if (!normalized.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidCorporateNumberException(InvalidCorporateNumberException.Reason.NOT_DIGITS, input);
        }
        if (normalized.length() != 13) {
            throw new InvalidCorporateNumberException(InvalidCorporateNumberException.Reason.WRONG_LENGTH, input);
        }
        int expected = checkDigitOf(normalized.substring(1));
        if (normalized.charAt(0) - '0' != expected) {
            throw new InvalidCorporateNumberException(InvalidCorporateNumberException.Reason.WRONG_CHECK_DIGIT, input);
        }
        return new CorporateNumber(normalized);
    }

    /** True when {@link #parse} would accept the input. */
    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (InvalidCorporateNumberException e) {
            return false;
        }
    }

    /**
     * The NTA check digit of a 12-digit base number: 9 − (Σ Pn × Qn mod 9), with Pn the n-th digit
     * counted from the right and Qn 1 for odd n, 2 for even n.
     */
    static int checkDigitOf(String baseNumber) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = baseNumber.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    /** The 13-digit number for a 12-digit base: its check digit in front (test data, demo data). */
    public static String withCheckDigit(String baseNumber) {
        return checkDigitOf(baseNumber) + baseNumber;
    }

    public String value() {
        return digits;
    }

    @Override
    public int compareTo(CorporateNumber other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorporateNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
