package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import jp.hoshimi.compliance.ContractCoverage;
import jp.hoshimi.compliance.LinkCoverage;

/**
 * Issue 20, on the contract page: until when the chain holds its levels, how many renewals the contract
 * depends on, the timeline chart, and beside it the same facts as text, one line per supplier (for screen
 * readers and for reading without the chart).
 */
class CoverageSection extends Div {

    CoverageSection(ContractCoverage coverage, LocalDate today) {
        setId("contract-coverage");
        addClassName("contract-coverage");
        add(new H3(getTranslation("coverage.title")));
        Paragraph summary = new Paragraph(summary(coverage));
        summary.setId("coverage-summary");
        add(summary);
        Paragraph renewals = new Paragraph(renewals(coverage));
        renewals.setId("coverage-renewals");
        add(renewals);
        if (coverage.kind() == ContractCoverage.Kind.NOT_EVALUATED) {
            return;
        }
        Div chart = new Div();
        chart.addClassNames("chart-box", "coverage-chart");
        // parsed by the browser (innerHTML), which puts it in the SVG namespace (see DashboardView#svg)
        chart.getElement().setProperty("innerHTML", CoverageTimelineChart.svg(coverage, today, texts(), this::label));
        UnorderedList lines = new UnorderedList();
        lines.setId("coverage-text");
        lines.addClassName("coverage-text");
        coverage.links().forEach(link -> lines.add(new ListItem(line(link))));
        Div side = new Div(chart, lines);
        side.addClassName("coverage-body");
        add(side);
    }

    private String summary(ContractCoverage c) {
        String kind = c.kind() == ContractCoverage.Kind.UNTIL
                ? getTranslation("coverage.summary.UNTIL", c.coveredUntil().toString())
                : getTranslation("coverage.summary." + c.kind().name());
        String start = c.start() == null ? "—" : c.start().toString();
        String term = c.end() == null
                ? getTranslation("coverage.term.noEnd", start)
                : getTranslation("coverage.term", start, c.end().toString());
        return kind + " " + term;
    }

    private String renewals(ContractCoverage c) {
        if (c.end() == null || c.renewals() == 0) {
            return c.end() == null ? "" : getTranslation("coverage.renewals.none");
        }
        String key = !c.renewalCountKnown()
                ? "coverage.renewals.atLeast"
                : c.renewals() == 1 ? "coverage.renewals.one" : "coverage.renewals.many";
        return getTranslation(key, c.end().toString(), c.renewals());
    }

    private String line(LinkCoverage link) {
        if (!link.meetsLevel()) {
            return getTranslation(
                    "coverage.link.failing",
                    link.supplierName(),
                    link.tier(),
                    getTranslation(link.status().messageKey()));
        }
        if (!link.limitsCoverage()) {
            return link.heldLevel() == null || link.requiredLevel() == jp.hoshimi.shared.RequiredLevel.NONE
                    ? getTranslation("coverage.link.notRequired", link.supplierName(), link.tier())
                    : getTranslation(
                            "coverage.link.noExpiry",
                            link.supplierName(),
                            link.tier(),
                            link.heldLevel().label());
        }
        String until = getTranslation(
                "coverage.link.until",
                link.supplierName(),
                link.tier(),
                link.heldLevel().label(),
                link.validUntil().toString());
        return link.renewalsDue().isEmpty()
                ? until
                : until + " "
                        + getTranslation(
                                "coverage.link.renewals",
                                String.join(
                                        ", ",
                                        link.renewalsDue().stream()
                                                .map(LocalDate::toString)
                                                .toList()));
    }

    private String label(LinkCoverage link) {
        String name = link.supplierName();
        String shortName = name.length() > 12 ? name.substring(0, 11) + "…" : name;
        return link.tier() + ". " + shortName
                + (link.heldLevel() == null ? "" : " " + link.heldLevel().label());
    }

    private CoverageTimelineChart.Texts texts() {
        return new CoverageTimelineChart.Texts(
                getTranslation("coverage.chart.title"),
                getTranslation("coverage.chart.contract"),
                getTranslation("coverage.chart.today"),
                getTranslation("coverage.chart.renewal"),
                getTranslation("coverage.chart.failing"),
                getTranslation("coverage.kind.NO_EXPIRY"));
    }
}
