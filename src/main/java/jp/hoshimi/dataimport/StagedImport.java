package jp.hoshimi.dataimport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import jp.hoshimi.dataimport.internal.StageRows;
import jp.hoshimi.organisation.DataScope;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every staged kind does alike (decisions 0023 and 0031): rows go into the staging table and their
 * classifications back to it 1,000 at a time, each batch in its own small transaction, and the check
 * counts the outcomes as the rows are decided. {@code S}: a staged row; {@code C}: a row's classification.
 */
abstract class StagedImport<S, C> implements Staging {

    static final int BATCH = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StagedImport.class);

    /** A row's result for the run's rows, and its classification for the staging table. */
    record Decided<C>(ImportRowResult result, C classified) {}

    private final StageRows<S, C> table;
    private final TransactionTemplate smallWrites;

    StagedImport(StageRows<S, C> table, PlatformTransactionManager transactions) {
        this.table = table;
        this.smallWrites = new TransactionTemplate(transactions);
        this.smallWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How this stage reads a row (prepared once per staging, e.g. with the units looked up). */
    abstract Function<RowValues, S> rowReader();

    /** Decides every staged row of the run, in row order, from one plain SELECT. */
    abstract void decideAll(long runId, Consumer<Decided<C>> sink);

    /** What else the classification reads (the user's data scope for contracts and links); empty if nothing. */
    String scopeStamp() {
        return "";
    }

    @Override
    public final String masterStamp() {
        return table.masterStamp() + '|' + scopeStamp();
    }

    @Override
    public final boolean isStaged(long runId) {
        return table.count(runId) > 0;
    }

    @Override
    public final void clear(long runId) {
        smallWrites.executeWithoutResult(s -> table.clear(runId));
    }

    @Override
    public final void stage(long runId, Path spool, ColumnMapping mapping, IntConsumer progress) {
        long started = System.nanoTime();
        clear(runId);
        Function<RowValues, S> reader = rowReader();
        List<S> batch = new ArrayList<>(BATCH);
        WriteBehind inserts = new WriteBehind();
        try {
            ImportEngine.forEachDataRow(spool, mapping, progress, values -> {
                batch.add(reader.apply(values));
                if (batch.size() >= BATCH) {
                    behind(inserts, batch, rows -> table.insert(runId, rows));
                }
            });
            behind(inserts, batch, rows -> table.insert(runId, rows));
            inserts.finish();
        } catch (RuntimeException | Error e) {
            inserts.finishQuietly();
            throw e;
        }
        log.info(
                "Import run {} ({}) staged in {} ms, {} ms of it waiting for the inserts behind the reading",
                runId,
                kind(),
                (System.nanoTime() - started) / 1_000_000,
                inserts.waitedMillis());
    }

    /**
     * Compares the staged rows with the master and with each other (one plain SELECT, no locks), writes
     * each row's outcome to the run's results ({@code results}), and counts. Only the new and changed rows'
     * classifications go back to the staging table: they are all the apply reads (an unchanged re-import
     * writes none; the outcomes of an earlier classification are cleared first). They are written behind the
     * SELECT (decision 0047), as the row results are by the worker.
     */
    @Override
    public final ImportCounts classify(long runId, Consumer<ImportRowResult> results, IntConsumer progress) {
        long started = System.nanoTime();
        ImportCounts[] counts = {ImportCounts.zero()};
        List<C> batch = new ArrayList<>(BATCH);
        smallWrites.executeWithoutResult(s -> table.forgetOutcomes(runId));
        long forgotten = System.nanoTime();
        long[] firstRow = {0};
        long[] handing = {0};
        WriteBehind outcomes = new WriteBehind();
        try {
            decideAll(runId, decided -> {
                if (firstRow[0] == 0) {
                    firstRow[0] = System.nanoTime();
                }
                RowOutcome outcome = decided.result().outcome();
                counts[0] = counts[0].plus(outcome);
                long from = System.nanoTime();
                results.accept(decided.result());
                handing[0] += System.nanoTime() - from;
                if (outcome == RowOutcome.NEW || outcome == RowOutcome.CHANGED) {
                    batch.add(decided.classified());
                }
                if (batch.size() >= BATCH) {
                    behind(outcomes, batch, rows -> table.record(runId, rows));
                }
                progress.accept(counts[0].total());
            });
            behind(outcomes, batch, rows -> table.record(runId, rows));
            outcomes.finish();
        } catch (RuntimeException | Error e) {
            outcomes.finishQuietly();
            throw e;
        }
        long ended = System.nanoTime();
        log.info(
                "Import run {} ({}) classified in {} ms: clearing old outcomes {} ms, the SELECT's first row {} ms,"
                        + " then handing on the row results {} ms and waiting for the outcomes {} ms",
                runId,
                kind(),
                (ended - started) / 1_000_000,
                (forgotten - started) / 1_000_000,
                ((firstRow[0] == 0 ? ended : firstRow[0]) - forgotten) / 1_000_000,
                handing[0] / 1_000_000,
                outcomes.waitedMillis());
        return counts[0];
    }

    /**
     * The apply's loop (in the caller's transaction): hands the classified rows to write to {@code writePage},
     * {@link #BATCH} at a time in row order, {@code page} reading the next page after a row number.
     */
    static <C> void writeInPages(
            IntConsumer progress, IntFunction<List<C>> page, ToIntFunction<C> rowNo, Consumer<List<C>> writePage) {
        int after = 0;
        int done = 0;
        List<C> rows;
        do {
            rows = page.apply(after);
            if (!rows.isEmpty()) {
                writePage.accept(rows);
                after = rowNo.applyAsInt(rows.get(rows.size() - 1));
            }
            done += rows.size();
            progress.accept(done);
        } while (rows.size() == BATCH);
    }

    /** A data scope as a stable text (its units sorted). */
    static String stampOf(DataScope scope) {
        return scope.groupWide() ? "group" : new java.util.TreeSet<>(scope.unitIds()).toString();
    }

    /** Hands the collected rows to {@code writes} to write in their own small transaction, and empties the list. */
    private <T> void behind(WriteBehind writes, List<T> batch, Consumer<List<T>> write) {
        if (!batch.isEmpty()) {
            List<T> rows = List.copyOf(batch);
            batch.clear();
            writes.submit(() -> smallWrites.executeWithoutResult(s -> write.accept(rows)));
        }
    }
}
