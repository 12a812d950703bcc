package jp.hoshimi.dataimport.internal;

import java.util.List;

/**
 * A staging table of one import kind, by import run: {@code S} a staged row as read from the file,
 * {@code C} a row's classification as the check and the apply keep it.
 */
public interface StageRows<S, C> {

    int count(long runId);

    void clear(long runId);

    /** Adds these rows in one multi-row INSERT. */
    void insert(long runId, List<S> rows);

    /** Keeps the classification of these rows (one multi-row upsert). */
    void record(long runId, List<C> rows);
}
