package jp.hoshimi.shared.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.hoshimi.shared.TextFragments;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * An application-kept table of {@link TextFragments} for substring search over one text column: one
 * row per distinct fragment of each owner row's text, keyed (fragment, owner id), optionally with
 * copies of owner columns ("facets") that a search filters or sorts on without reading the owner row.
 * The owner's repository holds the only writes ({@link #refresh}). See
 * docs/decisions/0009-list-search-fragments-sort-keys-capped-counts.md.
 *
 * @param fragments the fragment table
 * @param fragment its fragment column
 * @param ownerId its column referring to the owner row
 * @param facets its copies of owner columns, in the order of {@code facetSources}
 * @param owners the owner table (null where another repository keeps the table)
 * @param ownerKey the owner table's primary key
 * @param text the owner column whose fragments are kept
 * @param facetSources the owner columns that {@code facets} copy
 */
public record FragmentIndex(
        Table<?> fragments,
        Field<String> fragment,
        Field<Long> ownerId,
        List<Field<?>> facets,
        Table<?> owners,
        Field<Long> ownerKey,
        Field<String> text,
        List<Field<?>> facetSources) {

    /** A text has at most 300 characters: a fragment starts at position 1 … 300. */
    private static final Table<?> POSITIONS = DSL.table(DSL.name("seq_1_to_300"));

    private static final Field<Integer> POSITION = DSL.field(DSL.name("seq_1_to_300", "seq"), Integer.class);

    public FragmentIndex {
        if (facets.size() != facetSources.size()) {
            throw new IllegalArgumentException("each facet needs its source column");
        }
        facets = List.copyOf(facets);
        facetSources = List.copyOf(facetSources);
    }

    /** A fragment table that is only searched here; its owner's repository keeps it. */
    public static FragmentIndex searchOnly(Table<?> fragments, Field<String> fragment, Field<Long> ownerId) {
        return new FragmentIndex(fragments, fragment, ownerId, List.of(), null, null, null, List.of());
    }

    /**
     * Replaces the fragments of these owners by those of their stored text (and the facets by the stored
     * values), set-based: one DELETE and one INSERT … SELECT for any number of owners. The same SQL as the
     * migration that first filled the table, so fragments never depend on which path wrote a row.
     */
    public void refresh(DSLContext dsl, Collection<Long> ids) {
        if (owners == null) {
            throw new IllegalStateException(fragments.getName() + " is kept by its owner's repository");
        }
        if (ids.isEmpty()) {
            return;
        }
        dsl.deleteFrom(fragments).where(ownerId.in(ids)).execute();
        List<Field<?>> columns = new ArrayList<>(List.of(fragment, ownerId));
        columns.addAll(facets);
        List<Field<?>> values =
                new ArrayList<>(List.of(DSL.substring(text, POSITION, DSL.inline(TextFragments.LENGTH)), ownerKey));
        values.addAll(facetSources);
        dsl.insertInto(fragments)
                .columns(columns)
                .select(dsl.selectDistinct(values)
                        .from(owners)
                        .join(POSITIONS)
                        .on(POSITION.le(DSL.charLength(text)))
                        .where(ownerKey.in(ids)))
                .execute();
    }

    /**
     * The rows whose text contains the term, or, for a term longer than a fragment, the candidates that
     * the LIKE must still check: a prefix range on the fragment index. The facet condition narrows the
     * range's rows before any owner row is read. A row may appear once per occurrence: select DISTINCT.
     */
    public Condition containing(String term) {
        return fragment.startsWith(TextFragments.lookupPrefix(term));
    }

    /**
     * What reading the candidates of a term would cost, to choose a plan before running one: how many
     * entries the fragment range holds ({@code entries}) and how many of them pass the facet condition
     * ({@code matching}), both looked at only up to {@code bound + 1} entries of the range, so the look
     * costs at most that many index entries. An owner holding the term twice counts twice.
     */
    public Probe probe(DSLContext dsl, String term, Condition facetCondition, int bound) {
        Table<?> range = dsl.select(DSL.when(facetCondition, DSL.inline(1))
                        .otherwise(DSL.inline(0))
                        .as("matching"))
                .from(fragments)
                .where(containing(term))
                .limit(bound + 1)
                .asTable("range");
        Field<Integer> matching = range.field("matching", Integer.class);
        return dsl.select(DSL.count(), DSL.coalesce(DSL.sum(matching), DSL.inline(BigDecimal.ZERO)))
                .from(range)
                .fetchSingle(Records.mapping((entries, passing) -> new Probe(entries, passing.intValue())));
    }

    /** See {@link #probe}: entries of the range and those passing the facets, each at most bound + 1. */
    public record Probe(int entries, int matching) {

        /** True when the range holds at most {@code entries} and at most {@code matching} of them pass. */
        public boolean atMost(int entries, int matching) {
            return this.entries <= entries && this.matching <= matching;
        }
    }
}
