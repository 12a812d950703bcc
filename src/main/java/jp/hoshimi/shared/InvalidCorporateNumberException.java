package jp.hoshimi.shared;

/** A corporate number that cannot be accepted; {@link #reason()} says which rule it breaks. */
public class InvalidCorporateNumberException extends IllegalArgumentException {

    /** Each reason has a message key {@code corporateNumber.invalid.<name>} in the UI bundles. */
    public enum Reason {
        EMPTY("is empty"),
        NOT_DIGITS("must contain only digits 0-9"),
        WRONG_LENGTH("must have exactly 13 digits"),
        WRONG_CHECK_DIGIT("has a wrong check digit (first digit); please check for a typo");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        public String messageKey() {
            return "corporateNumber.invalid." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String input;

    public InvalidCorporateNumberException(Reason reason, String input) {
        super("Corporate number '" + (input == null ? "" : input) + "' " + reason.english);
        this.reason = reason;
        this.input = input;
    }

    public Reason reason() {
        return reason;
    }

    public String input() {
        return input;
    }
}
