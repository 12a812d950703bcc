package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.Component;
import jp.hoshimi.compliance.Verdict;

/** The sentences of a verdict in the UI's language. */
public final class ComplianceTexts {

    private ComplianceTexts() {}

    /** E.g. 「★3 登録の有効期限は 2027-03-31 まででした（期限切れ）。」 / "★3 registration was valid until 2027-03-31; it has expired." */
    public static String reason(Component in, Verdict verdict) {
        String gap = in.getTranslation(verdict.reason().messageKey(), verdict.reasonArguments());
        // issue 20: an accepted finding always shows the gap underneath
        return verdict.acceptance() == null
                ? gap
                : in.getTranslation(
                        "exception.acceptedUntil", verdict.acceptance().until().toString(), gap);
    }
}
