package jp.hoshimi.dataimport.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * A staging table of one import kind, by import run: {@code S} a staged row as read from the file,
 * {@code C} a row's classification as the check and the apply keep it. What the tables do alike lives here
 * and in {@link StageTable}.
 */
public abstract class StageRows<S, C> {

    protected final DSLContext dsl;
    private final StageTable table;
    private final String stampQuery;

    /** {@code masters}: the tables the classification reads, each with an {@code id} and a {@code version}. */
    StageRows(DSLContext dsl, StageTable table, List<Table<?>> masters) {
        this.dsl = dsl;
        this.table = table;
        this.stampQuery = masters.stream()
                .map(master -> "(select concat(count(*), ':', coalesce(max(id), 0), ':', coalesce(sum(version), 0))"
                        + " from " + master.getName() + ")")
                .collect(Collectors.joining(", ", "select concat_ws('/', ", ")"));
    }

    /**
     * The state of the master tables the classification reads, as one value from one statement (one
     * snapshot): per table its row count, highest id and sum of versions. Equal values mean no row was
     * added (the highest id would grow), removed (the count would fall, as no row was added) or saved
     * (every save raises a version) in between (decision 0045).
     */
    public String masterStamp() {
        return dsl.resultQuery(stampQuery).fetchSingle().get(0, String.class);
    }

    public int count(long runId) {
        return table.count(dsl, runId);
    }

    public void clear(long runId) {
        table.clear(dsl, runId);
    }

    /** Adds these rows in one multi-row INSERT. */
    public abstract void insert(long runId, List<S> rows);

    /** Clears the outcomes an earlier classification of the run left: the rows are classified again. */
    public void forgetOutcomes(long runId) {
        table.forgetOutcomes(dsl, runId);
    }

    /** Keeps the classification of these rows (one multi-row upsert). */
    public abstract void record(long runId, List<C> rows);

    /** Copies the ids of what the apply created onto the run's row results: one UPDATE. */
    public void copyCreatedIdsToRowResults(long runId) {
        table.copyCreatedIdsToRowResults(dsl, runId);
    }
}
