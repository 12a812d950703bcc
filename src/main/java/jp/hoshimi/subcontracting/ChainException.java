package jp.hoshimi.subcontracting;

import java.util.List;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;

/** A link that would break the tree: a self-link, a cycle, a duplicate, or a parent outside the chain. */
public class ChainException extends ValidationException {

    ChainException(String messageKey, Object... arguments) {
        this(FieldProblem.of("childSupplierId", messageKey, arguments));
    }

    ChainException(FieldProblem problem) {
        super(List.of(problem));
    }
}
