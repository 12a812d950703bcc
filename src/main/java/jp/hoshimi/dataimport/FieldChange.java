package jp.hoshimi.dataimport;

/** One field a row changes: {@code field} is the form property, values as text. */
public record FieldChange(String field, String before, String after) {}
