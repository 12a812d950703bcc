package jp.hoshimi.compliance.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The supplier check and the compliance shown on supplier pages, on the demo data as of 2026-12-01. */
class SupplierCheckViewTest extends KaribuTest {

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    private SupplierListItem supplier(String code) {
        return system.callAsSystem(() -> suppliers.list(new SupplierFilter(code), null, 0, 1))
                .get(0);
    }

    private String verdict() {
        return _get(Paragraph.class, spec -> spec.withId("check-verdict")).getText();
    }

    private String reason() {
        return _get(Paragraph.class, spec -> spec.withId("check-reason")).getText();
    }

    @Test
    void a_buyer_learns_whether_and_until_when_a_supplier_holds_a_level() {
        signInAsUser("procurement");
        UI.getCurrent().navigate(SupplierCheckView.class);
        SupplierCheckView view = _get(SupplierCheckView.class);

        // ★4 valid until 2026-12-20: yes, with a renewal warning
        view.level.setValue(RequiredLevel.STAR4);
        view.supplier.setValue(supplier("S-10029"));
        assertThat(verdict()).isEqualTo("可：2026-12-20 まで ★4 Standard を保有しています。");
        assertThat(reason()).contains("2026-12-20").contains("残り 19 日");

        // ★3 where ★4 is required: no, and why
        view.supplier.setValue(supplier("S-10008"));
        assertThat(verdict()).isEqualTo("不可：現在 ★4 Standard を満たしていません。");
        assertThat(reason()).isEqualTo("★3 を保有していますが、★4 が必要です。");

        // but enough for ★3
        view.level.setValue(RequiredLevel.STAR3);
        assertThat(verdict()).startsWith("可：2027-06-30 まで");
    }

    @Test
    void a_supplier_page_says_its_status_and_why() {
        signInAsUser("risk");
        long id = supplier("S-10024").id();
        UI.getCurrent().navigate("suppliers/" + id);

        EvaluationSummary summary = _get(EvaluationSummary.class);
        assertThat(summary.getElement().getOuterHTML())
                .contains("data-status=\"MISSING\"")
                .contains("台帳に登録がありません");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        FindingsGrid grid = _get(FindingsGrid.class);
        assertThat(grid.getGenericDataView().getItems())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(jp.hoshimi.shared.ComplianceStatus.MISSING));
    }

    @Test
    void the_check_asks_a_supplier_short_of_the_level_for_the_level_checked() {
        signInAsUser("risk");
        UI.getCurrent().navigate(SupplierCheckView.class);
        SupplierCheckView view = _get(SupplierCheckView.class);
        view.level.setValue(RequiredLevel.STAR4);
        view.supplier.setValue(supplier("S-10008")); // holds ★3
        assertThat(view.ask).isNotNull();
        com.github.mvysny.kaributesting.v10.LocatorJ._click(view.ask);
        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("request-dialog"));
        @SuppressWarnings("unchecked")
        var level = (com.vaadin.flow.component.combobox.ComboBox<jp.hoshimi.shared.StarLevel>)
                _get(dialog, com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("依頼する水準"));
        assertThat(level.getValue()).isEqualTo(jp.hoshimi.shared.StarLevel.STAR4);
        dialog.close();

        // enough for ★3: nothing to ask
        view.level.setValue(RequiredLevel.STAR3);
        assertThat(view.ask).isNull();

        // an auditor checks but does not ask
        signInAsUser("auditor");
        UI.getCurrent().navigate(SupplierCheckView.class);
        SupplierCheckView audit = _get(SupplierCheckView.class);
        audit.level.setValue(RequiredLevel.STAR4);
        audit.supplier.setValue(supplier("S-10008"));
        assertThat(audit.ask).isNull();
    }
}
