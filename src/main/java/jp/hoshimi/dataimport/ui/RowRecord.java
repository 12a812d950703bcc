package jp.hoshimi.dataimport.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.hoshimi.dataimport.ImportField;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportRowResult;
import jp.hoshimi.dataimport.RowField;
import jp.hoshimi.shared.RequiredLevel;

/**
 * The preview's "who" cell: the record's name in bold (a supplier's name, a contract's title, a link's
 * sub-contractor) and its other key fields below, e.g. 「取引先コード V-20006 ・ 国 不明」. A supplier's
 * country that nobody stated shows as unknown, never as a guess.
 */
class RowRecord extends Div {

    RowRecord(ImportKind kind, ImportRowResult row) {
        addClassName("import-row-record");
        ImportField nameField = kind.nameField();
        Span name = new Span(row.keyField(nameField).orElse(row.entityKey()));
        name.addClassName("import-row-name");
        String others = row.keyFields().stream()
                .filter(f -> !f.field().equals(nameField.name()))
                .filter(f -> f.value() != null || f.field().equals(ImportField.SUPPLIER_COUNTRY.name()))
                .map(this::describe)
                .collect(Collectors.joining(" ・ "));
        Span keys = new Span(others.isEmpty() ? row.entityKey() : others);
        keys.addClassName("import-row-keys");
        add(name, keys);
    }

    private String describe(RowField field) {
        return getTranslation("import.field." + field.field()) + " " + value(field.value());
    }

    /** A level in words (★4, not STAR4); other values as they are. */
    private String value(String value) {
        if (value == null) {
            return getTranslation("import.rows.unknown");
        }
        return Arrays.stream(RequiredLevel.values())
                .filter(level -> level.name().equals(value))
                .findFirst()
                .map(level -> getTranslation(level.messageKey()))
                .orElse(value);
    }
}
