package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.ui.Formats;

/**
 * The answer at the top of a contract or supplier page: the status badge, since when, and the findings
 * that make it so with their reasons (the first few, linked), plus a warning when the register is stale.
 */
public class EvaluationSummary extends Div {

    static final int SHOWN = 6;

    /**
     * @param linkToContract whether each finding links to its contract (on a supplier page) rather than to
     *     its supplier (on a contract page)
     */
    public EvaluationSummary(
            ComplianceStatus status,
            LocalDateTime since,
            ComplianceStatus previous,
            List<Finding> findings,
            boolean stale,
            LocalDateTime registerAsOf,
            boolean linkToContract) {
        addClassName("evaluation-summary");
        setId("evaluation-summary");
        Div head = new Div();
        head.addClassName("evaluation-head");
        if (status == null && WaitingForSync.waiting(registerAsOf)) {
            add(new WaitingForSync());
            return;
        }
        if (status == null) {
            head.add(ComplianceBadge.none(), new Span(getTranslation("compliance.summary.notEvaluated")));
            add(head);
            return;
        }
        head.add(new ComplianceBadge(status, stale));
        if (since != null) {
            Span sinceText = new Span(
                    previous == null
                            ? getTranslation("compliance.summary.since", Formats.dateTime(since))
                            : getTranslation(
                                    "compliance.summary.sinceWas",
                                    Formats.dateTime(since),
                                    getTranslation(previous.messageKey())));
            sinceText.addClassName("evaluation-since");
            head.add(sinceText);
        }
        add(head);
        if (stale) {
            Paragraph warning = new Paragraph(getTranslation(
                    "compliance.summary.stale", registerAsOf == null ? "—" : Formats.dateTime(registerAsOf)));
            warning.addClassName("evaluation-stale");
            add(warning);
        }
        List<Finding> problems =
                findings.stream().filter(f -> f.status() != ComplianceStatus.OK).toList();
        if (problems.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("evaluation-reasons");
        problems.stream().limit(SHOWN).forEach(f -> list.add(item(f, linkToContract)));
        add(list);
        if (problems.size() > SHOWN) {
            add(new Paragraph(getTranslation("compliance.summary.more", problems.size() - SHOWN)));
        }
    }

    private Component item(Finding f, boolean linkToContract) {
        ListItem item = new ListItem();
        item.add(new ComplianceBadge(f.status(), false));
        Anchor subject = linkToContract
                ? new Anchor("contracts/" + f.contractId(), f.contractNumber())
                : new Anchor("suppliers/" + f.supplierId(), f.supplierName());
        item.add(subject);
        Span reason = new Span(ComplianceTexts.reason(this, f.verdict()));
        reason.addClassName("evaluation-reason");
        item.add(reason);
        return item;
    }
}
