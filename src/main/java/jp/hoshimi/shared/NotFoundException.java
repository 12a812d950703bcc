package jp.hoshimi.shared;

/**
 * The record does not exist, or the user may not see it: the same answer for both, so that data
 * scope does not leak which records exist.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String entityType, Object id) {
        super(entityType + " " + id + " not found");
    }
}
