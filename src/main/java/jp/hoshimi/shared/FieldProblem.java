package jp.hoshimi.shared;

import java.util.List;

/**
 * One thing wrong with one field: a message key (in the UI bundles) with its arguments, so that the
 * UI and the REST API can each say it in the user's language.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, List.of(arguments));
    }
}
