package jp.hoshimi.shared.sql;

import java.util.List;
import java.util.function.Consumer;
import jp.hoshimi.shared.ResultCount;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Page and count queries for the lazy grids, over one or more {@link ListSource}s. Shared by the
 * repositories of the features with large lists; it holds no table of its own. See docs/benchmarks.md.
 */
public final class ListQueries {

    /** Column names of {@link #pageIds}: the row's id, the sort key and the NULL flag. */
    public static final String ID = "id";

    public static final String KEY = "k";

    public static final String NULL_FLAG = "nl";

    private ListQueries() {}

    /**
     * The ids of one page with their sort key ({@value #KEY}) and a NULL flag ({@value #NULL_FLAG}),
     * ordered by (key, id) so that the order is total and pages neither overlap nor skip a row. Join the
     * result to the table for the columns (deferred join) and order by (flag, key, id) again.
     *
     * <p>MariaDB sorts NULL first ascending and last descending, and cannot walk an index for jOOQ's
     * NULLS LAST emulation: so an ascending sort on a nullable key takes the non-null rows in index order,
     * then the NULL ones. With several sources, each gives its first offset + limit rows in order and the
     * union (which drops a row found by two sources) is cut to the page.
     */
    public static Table<?> pageIds(DSLContext dsl, List<ListSource> sources, boolean ascending, int offset, int limit) {
        return pageIds(dsl, sources, false, ascending, offset, limit);
    }

    /**
     * As {@link #pageIds(DSLContext, List, boolean, int, int)}, for sources that never yield the same row
     * (one per unit, say): their union needs no duplicate check (UNION ALL), which halves its cost.
     */
    public static Table<?> pageIdsOfDisjoint(
            DSLContext dsl, List<ListSource> sources, boolean ascending, int offset, int limit) {
        return pageIds(dsl, sources, true, ascending, offset, limit);
    }

    private static Table<?> pageIds(
            DSLContext dsl, List<ListSource> sources, boolean disjoint, boolean ascending, int offset, int limit) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a list needs at least one source");
        }
        boolean splitNulls = ascending
                && sources.stream().anyMatch(s -> s.key().getDataType().nullable());
        if (sources.size() == 1 && !splitNulls) {
            return ordered(dsl, sources.get(0), ascending)
                    .limit(limit)
                    .offset(offset)
                    .asTable("page");
        }
        int window = offset + limit;
        Select<Record3<Long, Object, Integer>> union = null;
        for (ListSource source : sources) {
            Select<Record3<Long, Object, Integer>> part = splitNulls
                    ? ordered(dsl, source.and(source.key().isNotNull()), true)
                            .limit(window)
                            .union(select(
                                            dsl,
                                            source,
                                            source.id().as(ID),
                                            source.key().as(KEY),
                                            DSL.inline(1).as(NULL_FLAG))
                                    .from(source.from())
                                    .where(source.where().and(source.key().isNull()))
                                    .orderBy(source.id().asc())
                                    .limit(window))
                    : ordered(dsl, source, ascending).limit(window);
            union = union == null ? part : disjoint ? union.unionAll(part) : union.union(part);
        }
        Table<?> all = union.asTable("candidates");
        Field<Object> allKey = all.field(KEY, Object.class);
        Field<Long> allId = all.field(ID, Long.class);
        return dsl.select(allId, allKey, all.field(NULL_FLAG))
                .from(all)
                .orderBy(
                        all.field(NULL_FLAG).asc(),
                        ascending ? allKey.asc() : allKey.desc(),
                        ascending ? allId.asc() : allId.desc())
                .limit(limit)
                .offset(offset)
                .asTable("page");
    }

    /** The rows of a source with flag 0, in (key, id) order. */
    private static SelectLimitStep<Record3<Long, Object, Integer>> ordered(
            DSLContext dsl, ListSource source, boolean ascending) {
        Field<Long> id = source.id();
        Field<Object> key = source.key();
        return select(dsl, source, id.as(ID), key.as(KEY), DSL.inline(0).as(NULL_FLAG))
                .from(source.from())
                .where(source.where())
                .orderBy(ascending ? key.asc() : key.desc(), ascending ? id.asc() : id.desc());
    }

    /** SELECT, or SELECT DISTINCT where the source may repeat a row (plain SELECT lets MariaDB stop at LIMIT). */
    private static SelectSelectStep<Record3<Long, Object, Integer>> select(
            DSLContext dsl, ListSource source, Field<Long> id, Field<Object> key, Field<Integer> nullFlag) {
        return source.repeats() ? dsl.selectDistinct(id, key, nullFlag) : dsl.select(id, key, nullFlag);
    }

    /**
     * Counts the rows of the sources, but no more than {@code cap + 1}: each source stops at that many
     * distinct rows, so a large list costs no more than {@code cap} rows per source. When any source
     * reaches the cap, so does their union, and the count says "at least cap".
     */
    public static ResultCount countUpTo(DSLContext dsl, List<ListSource> sources, int cap) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a list needs at least one source");
        }
        Select<Record1<Long>> union = null;
        for (ListSource source : sources) {
            Select<Record1<Long>> part = (source.repeats()
                            ? dsl.selectDistinct(source.id().as(ID))
                            : dsl.select(source.id().as(ID)))
                    .from(source.from())
                    .where(source.where())
                    .limit(cap + 1);
            union = union == null ? part : union.union(part);
        }
        int found = dsl.fetchCount(union);
        return ResultCount.ofCapped(found, cap);
    }

    /** Rows fetched at a time when a list is streamed (an export). */
    static final int STREAM_CHUNK = 500;

    /**
     * Runs a list query and hands each mapped row to {@code sink} as the driver fetches it, in chunks of
     * {@value #STREAM_CHUNK}: an export of 200,000 rows never holds them all.
     */
    public static <R extends Record, T> void stream(
            ResultQuery<R> query, RecordMapper<? super R, T> mapper, Consumer<? super T> sink) {
        try (Cursor<R> rows = query.fetchSize(STREAM_CHUNK).fetchLazy()) {
            for (R row : rows) {
                sink.accept(mapper.map(row));
            }
        }
    }
}
