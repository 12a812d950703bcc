package jp.hoshimi.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be saved, with every problem found (not only the first). Nothing was written. */
public class ValidationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.messageKey() + (p.arguments().isEmpty() ? "" : " " + p.arguments()))
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public ValidationException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
