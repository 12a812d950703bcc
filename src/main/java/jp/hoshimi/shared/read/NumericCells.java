package jp.hoshimi.shared.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a numeric cell (value + number format) into a {@link CellValue}, the same way for .xlsx and .xls.
 * Rules in docs/decisions/0005-spreadsheet-reading.md. One instance per read (DataFormatter is not
 * thread-safe).
 */
final class NumericCells {

    /** Excel keeps 15 significant digits; more digits in a stored double are binary noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    /**
     * Formats that POI does not know as dates: the East Asian built-in ids (27–36, 50–58), which a Japanese
     * Excel writes without a format code, and Japanese era formats ("ggge年m月d日").
     */
    private static final Pattern ERA_DATE =
            Pattern.compile("^[gGeEyYmMdDhHsSaApP/\\-., :年月日時分秒]*[gGeE][gGeEyYmMdDhHsSaApP/\\-., :年月日時分秒]*$");

    private enum Kind {
        DATE,
        ZERO_PADDED,
        PLAIN
    }

    private record Format(int index, String code) {}

    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    /** A workbook has few formats and many cells; POI's own date-format cache keeps only the last one. */
    private final Map<Format, Kind> kinds = new HashMap<>();

    NumericCells(boolean date1904) {
        this.date1904 = date1904;
    }

    CellValue of(double value, int formatIndex, String formatString) {
        Kind kind = kinds.computeIfAbsent(new Format(formatIndex, formatString), NumericCells::kindOf);
        if (kind == Kind.DATE && DateUtil.isValidExcelDate(value)) {
            return new CellValue.Date(DateUtil.getLocalDateTime(value, date1904, true));
        }
        BigDecimal exact =
                new BigDecimal(Double.toString(value)).round(EXCEL_PRECISION).stripTrailingZeros();
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        String formatted = kind == Kind.ZERO_PADDED
                ? formatter.formatRawCellContents(value, formatIndex, formatString)
                : exact.toPlainString();
        return new CellValue.Number(exact, formatted);
    }

    private static Kind kindOf(Format format) {
        if (isDateFormat(format.index(), format.code())) {
            return Kind.DATE;
        }
        return padsWithZeros(format.code()) ? Kind.ZERO_PADDED : Kind.PLAIN;
    }

    static boolean isDateFormat(int formatIndex, String formatString) {
        if ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)) {
            return true;
        }
        if (formatString == null) {
            return false;
        }
        return DateUtil.isADateFormat(formatIndex, formatString)
                || ERA_DATE.matcher(firstSectionWithoutLiterals(formatString)).matches();
    }

    /** True when the integer part of the format's first section has two or more '0' placeholders. */
    static boolean padsWithZeros(String formatString) {
        if (formatString == null) {
            return false;
        }
        String section = firstSectionWithoutLiterals(formatString);
        if (section.indexOf('E') >= 0 || section.indexOf('e') >= 0) {
            return false; // scientific
        }
        int point = section.indexOf('.');
        String integerPart = point < 0 ? section : section.substring(0, point);
        return integerPart.chars().filter(c -> c == '0').count() >= 2;
    }

    /** The format's first section with quoted text, escaped characters and [..] brackets removed. */
    private static String firstSectionWithoutLiterals(String formatString) {
        StringBuilder out = new StringBuilder(formatString.length());
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < formatString.length(); i++) {
            char c = formatString.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracket) {
                bracket = c != ']';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                bracket = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // escaped literal, or padding/repeat followed by its character
            } else if (c == ';') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
