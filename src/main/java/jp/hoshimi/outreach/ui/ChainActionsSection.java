package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.ComplianceTexts;
import jp.hoshimi.outreach.RequestFocus;

/**
 * The contract page's "what to do" block (issue 19, 20): every supplier in the chain with a gap, each with
 * "ask the supplier" (prefilled with this contract) and "request an exception" (for this finding).
 */
public class ChainActionsSection extends Div {

    /** Null when nothing in the chain needs an action, or the user may take none. */
    public static ChainActionsSection of(FindingActions actions, List<Finding> links, Runnable done) {
        List<Finding> gaps =
                links.stream().filter(f -> FindingActions.askable(f.status())).toList();
        if (gaps.isEmpty() || !(actions.mayAsk() || actions.mayRequestException())) {
            return null;
        }
        return new ChainActionsSection(actions, gaps, done);
    }

    private ChainActionsSection(FindingActions actions, List<Finding> gaps, Runnable done) {
        setId("chain-actions");
        addClassName("chain-actions");
        add(new H4(getTranslation("worklist.chain.title")));
        for (Finding f : gaps) {
            Div row = new Div();
            row.addClassName("chain-action");
            Span reason = new Span(ComplianceTexts.reason(this, f.verdict()));
            reason.addClassName("evaluation-reason");
            row.add(
                    new ComplianceBadge(f.status(), false),
                    new Anchor("suppliers/" + f.supplierId(), f.supplierName()),
                    new Span(getTranslation("chain.tier", f.tier())),
                    reason);
            if (actions.mayAsk()) {
                row.add(actions.ask(f.supplierId(), f.supplierName(), RequestFocus.contract(f.contractId())));
            }
            if (actions.mayRequestException() && FindingActions.acceptable(f.status())) {
                row.add(actions.exception(() -> Optional.of(f), done));
            }
            add(row);
        }
    }
}
