package jp.hoshimi.outreach.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.exception.ui.ExceptionRequestDialog;
import jp.hoshimi.outreach.RequestMark;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where requests and exceptions start (issues 19, 20), on the shared Karibu context: the contract page, the
 * findings list's rows and its bulk dialog (preview only: nothing is sent here), the contract list's rows.
 * Each opens the existing request or exception dialog, prefilled with the finding where it was seen.
 */
class RemediationEntryPointsTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    /** A contract of procurement's units with a supplier in its chain that is not registered: contract, supplier, number, level. */
    org.jooq.Record4<Long, Long, String, String> notRegisteredFinding() {
        var f = COMPLIANCE_FINDING;
        return dsl.select(f.CONTRACT_ID, f.SUPPLIER_ID, CONTRACT.CONTRACT_NUMBER, f.REQUIRED_LEVEL.coerce(String.class))
                .from(f)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(f.CONTRACT_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .where(f.STATUS.eq(ComplianceStatus.MISSING))
                .and(ORG_UNIT.CODE.like("HMC-PUR%").or(ORG_UNIT.CODE.like("HMC-ELE%")))
                .and(CONTRACT.END_DATE.isNull().or(CONTRACT.END_DATE.ge(java.time.LocalDate.of(2026, 12, 1))))
                .orderBy(f.TIER, CONTRACT.CONTRACT_NUMBER)
                .limit(1)
                .fetchSingle();
    }

    @SuppressWarnings("unchecked")
    static String scopeLabel() {
        ComboBox<Object> scope = _get(ComboBox.class, spec -> spec.withId("exception-scope"));
        return scope.getItemLabelGenerator().apply(scope.getValue());
    }

    @Test
    void the_contract_page_asks_a_supplier_with_a_gap_prefilled_with_that_contract_and_requests_an_exception_for_it() {
        signInAsUser("procurement");
        var finding = notRegisteredFinding();
        UI.getCurrent().navigate("contracts/" + finding.value1());
        Component actions = rowOf(_get(ChainActionsSection.class), finding.value2());
        _click(_get(actions, Button.class, spec -> spec.withClasses("finding-ask")));
        RequestDialog dialog = _get(RequestDialog.class);
        assertThat(dialog.form().supplierId()).isEqualTo(finding.value2());
        assertThat(dialog.form().contractIds()).containsExactly(finding.value1());
        assertThat(dialog.level.getValue()).isEqualTo(StarLevel.valueOf(finding.value4()));
        assertThat(dialog.dueDate.getValue()).isNotNull();
        assertThat(dialog.message.getValue()).contains(finding.value3()).contains("ご担当者様");
        dialog.close();

        _click(_get(actions, Button.class, spec -> spec.withClasses("finding-exception")));
        _get(ExceptionRequestDialog.class);
        assertThat(scopeLabel()).contains(finding.value3()); // preselected on this finding
    }

    @Test
    void an_auditor_sees_no_actions_on_the_contract_page_nor_in_the_findings_list() {
        signInAsUser("auditor");
        var finding = notRegisteredFinding();
        UI.getCurrent().navigate("contracts/" + finding.value1());
        assertThat(_find(ChainActionsSection.class)).isEmpty();
        UI.getCurrent().navigate(FindingListView.class);
        FindingListView view = _get(FindingListView.class);
        assertThat(view.bulk.isVisible()).isFalse();
        assertThat(view.grid.getColumnByKey("actions")).isNull();
    }

    @Test
    void a_findings_row_asks_its_supplier_and_requests_an_exception_for_that_finding() {
        signInAsUser("procurement");
        var finding = notRegisteredFinding();
        UI.getCurrent()
                .navigate(
                        "findings",
                        QueryParameters.simple(
                                Map.of("status", "MISSING", "level", finding.value4(), "requests", "NONE")));
        FindingListView view = _get(FindingListView.class);
        assertThat(view.status.getValue()).containsExactly(ComplianceStatus.MISSING);
        assertThat(view.level.getValue()).isEqualTo(StarLevel.valueOf(finding.value4()));
        assertThat(view.requests.getValue()).isEqualTo(RequestMark.NONE);
        int row = rowOf(view.grid, finding.value1(), finding.value2());
        HorizontalLayout buttons = (HorizontalLayout) _getCellComponent(view.grid, row, "actions");
        _click(_get(buttons, Button.class, spec -> spec.withClasses("finding-ask")));
        RequestDialog dialog = _get(RequestDialog.class);
        assertThat(dialog.form().supplierId()).isEqualTo(finding.value2());
        assertThat(dialog.form().contractIds()).containsExactly(finding.value1());
        dialog.close();
        _click(_get(buttons, Button.class, spec -> spec.withClasses("finding-exception")));
        assertThat(scopeLabel()).contains(finding.value3());
        // the count says what the grid holds
        assertThat(view.count.getText()).isEqualTo(_size(view.grid) + " 件の指摘");
    }

    @Test
    void the_bulk_dialog_headline_adds_up_to_its_rows_and_nothing_is_made_before_confirming() {
        signInAsUser("procurement");
        UI.getCurrent().navigate("findings", QueryParameters.simple(Map.of("status", "MISSING")));
        FindingListView view = _get(FindingListView.class);
        int requestsBefore = dsl.fetchCount(SUPPLIER_REQUEST);
        _click(view.bulk);
        BulkRequestDialog dialog = _get(BulkRequestDialog.class);
        int suppliers = dialog.shown.suppliers();
        assertThat(suppliers).isPositive();
        assertThat(dialog.rows()).hasSize(suppliers);
        assertThat(dialog.headline.getText())
                .isEqualTo("対象の取引先 " + suppliers + " 社: 依頼する "
                        + dialog.shown.asked().size() + " 社、除外 "
                        + dialog.shown.skipped().size() + " 社");
        long distinct = view.grid
                .getGenericDataView()
                .getItems()
                .map(r -> r.supplierId())
                .distinct()
                .count();
        assertThat(suppliers).isEqualTo((int) distinct); // one per supplier of the list
        assertThat(dialog.shown.skipped()).allMatch(c -> c.skip() != null); // each skipped one says why
        dialog.close();
        assertThat(dsl.fetchCount(SUPPLIER_REQUEST)).isEqualTo(requestsBefore);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_contract_list_row_with_a_gap_asks_its_supplier() {
        signInAsUser("procurement");
        var finding = notRegisteredFinding();
        UI.getCurrent().navigate("contracts", QueryParameters.simple(Map.of("q", finding.value3())));
        Grid<ContractListItem> grid = _get(Grid.class, spec -> spec.withId("contract-grid"));
        int row = -1;
        for (int i = 0; i < _size(grid); i++) {
            if (_get(grid, i).id() == finding.value1()) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        Component cell = _getCellComponent(grid, row, "actions");
        _click((Button) cell);
        var dialogs = _find(RequestDialog.class);
        if (dialogs.isEmpty()) { // several suppliers of the chain have a gap: one is picked
            ChainActionsSection choose = _get(ChainActionsSection.class);
            _click(_find(choose, Button.class, spec -> spec.withClasses("finding-ask"))
                    .get(0));
        }
        RequestDialog dialog = _get(RequestDialog.class);
        assertThat(dialog.form().contractIds()).containsExactly(finding.value1());
    }

    /** The chain-actions row of this supplier. */
    static Component rowOf(ChainActionsSection section, long supplierId) {
        return section.getChildren()
                .filter(row -> row.getChildren()
                        .anyMatch(c -> c instanceof com.vaadin.flow.component.html.Anchor a
                                && a.getHref().equals("suppliers/" + supplierId)))
                .findFirst()
                .orElseThrow();
    }

    static int rowOf(Grid<jp.hoshimi.outreach.WorklistRow> grid, long contractId, long supplierId) {
        for (int i = 0; i < _size(grid); i++) {
            var r = _get(grid, i);
            if (r.contractId() == contractId && r.supplierId() == supplierId) {
                return i;
            }
        }
        throw new AssertionError("finding not in the list");
    }
}
