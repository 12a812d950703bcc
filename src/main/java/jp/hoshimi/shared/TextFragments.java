package jp.hoshimi.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pieces of text that substring search looks up. For every character position of a text, its
 * fragment is the text from there on, cut to {@value #LENGTH} characters. A term of up to
 * {@value #LENGTH} characters occurs in the text exactly when one of its fragments starts with the term;
 * so the application keeps the fragments of every supplier's normalised name and every contract's title
 * in a table, and a search is a prefix range on that table's index ({@code fragment LIKE 'term%'}). A
 * longer term is looked up by its first {@value #LENGTH} characters and the candidates are checked with
 * the LIKE it stands for.
 *
 * <p>Characters are Unicode code points, as MariaDB's {@code SUBSTRING} counts them on utf8mb4, so the
 * fragments computed here are those the database computes from the stored text. See
 * docs/decisions/0009-list-search-fragments-sort-keys-capped-counts.md.
 */
public final class TextFragments {

    /** Characters per fragment: the longest term a lookup answers without checking the candidates. */
    public static final int LENGTH = 8;

    private TextFragments() {}

    /** The distinct fragments of a text, in order of position: one per character. */
    public static List<String> of(String text) {
        int[] codePoints = text == null ? new int[0] : text.codePoints().toArray();
        Set<String> fragments = new LinkedHashSet<>();
        for (int start = 0; start < codePoints.length; start++) {
            fragments.add(new String(codePoints, start, Math.min(LENGTH, codePoints.length - start)));
        }
        return List.copyOf(fragments);
    }

    /** What to look up for a term: the term itself, cut to {@value #LENGTH} characters. */
    public static String lookupPrefix(String term) {
        int length = term.codePointCount(0, term.length());
        return length <= LENGTH ? term : term.substring(0, term.offsetByCodePoints(0, LENGTH));
    }

    /** True when the lookup alone decides a match, false when the candidates need the LIKE check. */
    public static boolean isExactLookup(String term) {
        return term.codePointCount(0, term.length()) <= LENGTH;
    }
}
