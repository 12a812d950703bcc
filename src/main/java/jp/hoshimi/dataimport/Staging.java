package jp.hoshimi.dataimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A set-based import of one kind (decisions 0023 and 0031): {@link #stage} streams the spooled rows into
 * the kind's staging table, {@link #classify} compares them with the master with plain reads (no locks)
 * and writes each row's outcome, {@link #write} applies the new and changed rows in bulk in the caller's
 * transaction.
 */
interface Staging {

    ImportKind kind();

    /** Whether the run's rows are staged already (a check stages them; its apply reuses them). */
    boolean isStaged(long runId);

    void clear(long runId);

    /** Streams the spooled data rows into the staging table in batches, checking each row's cells. */
    void stage(long runId, Path spool, ColumnMapping mapping, IntConsumer progress);

    /** Classifies every staged row (one plain SELECT), hands each result to {@code results}, and counts. */
    ImportCounts classify(long runId, Consumer<ImportRowResult> results, IntConsumer progress);

    /**
     * What the classification reads besides the staged rows, as one value: the master tables' state and, where
     * the kind depends on it, the user's data scope. A check takes it before it classifies; an apply that
     * finds the same value in its own transaction writes from the check's classification (decision 0045).
     */
    String masterStamp();

    /** Writes the classified new and changed rows in the caller's transaction; anything stale fails it all. */
    void write(long runId, IntConsumer progress);

    /** SHA-1 of the values, each told apart from a blank one and from its neighbours. */
    static String hash(List<?> values) {
        StringBuilder all = new StringBuilder();
        for (Object value : values) {
            all.append(value == null ? "\u0001" : value.toString()).append('\u0000');
        }
        return sha1(all.toString());
    }

    static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
