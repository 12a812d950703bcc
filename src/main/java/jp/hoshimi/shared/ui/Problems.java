package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;

/** Shows a service's validation problems on the fields they belong to, in the user's language. */
public final class Problems {

    private Problems() {}

    /** Marks the fields named in the exception; returns the text of problems that have no field here. */
    public static String show(
            Component context, ValidationException exception, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
        StringBuilder unplaced = new StringBuilder();
        for (FieldProblem problem : exception.problems()) {
            String text = context.getTranslation(
                    problem.messageKey(), problem.arguments().toArray());
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else {
                unplaced.append(text).append(' ');
            }
        }
        return unplaced.toString().strip();
    }

    public static String describe(Component context, ValidationException exception) {
        return exception.problems().stream()
                .map(p -> context.getTranslation(p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining(" "));
    }
}
