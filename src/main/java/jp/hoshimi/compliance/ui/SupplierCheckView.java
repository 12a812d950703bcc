package jp.hoshimi.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.CoverageService;
import jp.hoshimi.compliance.PeriodCheck;
import jp.hoshimi.compliance.SupplierCheck;
import jp.hoshimi.compliance.Verdict;
import jp.hoshimi.outreach.RequestFocus;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.ui.FindingActions;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.ui.SupplierPicker;

/**
 * For procurement before placing a contract: find a supplier by name, 法人番号 or code, choose the level
 * the contract will require, and get one answer — yes or no today, until when, and why.
 */
@Route("check")
@Menu(title = "nav.check", icon = "vaadin:search", order = 5)
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class SupplierCheckView extends VerticalLayout implements HasDynamicTitle {

    final SupplierPicker supplier;
    final Select<RequiredLevel> level = new Select<>();
    final Div answer = new Div();
    /** Issue 20: an optional planned contract period; with an end the answer covers the whole period. */
    final DatePicker periodStart = ComponentTexts.datePicker(null);

    final DatePicker periodEnd = ComponentTexts.datePicker(null);
    private final ComplianceService compliance;
    private final CoverageService coverage;
    private final FindingActions findingActions;
    private final RequestService requests;
    Button ask;

    SupplierCheckView(
            ComplianceService compliance,
            CoverageService coverage,
            SupplierService suppliers,
            FindingActions findingActions,
            RequestService requests) {
        this.findingActions = findingActions;
        this.requests = requests;
        this.compliance = compliance;
        this.coverage = coverage;
        addClassName("supplier-check-view");
        add(new H2(getTranslation("check.title")));
        Paragraph intro = new Paragraph(getTranslation("check.intro"));
        intro.addClassName("tab-note");
        add(intro);

        supplier = new SupplierPicker(suppliers, getTranslation("check.supplier"));
        supplier.setId("check-supplier");
        supplier.setWidthFull();
        supplier.setMaxWidth("32em");
        level.setLabel(getTranslation("check.level"));
        level.setId("check-level");
        level.setItems(List.of(
                RequiredLevel.STAR3, RequiredLevel.STAR4, RequiredLevel.STAR5, RequiredLevel.SA1, RequiredLevel.SA2));
        level.setItemLabelGenerator(l -> getTranslation(l.messageKey()));
        level.setValue(RequiredLevel.STAR3);
        periodStart.setLabel(getTranslation("check.period.start"));
        periodStart.setId("check-period-start");
        periodEnd.setLabel(getTranslation("check.period.end"));
        periodEnd.setId("check-period-end");
        periodEnd.setHelperText(getTranslation("check.period.help"));
        HorizontalLayout form = new HorizontalLayout(supplier, level, periodStart, periodEnd);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        form.setWidthFull();
        add(form);

        answer.setId("check-answer");
        add(answer);
        supplier.addValueChangeListener(event -> refresh());
        level.addValueChangeListener(event -> refresh());
        periodStart.addValueChangeListener(event -> refresh());
        periodEnd.addValueChangeListener(event -> refresh());
    }

    void refresh() {
        answer.removeAll();
        answer.setClassName("");
        ask = null;
        SupplierListItem chosen = supplier.getValue();
        if (chosen == null || level.getValue() == null) {
            return;
        }
        PeriodCheck period = periodCheck(chosen.id());
        SupplierCheck check = period != null ? period.check() : compliance.check(chosen.id(), level.getValue());
        if (WaitingForSync.waiting(check.registerAsOf())) {
            answer.add(new WaitingForSync()); // no verdict from a register never read: it would say 未登録
            return;
        }
        Verdict verdict = check.verdict();
        answer.setClassName("check-answer " + (check.canContract() ? "is-yes" : "is-no"));
        String levelName = getTranslation(level.getValue().messageKey());
        Paragraph headline = new Paragraph(
                check.canContract()
                        ? verdict.validUntil() == null
                                ? getTranslation("check.yesNoExpiry", levelName)
                                : getTranslation(
                                        "check.yesUntil",
                                        levelName,
                                        verdict.validUntil().toString())
                        : getTranslation("check.no", levelName));
        headline.addClassName("check-verdict");
        headline.setId("check-verdict");
        answer.add(headline, new Div(new ComplianceBadge(verdict.status(), check.stale())));
        if (period != null) {
            answer.add(new PeriodAnswer(period));
        }
        Paragraph reason = new Paragraph(ComplianceTexts.reason(this, verdict));
        reason.setId("check-reason");
        answer.add(reason);
        if (check.canContract() && check.warningFrom() != null) {
            answer.add(new Paragraph(getTranslation(
                    "check.renewal",
                    check.warningFrom().toString(),
                    verdict.validUntil().toString())));
        }
        if (!check.canContract()) {
            answer.add(new Paragraph(
                    getTranslation("check.next." + verdict.status().name())));
        }
        Span asOf = new Span(getTranslation(
                "check.asOf",
                verdict.evaluatedOn().toString(),
                check.registerAsOf() == null ? "—" : Formats.dateTime(check.registerAsOf())));
        asOf.addClassName("evaluation-since");
        answer.add(asOf);
        if (check.stale()) {
            Paragraph stale = new Paragraph(getTranslation(
                    "compliance.summary.stale",
                    check.registerAsOf() == null ? "—" : Formats.dateTime(check.registerAsOf())));
            stale.addClassName("evaluation-stale");
            answer.add(stale);
        }
        answer.add(new Anchor(
                "suppliers/" + check.supplierId(), getTranslation("check.openSupplier", check.supplierName())));
        // issue 19: a supplier short of the level can be asked for it from here (the level checked is asked)
        if (FindingActions.askable(verdict.status())
                && findingActions.mayAsk()
                && requests.mayAsk(check.supplierId())) {
            ask = findingActions.ask(
                    check.supplierId(),
                    check.supplierName(),
                    RequestFocus.level(level.getValue()
                            .starLevel()
                            .filter(l -> !l.isSecurityAction())
                            .orElse(null)));
            ask.setId("check-ask");
            ask.removeThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            answer.add(new Div(ask));
        }
    }

    /** The check for the planned period, or null without an end date or with an end before the start. */
    private PeriodCheck periodCheck(long supplierId) {
        periodEnd.setInvalid(false);
        if (periodEnd.getValue() == null) {
            return null;
        }
        try {
            return coverage.checkForPeriod(supplierId, level.getValue(), periodStart.getValue(), periodEnd.getValue());
        } catch (ValidationException e) {
            periodEnd.setErrorMessage(getTranslation(e.problems().get(0).messageKey()));
            periodEnd.setInvalid(true);
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("check.title") + " | " + getTranslation("app.name");
    }
}
