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
        String corporateNumber = row.text(ImportField.SUPPLIER_CORPORATE_NUMBER);
        String code = row.text(ImportField.SUPPLIER_CODE);
        SupplierForm fromFile = new SupplierForm(
                corporateNumber,
                code,
                row.text(ImportField.SUPPLIER_NAME),
                row.text(ImportField.SUPPLIER_NAME_KANA),
                Optional.ofNullable(row.text(ImportField.SUPPLIER_COUNTRY))
                        .map(c -> c.toUpperCase(Locale.ROOT))
                        .orElse(null),
                row.text(ImportField.SUPPLIER_ADDRESS),
                row.text(ImportField.SUPPLIER_CONTACT_NAME),
                row.text(ImportField.SUPPLIER_CONTACT_EMAIL),
                row.text(ImportField.SUPPLIER_NOTES));
        if (corporateNumber != null) {
            try {
                corporateNumber = CorporateNumber.parse(corporateNumber).value();
            } catch (InvalidCorporateNumberException e) {
                return ImportRowResult.error(
                        row.rowNumber(),
                        corporateNumber,
                        List.of(FieldProblem.of("corporateNumber", e.reason().messageKey())));
            }
        }
        String key = corporateNumber != null
                ? corporateNumber
                : code != null ? code : fromFile.name() == null ? "#" + row.rowNumber() : fromFile.name();
        if (!row.problems().isEmpty()) {
            return ImportRowResult.error(row.rowNumber(), key, row.problems());
        }
        ImportRowResult repeated = repeated(row, key, Arrays.asList(values(fromFile)));
        if (repeated != null) {
            return repeated;
        }
        Optional<SupplierDetails> existing =
                corporateNumber != null ? suppliers.findByCorporateNumber(corporateNumber) : Optional.empty();
        if (existing.isEmpty() && code != null) {
            // a supplier known by its code only gains its 法人番号 from the file
            existing = suppliers.findByCode(code).filter(s -> s.corporateNumber() == null);
        }
        try {
            if (existing.isEmpty()) {
                long id = suppliers.create(fromFile);
                return new ImportRowResult(row.rowNumber(), RowOutcome.NEW, key, id, List.of(), List.of());
            }
            SupplierDetails before = existing.get();
            SupplierForm merged = new SupplierForm(
                    pick(corporateNumber, before.corporateNumber()),
                    pick(code, before.supplierCode()),
                    pick(fromFile.name(), before.name()),
                    pick(fromFile.nameKana(), before.nameKana()),
                    pick(fromFile.country(), before.country()),
                    pick(fromFile.address(), before.address()),
                    pick(fromFile.contactName(), before.contactName()),
                    pick(fromFile.contactEmail(), before.contactEmail()),
                    pick(fromFile.notes(), before.notes()));
            List<FieldChange> changes = changes(before.toForm(), merged);
            if (changes.isEmpty()) {
                return new ImportRowResult(
                        row.rowNumber(), RowOutcome.UNCHANGED, key, before.id(), List.of(), List.of());
            }
            suppliers.update(before.id(), before.version(), merged);
            return new ImportRowResult(row.rowNumber(), RowOutcome.CHANGED, key, before.id(), changes, List.of());
        } catch (ValidationException e) {
            return ImportRowResult.error(row.rowNumber(), key, e.problems());
        }
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
