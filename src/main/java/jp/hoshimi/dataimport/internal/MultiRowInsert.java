package jp.hoshimi.dataimport.internal;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * One multi-row INSERT of an import's rows (staged rows, row results, outcomes), sent through the caller's
 * connection and transaction as a plain prepared statement whose text is made once per row count. jOOQ rendered
 * and bound such a statement from its query model every time: 20–27 ms for 1,000 staged rows of 20 columns at
 * load 7, more than a fifth of a 100,000-row check's staging (decision 0047). The values go to the driver as they
 * are ({@code setObject}): strings, numbers, booleans, dates and nulls, as the staging tables take them.
 */
final class MultiRowInsert {

    private final String head;
    private final String tail;
    private final int width;
    private volatile Sql cached = new Sql(0, "");

    private record Sql(int rows, String text) {}

    /**
     * @param columns the columns each row gives, in order
     * @param updated for an upsert, the columns a row already there takes from the new one (none: a plain INSERT)
     */
    MultiRowInsert(Table<?> table, List<? extends Field<?>> columns, List<? extends Field<?>> updated) {
        this.head = "insert into " + table.getName() + " ("
                + columns.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") values ";
        this.tail = updated.isEmpty()
                ? ""
                : updated.stream()
                        .map(c -> c.getName() + " = values(" + c.getName() + ")")
                        .collect(Collectors.joining(", ", " on duplicate key update ", ""));
        this.width = columns.size();
    }

    /** Adds (or, for an upsert, adds or updates) these rows, each its values in the order of the columns. */
    void execute(DSLContext dsl, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = sql(rows.size());
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int parameter = 1;
                for (List<?> row : rows) {
                    if (row.size() != width) {
                        throw new IllegalArgumentException(
                                "a row of " + row.size() + " values for " + width + " columns");
                    }
                    for (Object value : row) {
                        statement.setObject(parameter++, value);
                    }
                }
                statement.executeUpdate();
            }
        });
    }

    private String sql(int rows) {
        Sql sql = cached;
        if (sql.rows() != rows) {
            String one = "(" + "?, ".repeat(width - 1) + "?)";
            StringBuilder text = new StringBuilder(head.length() + rows * (one.length() + 2) + tail.length());
            text.append(head);
            for (int i = 0; i < rows; i++) {
                text.append(i == 0 ? "" : ", ").append(one);
            }
            sql = new Sql(rows, text.append(tail).toString());
            cached = sql; // full batches reuse it; the last, shorter one makes its own
        }
        return sql.text();
    }
}
