package jp.hoshimi.dataimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of the file feeds which field. {@code headerRow} is the row (as numbered in the file)
 * that holds the headers; data starts below it.
 */
public record ColumnMapping(int headerRow, List<String> headers, Map<ImportField, Integer> columns) {

    public ColumnMapping {
        headers = List.copyOf(headers);
        EnumMap<ImportField, Integer> copy = new EnumMap<>(ImportField.class);
        copy.putAll(columns);
        columns = Collections.unmodifiableMap(copy);
    }

    public Optional<Integer> column(ImportField field) {
        return Optional.ofNullable(columns.get(field));
    }

    public boolean maps(ImportField field) {
        return columns.containsKey(field);
    }

    public List<ImportField> missingRequired(ImportKind kind) {
        return kind.fields().stream()
                .filter(ImportField::required)
                .filter(f -> !maps(f))
                .toList();
    }

    /** The same mapping onto other columns (a user's manual choice). */
    public ColumnMapping withColumns(Map<ImportField, Integer> chosen) {
        return new ColumnMapping(headerRow, headers, chosen);
    }

    /** Identifies files with the same header row, to find a saved mapping again. */
    public String signature() {
        return signature(headers);
    }

    public static String signature(List<String> headers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String header : headers) {
                digest.update(HeaderMatcher.normalise(header).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "B: 取引先名" — how a column is named to users. */
    public String describeColumn(int column) {
        String header = column < headers.size() ? headers.get(column) : "";
        return columnLetter(column) + (header.isBlank() ? "" : ": " + header);
    }

    public static String columnLetter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
