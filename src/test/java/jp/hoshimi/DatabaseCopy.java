package jp.hoshimi;

import java.util.List;
import org.jooq.DSLContext;

/** A copy of a test database on the same server, tables, keys and rows, for a second run from the same start. */
final class DatabaseCopy {

    private DatabaseCopy() {}

    static void copy(DSLContext dsl, String from, String to) {
        dsl.connection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("drop database if exists `" + to + "`");
                statement.execute("create database `" + to + "` character set utf8mb4 collate utf8mb4_bin");
                statement.execute("set foreign_key_checks = 0");
                try {
                    for (String table : tables(dsl, from)) {
                        String create;
                        try (var show = statement.executeQuery("show create table `" + from + "`.`" + table + "`")) {
                            show.next();
                            create = show.getString(2);
                        }
                        statement.execute("use `" + to + "`");
                        statement.execute(create);
                        statement.execute("insert into `" + to + "`.`" + table + "` select * from `" + from + "`.`"
                                + table + "`");
                    }
                } finally {
                    statement.execute("set foreign_key_checks = 1");
                    statement.execute("use `" + from + "`");
                }
            }
        });
    }

    private static List<String> tables(DSLContext dsl, String schema) {
        return dsl.fetch(
                        "select table_name from information_schema.tables where table_schema = ?"
                                + " and table_type = 'BASE TABLE' order by table_name",
                        schema)
                .getValues(0, String.class);
    }
}
