package jp.hoshimi.supplier;

import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.InvalidCorporateNumberException;

/** The supplier's value rules, one set for the editor ({@link SupplierService}) and the spreadsheet import. */
public final class SupplierRules {

    private SupplierRules() {}

    /**
     * The rules on the values of one form that need no look-up (required name, lengths, 法人番号 check
     * digit, country, e-mail), in the order the editor shows them. Shared by the editor's save and the
     * spreadsheet import, which checks them while it reads the file (decision 0023).
     */
    public static List<FieldProblem> cellProblems(SupplierForm entered, boolean nameRequired) {
        SupplierForm form = entered.withDefaults();
        List<FieldProblem> problems = new ArrayList<>();
        String name = SupplierService.blankToNull(form.name());
        if (name == null) {
            if (nameRequired) {
                problems.add(FieldProblem.of("name", "validation.required"));
            }
        } else if (name.length() > 300) {
            problems.add(FieldProblem.of("name", "validation.tooLong", 300));
        }
        if (SupplierService.blankToNull(form.corporateNumber()) != null) {
            try {
                CorporateNumber.parse(form.corporateNumber());
            } catch (InvalidCorporateNumberException e) {
                problems.add(FieldProblem.of("corporateNumber", e.reason().messageKey()));
            }
        }
        String code = SupplierService.blankToNull(form.supplierCode());
        if (code != null && code.length() > 50) {
            problems.add(FieldProblem.of("supplierCode", "validation.tooLong", 50));
        }
        String country = SupplierService.country(form);
        if (country != null && !country.matches("[A-Z]{2}")) {
            problems.add(FieldProblem.of("country", "validation.country"));
        }
        String email = SupplierService.blankToNull(form.contactEmail());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(FieldProblem.of("contactEmail", "validation.email"));
        }
        return problems;
    }
}
