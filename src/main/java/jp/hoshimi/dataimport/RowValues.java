package jp.hoshimi.dataimport;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.read.CellValue;

/**
 * The mapped cells of one data row, read as the types the forms need. Conversion problems are
 * collected (field = the form property) rather than thrown, so a row reports all of them at once.
 */
final class RowValues {

    private static final Set<String> YES =
            Set.of("はい", "yes", "y", "true", "1", "○", "◯", "〇", "✓", "✔", "有", "あり", "要", "該当");
    private static final Set<String> NO = Set.of("いいえ", "no", "n", "false", "0", "×", "✕", "-", "無", "なし", "不要", "非該当");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T].*)?");

    private final int rowNumber;
    private final Map<ImportField, CellValue> cells;
    private final List<FieldProblem> problems = new ArrayList<>();

    RowValues(int rowNumber, ColumnMapping mapping, List<CellValue> row) {
        this.rowNumber = rowNumber;
        this.cells = new EnumMap<>(ImportField.class);
        mapping.columns().forEach((field, column) -> {
            if (column < row.size()) {
                cells.put(field, row.get(column));
            }
        });
    }

    int rowNumber() {
        return rowNumber;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** Whether the row has any value at all in the mapped columns. */
    boolean isBlank() {
        return cells.values().stream().allMatch(c -> c.asText().isBlank());
    }

    /** The stripped text of the cell, or null when the column is unmapped or the cell blank. */
    String text(ImportField field) {
        CellValue cell = cells.get(field);
        if (cell == null) {
            return null;
        }
        if (cell instanceof CellValue.Error error) {
            problems.add(FieldProblem.of(field.property(), "import.value.cellError", error.code()));
            return null;
        }
        String text = cell.asText().strip();
        return text.isEmpty() ? null : text;
    }

    boolean has(ImportField field) {
        CellValue cell = cells.get(field);
        return cell != null && !cell.asText().isBlank();
    }

    LocalDate date(ImportField field) {
        CellValue cell = cells.get(field);
        if (cell instanceof CellValue.Date date) {
            return date.value().toLocalDate();
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        if (m.matches()) {
            try {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                // falls through to the problem below
            }
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field.property(), "import.value.date", text));
            return null;
        }
    }

    Boolean yesNo(ImportField field) {
        CellValue cell = cells.get(field);
        if (cell instanceof CellValue.Bool bool) {
            return bool.value();
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (cell instanceof CellValue.Number number) {
            folded = number.value().stripTrailingZeros().toPlainString();
        }
        if (YES.contains(folded)) {
            return true;
        }
        if (NO.contains(folded)) {
            return false;
        }
        problems.add(FieldProblem.of(field.property(), "import.value.yesNo", text));
        return null;
    }

    /**
     * ★3, ★4, ★5, "3", "Basic", "スタンダード", SA1/一つ星, SA2/二つ星, なし/none. Null when blank.
     */
    RequiredLevel level(ImportField field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        RequiredLevel level = parseLevel(text);
        if (level == null) {
            problems.add(FieldProblem.of(field.property(), "import.value.level", text));
        }
        return level;
    }

    static RequiredLevel parseLevel(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s☆]+", "");
        if (folded.matches("★+") && folded.length() >= 3 && folded.length() <= 5) {
            folded = String.valueOf(folded.length());
        }
        folded =
                folded.replace("★", "").replace("star", "").replace("level", "").replace("レベル", "");
        return switch (folded) {
            case "5", "five", "advanced", "アドバンスト" -> RequiredLevel.STAR5;
            case "4", "four", "standard", "スタンダード" -> RequiredLevel.STAR4;
            case "3", "three", "basic", "ベーシック" -> RequiredLevel.STAR3;
            case "sa2", "2", "二つ星", "securityaction2", "securityaction二つ星" -> RequiredLevel.SA2;
            case "sa1", "1", "一つ星", "securityaction1", "securityaction一つ星" -> RequiredLevel.SA1;
            case "none", "なし", "不要", "-", "0" -> RequiredLevel.NONE;
            default -> null;
        };
    }

    /** A number read from a numeric cell or text, for fields that need one. */
    static BigDecimal number(CellValue cell) {
        return cell instanceof CellValue.Number n
                ? n.value()
                : new BigDecimal(cell.asText().strip());
    }
}
