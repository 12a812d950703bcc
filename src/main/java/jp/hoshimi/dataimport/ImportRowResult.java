package jp.hoshimi.dataimport;

import java.util.List;
import jp.hoshimi.shared.FieldProblem;

/**
 * The outcome of one data row: its row number in the file, what it does, the record it concerns
 * ({@code entityKey}: 法人番号, supplier code, contract number, or contract / parent / child), the field
 * changes (for a changed row) and the problems (for a row in error; a note for some others).
 */
public record ImportRowResult(
        int rowNumber,
        RowOutcome outcome,
        String entityKey,
        Long entityId,
        List<FieldChange> changes,
        List<FieldProblem> problems) {

    public ImportRowResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static ImportRowResult error(int rowNumber, String entityKey, List<FieldProblem> problems) {
        return new ImportRowResult(rowNumber, RowOutcome.ERROR, entityKey, null, List.of(), problems);
    }
}
