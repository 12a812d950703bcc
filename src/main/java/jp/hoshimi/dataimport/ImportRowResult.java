package jp.hoshimi.dataimport;

import java.util.List;
import jp.hoshimi.shared.FieldProblem;

/**
 * The outcome of one data row: its row number in the file, what it does, the record it concerns
 * ({@code entityKey}: 法人番号, supplier code, contract number, or contract / parent / child), the field
 * changes (for a changed row), the problems (for a row in error; a note for some others) and the key
 * fields of the record ({@code keyFields}: its name, codes and country, so the preview says who it is).
 */
public record ImportRowResult(
        int rowNumber,
        RowOutcome outcome,
        String entityKey,
        Long entityId,
        List<FieldChange> changes,
        List<FieldProblem> problems,
        List<RowField> keyFields) {

    public ImportRowResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
        problems = problems == null ? List.of() : List.copyOf(problems);
        keyFields = keyFields == null ? List.of() : List.copyOf(keyFields);
    }

    public ImportRowResult(
            int rowNumber,
            RowOutcome outcome,
            String entityKey,
            Long entityId,
            List<FieldChange> changes,
            List<FieldProblem> problems) {
        this(rowNumber, outcome, entityKey, entityId, changes, problems, List.of());
    }

    ImportRowResult withKeyFields(List<RowField> fields) {
        return new ImportRowResult(rowNumber, outcome, entityKey, entityId, changes, problems, fields);
    }

    /** The value of one key field, if the row has it. */
    public java.util.Optional<String> keyField(ImportField field) {
        return keyFields.stream()
                .filter(f -> f.field().equals(field.name()))
                .map(RowField::value)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    static ImportRowResult error(int rowNumber, String entityKey, List<FieldProblem> problems) {
        return new ImportRowResult(rowNumber, RowOutcome.ERROR, entityKey, null, List.of(), problems);
    }
}
