package jp.hoshimi.dataimport.internal;

import static jp.hoshimi.db.Tables.IMPORT_ROW;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.hoshimi.dataimport.RowOutcome;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * What every staging table (V21, V31, V32) does alike, by its run, row number, outcome and created-entity
 * columns: count and clear a run's rows, add rows and keep their classifications in multi-row statements,
 * and copy the ids of the entities an apply created onto the run's row results.
 */
record StageTable(
        Table<?> table, Field<Long> runId, Field<Integer> rowNo, Field<String> outcome, Field<Long> entityId) {

    /** The INSERT of each table and column list, its text made once per row count (see {@link MultiRowInsert}). */
    private static final Map<List<Object>, MultiRowInsert> STATEMENTS = new ConcurrentHashMap<>();

    int count(DSLContext dsl, long run) {
        return dsl.fetchCount(table, runId.eq(run));
    }

    void clear(DSLContext dsl, long run) {
        dsl.deleteFrom(table).where(runId.eq(run)).execute();
    }

    /** Adds rows (each its values in the order of {@code columns}) in one multi-row INSERT. */
    void insert(DSLContext dsl, List<Field<?>> columns, List<List<Object>> rows) {
        statement(columns, List.of()).execute(dsl, rows);
    }

    /**
     * Keeps the classification of rows (each its values in the order of {@code columns}, which start with the
     * run and the row number): one multi-row INSERT that, for a staged row, updates every given column but
     * {@code insertOnly} (placeholders the table requires for a new row).
     */
    void upsert(DSLContext dsl, List<Field<?>> columns, List<List<Object>> rows, Field<?>... insertOnly) {
        List<Field<?>> kept = List.of(insertOnly);
        statement(
                        columns,
                        columns.stream()
                                .filter(c -> !c.equals(runId) && !c.equals(rowNo) && !kept.contains(c))
                                .toList())
                .execute(dsl, rows);
    }

    private MultiRowInsert statement(List<Field<?>> columns, List<Field<?>> updated) {
        return STATEMENTS.computeIfAbsent(
                List.of(table.getName(), columns, updated), key -> new MultiRowInsert(table, columns, updated));
    }

    /** Clears the outcomes an earlier classification of the run left (one UPDATE; none after a fresh stage). */
    void forgetOutcomes(DSLContext dsl, long run) {
        dsl.update(table)
                .set(outcome, (String) null)
                .where(runId.eq(run))
                .and(outcome.isNotNull())
                .execute();
    }

    /** One UPDATE: the run's NEW rows get the id of what the apply created for them. */
    void copyCreatedIdsToRowResults(DSLContext dsl, long run) {
        dsl.update(IMPORT_ROW.join(table).on(runId.eq(IMPORT_ROW.RUN_ID).and(rowNo.eq(IMPORT_ROW.ROW_NO))))
                .set(IMPORT_ROW.ENTITY_ID, entityId)
                .where(IMPORT_ROW.RUN_ID.eq(run))
                .and(outcome.eq(RowOutcome.NEW.name()))
                .execute();
    }
}
