package jp.hoshimi.dataimport.internal;

import java.util.List;
import org.jooq.DSLContext;

/**
 * A staging table of one import kind, by import run: {@code S} a staged row as read from the file,
 * {@code C} a row's classification as the check and the apply keep it. What the tables do alike lives here
 * and in {@link StageTable}.
 */
public abstract class StageRows<S, C> {

    protected final DSLContext dsl;
    private final StageTable table;

    StageRows(DSLContext dsl, StageTable table) {
        this.dsl = dsl;
        this.table = table;
    }

    public int count(long runId) {
        return table.count(dsl, runId);
    }

    public void clear(long runId) {
        table.clear(dsl, runId);
    }

    /** Adds these rows in one multi-row INSERT. */
    public abstract void insert(long runId, List<S> rows);

    /** Keeps the classification of these rows (one multi-row upsert). */
    public abstract void record(long runId, List<C> rows);

    /** Copies the ids of what the apply created onto the run's row results: one UPDATE. */
    public void copyCreatedIdsToRowResults(long runId) {
        table.copyCreatedIdsToRowResults(dsl, runId);
    }
}
