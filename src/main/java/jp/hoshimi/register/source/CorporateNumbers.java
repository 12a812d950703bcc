package jp.hoshimi.register.source;

/**
 * The fast path for the common case of a feed: exactly 13 ASCII digits. {@link
 * jp.hoshimi.shared.CorporateNumber#parse} accepts more (full-width digits, hyphens, the "T" prefix) and
 * says what is wrong, but normalises with NFKC and a regex first, for every one of 200,000 entries.
 * Everything this does not accept goes to it.
 */
final class CorporateNumbers {

    private CorporateNumbers() {}

    /** True for 13 ASCII digits whose first is the NTA check digit of the other twelve. */
    static boolean isPlainAndValid(String value) {
        if (value.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = value.charAt(13 - n) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        int check = value.charAt(0) - '0';
        return check == 9 - (sum % 9);
    }
}
