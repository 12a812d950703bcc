package jp.hoshimi.dataimport;

/**
 * One key field of the record a row concerns, as the preview shows it (who is being added or changed):
 * {@code field} is the {@link ImportField} name, {@code value} the text, null when blank or unknown.
 */
public record RowField(String field, String value) {

    static RowField of(ImportField field, Object value) {
        return new RowField(field.name(), value == null ? null : value.toString());
    }
}
