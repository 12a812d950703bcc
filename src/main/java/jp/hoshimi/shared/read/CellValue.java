package jp.hoshimi.shared.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** One cell as read. Formulas are never evaluated: a formula cell is its cached value. */
public sealed interface CellValue {

    /**
     * The cell as text for matching and validation: {@link Text} as is, {@link Number#formatted()}, {@link
     * Date} as ISO date (or ISO date-time if it has a time of day), {@link Bool} "TRUE"/"FALSE", {@link
     * Error} its code, {@link Empty} "".
     */
    String asText();

    /** No value (also an empty string). */
    record Empty() implements CellValue {
        @Override
        public String asText() {
            return "";
        }
    }

    /** Text, exactly as stored (leading zeros, spaces and line breaks kept). */
    record Text(String value) implements CellValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /**
     * A number.
     *
     * @param value the value as Excel shows it in "General": at most 15 significant digits, no trailing zeros,
     *     never a negative scale (so equal numbers make equal records)
     * @param formatted what Excel shows when the cell's number format pads with zeros (such as "0000000" or
     *     "000-0000"); otherwise {@code value.toPlainString()}, so a 13-digit number never comes in exponent
     *     form
     */
    record Number(BigDecimal value, String formatted) implements CellValue {
        public Number {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(formatted, "formatted");
        }

        @Override
        public String asText() {
            return formatted;
        }
    }

    /**
     * A date-formatted number, converted with the workbook's date system (1900 or 1904); a date without a time
     * of day is at 00:00, a time without a date is on the system's day zero.
     */
    record Date(LocalDateTime value) implements CellValue {
        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String asText() {
            return value.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? value.toLocalDate().toString()
                    : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements CellValue {
        @Override
        public String asText() {
            return value ? "TRUE" : "FALSE";
        }
    }

    /** An error value such as "#REF!" or "#N/A". */
    record Error(String code) implements CellValue {
        public Error {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String asText() {
            return code;
        }
    }
}
