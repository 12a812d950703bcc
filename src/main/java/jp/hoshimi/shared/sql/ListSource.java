package jp.hoshimi.shared.sql;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * One way to reach some rows of a list: a FROM clause (a table, or a join that starts from a search
 * structure), its WHERE, the column that holds the listed row's id and the column to sort by (which a
 * search structure may carry itself). A list filtered by text is the union of several sources, each of
 * which an index serves (a prefix range, a fragment lookup), where one WHERE with OR between them would
 * read every row.
 *
 * @param repeats true when the FROM may yield a row more than once (a search structure holds a row once
 *     per occurrence of the term), so the queries must select DISTINCT
 */
public record ListSource(Table<?> from, Condition where, Field<Long> id, Field<Object> key, boolean repeats) {

    /** A source that yields each row once. */
    public ListSource(Table<?> from, Condition where, Field<Long> id, Field<Object> key) {
        this(from, where, id, key, false);
    }

    public ListSource and(Condition more) {
        return new ListSource(from, where.and(more), id, key, repeats);
    }
}
