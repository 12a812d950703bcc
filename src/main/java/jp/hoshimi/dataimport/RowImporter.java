package jp.hoshimi.dataimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.hoshimi.shared.FieldProblem;

/**
 * Turns one mapped row into a create, an update or nothing, through the feature's own service (so the
 * validation, scope checks and audit trail are the ones the screens use). One instance per run: it
 * remembers the keys it has seen to report duplicates within the file.
 */
abstract class RowImporter {

    private final Map<String, Integer> firstRowOfKey = new HashMap<>();
    private final Map<String, List<String>> valuesOfKey = new HashMap<>();

    abstract ImportRowResult importRow(RowValues row);

    /**
     * Null when the key is new in this file; otherwise the outcome for a repeated key: unchanged when
     * the row repeats the earlier one exactly, an error naming the earlier row when it differs.
     */
    ImportRowResult repeated(RowValues row, String key, List<String> values) {
        Integer first = firstRowOfKey.putIfAbsent(key, row.rowNumber());
        if (first == null) {
            valuesOfKey.put(key, values);
            return null;
        }
        return repeatedRow(row.rowNumber(), key, first, values.equals(valuesOfKey.get(key)));
    }

    /** A row repeating the key of row {@code first}: unchanged "same as row N", or with other values an error. */
    static ImportRowResult repeatedRow(int rowNumber, String key, int first, boolean sameValues) {
        return sameValues
                ? new ImportRowResult(
                        rowNumber,
                        RowOutcome.UNCHANGED,
                        key,
                        null,
                        List.of(),
                        List.of(FieldProblem.of("", "import.row.sameAsRow", first)))
                : ImportRowResult.error(
                        rowNumber, key, List.of(FieldProblem.of("", "import.row.conflictsWithRow", first, key)));
    }

    static void diff(List<FieldChange> changes, ImportField field, Object before, Object after) {
        String b = before == null ? null : before.toString();
        String a = after == null ? null : after.toString();
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field.name(), b, a));
        }
    }

    /** A mapped, non-blank cell replaces the stored value; blank or unmapped keeps it (nothing is cleared). */
    static <T> T pick(T fromFile, T stored) {
        return fromFile != null ? fromFile : stored;
    }

    /**
     * Runs {@code decide} with the row's key fields as the file states them; {@code decide} replaces
     * references by names (and blanks by stored values) as it finds them, and the result carries them.
     */
    static ImportRowResult showingKeyFields(
            RowValues row,
            List<ImportField> fields,
            java.util.function.BiFunction<RowValues, Map<ImportField, Object>, ImportRowResult> decide) {
        Map<ImportField, Object> shown = new java.util.EnumMap<>(ImportField.class);
        fields.forEach(field -> shown.put(field, row.text(field)));
        ImportRowResult result = decide.apply(row, shown);
        return result.withKeyFields(shown.entrySet().stream()
                .map(e -> RowField.of(e.getKey(), e.getValue()))
                .toList());
    }

    static List<FieldChange> newList() {
        return new ArrayList<>();
    }
}
