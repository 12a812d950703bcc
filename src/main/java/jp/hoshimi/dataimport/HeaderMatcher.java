package jp.hoshimi.dataimport;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Recognises header rows and maps their columns to fields by Japanese and English synonyms. */
final class HeaderMatcher {

    /** How many rows at the top of a sheet may hold a title before the header row. */
    static final int HEADER_SEARCH_ROWS = 20;

    private HeaderMatcher() {}

    /** Width-folded, lower-case, without spaces, punctuation, "*" or "※" (required markers). */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\s\\p{Punct}・※「」【】、。'’]+", "");
    }

    /** The field a header names, or null. */
    static ImportField match(ImportKind kind, String header) {
        Set<String> candidates = candidates(header);
        for (ImportField field : kind.fields()) {
            for (String synonym : field.synonyms()) {
                if (candidates.contains(normalise(synonym))) {
                    return field;
                }
            }
        }
        return null;
    }

    /** Maps each recognised column; the first column that names a field wins. */
    static Map<ImportField, Integer> map(ImportKind kind, List<String> headers) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        for (int column = 0; column < headers.size(); column++) {
            ImportField field = match(kind, headers.get(column));
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, column);
            }
        }
        return columns;
    }

    /** How well a row looks like this kind's header row: required fields count double. */
    static int score(ImportKind kind, List<String> row) {
        return map(kind, row).keySet().stream()
                .mapToInt(f -> f.required() ? 2 : 1)
                .sum();
    }

    private static Set<String> candidates(String header) {
        Set<String> candidates = new HashSet<>();
        if (header == null) {
            return candidates;
        }
        String folded = Normalizer.normalize(header, Normalizer.Form.NFKC);
        List<String> parts = new ArrayList<>();
        parts.add(folded);
        for (String part : folded.split("[/|\\n]")) {
            parts.add(part);
        }
        for (String part : List.copyOf(parts)) {
            String withoutBrackets = part.replaceAll("\\([^)]*\\)|\\[[^]]*]|<[^>]*>", "");
            parts.add(withoutBrackets);
            // "法人番号(Corporate number)": the bracketed part on its own
            var bracketed = java.util.regex.Pattern.compile("\\(([^)]*)\\)").matcher(part);
            while (bracketed.find()) {
                parts.add(bracketed.group(1));
            }
        }
        for (String part : parts) {
            String normalised = normalise(part);
            if (!normalised.isEmpty()) {
                candidates.add(normalised);
            }
        }
        return candidates;
    }
}
