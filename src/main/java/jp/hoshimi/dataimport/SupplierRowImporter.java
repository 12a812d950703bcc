package jp.hoshimi.dataimport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.InvalidCorporateNumberException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;

/** Suppliers: upsert by 法人番号, else by supplier code; a row with neither is always new. */
final class SupplierRowImporter extends RowImporter {

    private final SupplierService suppliers;

    SupplierRowImporter(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    ImportRowResult importRow(RowValues row) {
        SupplierForm fromFile = new SupplierForm(
                row.text(ImportField.SUPPLIER_CORPORATE_NUMBER),
                row.text(ImportField.SUPPLIER_CODE),
                row.text(ImportField.SUPPLIER_NAME),
                row.text(ImportField.SUPPLIER_NAME_KANA),
                Optional.ofNullable(row.text(ImportField.SUPPLIER_COUNTRY))
                        .map(c -> c.toUpperCase(Locale.ROOT))
                        .orElse(null),
                row.text(ImportField.SUPPLIER_ADDRESS),
                row.text(ImportField.SUPPLIER_CONTACT_NAME),
                row.text(ImportField.SUPPLIER_CONTACT_EMAIL),
                row.text(ImportField.SUPPLIER_NOTES));
        Outcome outcome = decide(row, fromFile);
        return outcome.result().withKeyFields(keyFields(outcome.shown()));
    }

    /** A row's result and the supplier as it is (or would be) stored, for the preview. */
    private record Outcome(ImportRowResult result, SupplierForm shown) {}

    private Outcome decide(RowValues row, SupplierForm fromFile) {
        String corporateNumber = fromFile.corporateNumber();
        String code = fromFile.supplierCode();
        if (corporateNumber != null) {
            try {
                corporateNumber = CorporateNumber.parse(corporateNumber).value();
            } catch (InvalidCorporateNumberException e) {
                return new Outcome(
                        ImportRowResult.error(
                                row.rowNumber(),
                                corporateNumber,
                                List.of(FieldProblem.of(
                                        "corporateNumber", e.reason().messageKey()))),
                        fromFile);
            }
        }
        String key = corporateNumber != null
                ? corporateNumber
                : code != null ? code : fromFile.name() == null ? "#" + row.rowNumber() : fromFile.name();
        if (!row.problems().isEmpty()) {
            return new Outcome(ImportRowResult.error(row.rowNumber(), key, row.problems()), fromFile);
        }
        ImportRowResult repeated = repeated(row, key, Arrays.asList(values(fromFile)));
        if (repeated != null) {
            return new Outcome(repeated, fromFile.withDefaults());
        }
        Optional<SupplierDetails> existing =
                corporateNumber != null ? suppliers.findByCorporateNumber(corporateNumber) : Optional.empty();
        if (existing.isEmpty() && code != null) {
            // a supplier known by its code only gains its 法人番号 from the file
            existing = suppliers.findByCode(code).filter(s -> s.corporateNumber() == null);
        }
        try {
            return existing.isEmpty()
                    ? create(row, key, fromFile)
                    : update(row, key, existing.get(), merge(fromFile, corporateNumber, existing.get()));
        } catch (ValidationException e) {
            return new Outcome(ImportRowResult.error(row.rowNumber(), key, e.problems()), fromFile);
        }
    }

    private Outcome create(RowValues row, String key, SupplierForm fromFile) {
        SupplierForm stored = fromFile.withDefaults();
        long id = suppliers.create(stored);
        return new Outcome(new ImportRowResult(row.rowNumber(), RowOutcome.NEW, key, id, List.of(), List.of()), stored);
    }

    private Outcome update(RowValues row, String key, SupplierDetails before, SupplierForm merged) {
        List<FieldChange> changes = changes(before.toForm(), merged);
        if (changes.isEmpty()) {
            return new Outcome(
                    new ImportRowResult(row.rowNumber(), RowOutcome.UNCHANGED, key, before.id(), List.of(), List.of()),
                    merged);
        }
        suppliers.update(before.id(), before.version(), merged);
        return new Outcome(
                new ImportRowResult(row.rowNumber(), RowOutcome.CHANGED, key, before.id(), changes, List.of()), merged);
    }

    /** A mapped, non-blank cell replaces the stored value; the result is normalised as the service stores it. */
    private static SupplierForm merge(SupplierForm fromFile, String corporateNumber, SupplierDetails before) {
        return new SupplierForm(
                        pick(corporateNumber, before.corporateNumber()),
                        pick(fromFile.supplierCode(), before.supplierCode()),
                        pick(fromFile.name(), before.name()),
                        pick(fromFile.nameKana(), before.nameKana()),
                        pick(fromFile.country(), before.country()),
                        pick(fromFile.address(), before.address()),
                        pick(fromFile.contactName(), before.contactName()),
                        pick(fromFile.contactEmail(), before.contactEmail()),
                        pick(fromFile.notes(), before.notes()))
                .withDefaults();
    }

    /** Who the row is about: its name, codes and country (null: unknown). */
    private static List<RowField> keyFields(SupplierForm form) {
        return List.of(
                RowField.of(ImportField.SUPPLIER_NAME, form.name()),
                RowField.of(ImportField.SUPPLIER_CODE, form.supplierCode()),
                RowField.of(ImportField.SUPPLIER_CORPORATE_NUMBER, form.corporateNumber()),
                RowField.of(ImportField.SUPPLIER_COUNTRY, form.country()));
    }

    private static List<FieldChange> changes(SupplierForm before, SupplierForm after) {
        List<FieldChange> changes = newList();
        diff(changes, ImportField.SUPPLIER_CORPORATE_NUMBER, before.corporateNumber(), after.corporateNumber());
        diff(changes, ImportField.SUPPLIER_CODE, before.supplierCode(), after.supplierCode());
        diff(changes, ImportField.SUPPLIER_NAME, before.name(), after.name());
        diff(changes, ImportField.SUPPLIER_NAME_KANA, before.nameKana(), after.nameKana());
        diff(changes, ImportField.SUPPLIER_COUNTRY, before.country(), after.country());
        diff(changes, ImportField.SUPPLIER_ADDRESS, before.address(), after.address());
        diff(changes, ImportField.SUPPLIER_CONTACT_NAME, before.contactName(), after.contactName());
        diff(changes, ImportField.SUPPLIER_CONTACT_EMAIL, before.contactEmail(), after.contactEmail());
        diff(changes, ImportField.SUPPLIER_NOTES, before.notes(), after.notes());
        return changes;
    }

    private static String[] values(SupplierForm form) {
        return new String[] {
            form.corporateNumber(),
            form.supplierCode(),
            form.name(),
            form.nameKana(),
            form.country(),
            form.address(),
            form.contactName(),
            form.contactEmail(),
            form.notes()
        };
    }
}
