package jp.hoshimi.shared;

/**
 * A save based on an old version of a record: someone else changed (or deleted) it in the meantime.
 * Nothing was written; the user should reload and apply their change again.
 */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String entityType, Object id) {
        super(entityType + " " + id + " was changed by someone else; reload it and try again");
    }
}
