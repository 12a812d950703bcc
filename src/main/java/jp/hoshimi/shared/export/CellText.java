package jp.hoshimi.shared.export;

/**
 * Text for a spreadsheet cell that a spreadsheet program must show as text, never run. A CSV cell that
 * starts with {@code = + - @}, a tab or a carriage return is read by Excel as a formula (CSV injection,
 * OWASP): such a cell gets a leading apostrophe, which Excel hides and treats as "this is text".
 */
public final class CellText {

    private CellText() {}

    /** The value, with an apostrophe in front when it would otherwise start a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
