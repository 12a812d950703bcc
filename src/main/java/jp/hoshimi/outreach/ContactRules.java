package jp.hoshimi.outreach;

import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.FieldProblem;

/** The checks of a contact's cells that the editor and the supplier import share (issue 19). */
public final class ContactRules {

    static final String PHONE = "[0-9０-９+()（）\\- ]{4,50}";

    private ContactRules() {}

    /** What is wrong with a contact's department and phone in an import row (name and e-mail: the supplier's rules). */
    public static List<FieldProblem> importProblems(String department, String phone) {
        List<FieldProblem> problems = new ArrayList<>();
        ContactService.tooLong(problems, "contactDepartment", ContactService.trim(department), 200);
        String p = ContactService.trim(phone);
        if (p != null && !p.matches(PHONE)) {
            problems.add(FieldProblem.of("contactPhone", "contact.phone.invalid"));
        }
        return problems;
    }
}
