package jp.hoshimi.shared.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits the values of an {@code IN (…)} list or a multi-row insert into statements of a bounded size. */
public final class InBatches {

    /** Values per statement: far below MariaDB's packet and placeholder limits. */
    public static final int SIZE = 1000;

    private InBatches() {}

    /** The values in consecutive batches of at most {@link #SIZE}, in their order; none for none. */
    public static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            result.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return result;
    }
}
