package jp.hoshimi.supplier;

import java.util.List;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;

/** The 法人番号 or supplier code already belongs to another supplier, named in the message. */
public class DuplicateSupplierException extends ValidationException {

    private final long existingId;

    DuplicateSupplierException(String field, String value, long existingId, String existingName) {
        super(List.of(FieldProblem.of(field, "supplier.duplicate." + field, value, existingName)));
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
