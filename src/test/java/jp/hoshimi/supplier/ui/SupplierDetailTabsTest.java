package jp.hoshimi.supplier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.SubcontractorUse;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SupplierDetailTabsTest extends KaribuTest {

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    private SupplierDetailView open(String code) {
        long id = system.callAsSystem(() -> suppliers.findByCode(code))
                .orElseThrow()
                .id();
        UI.getCurrent().navigate(SupplierDetailView.class, new RouteParameters("id", String.valueOf(id)));
        return _get(SupplierDetailView.class);
    }

    @Test
    void the_remote_maintenance_provider_shows_where_it_is_a_sub_contractor() {
        signInAsUser("risk");
        SupplierDetailView view = open("S-10024");

        assertThat(view.usesAsSubcontractor.getGenericDataView().getItems().map(SubcontractorUse::contractNumber))
                .containsExactlyInAnyOrder("HMC-2026-0001", "HMC-2026-0007");
        assertThat(view.usesAsSubcontractor.getGenericDataView().getItems())
                .allSatisfy(use -> assertThat(use.systemAccess()).isTrue());
        // and where it is the contract partner itself
        assertThat(_size(view.contracts)).isPositive();
    }

    @Test
    void another_units_procurement_does_not_learn_about_those_contracts() {
        signInAsUser("procurement2");
        SupplierDetailView view = open("S-10024");

        assertThat(view.usesAsSubcontractor.getGenericDataView().getItems()).isEmpty();
        assertThat(_size(view.contracts)).isPositive(); // its own HSK contracts with this supplier
    }

    @Test
    void quick_filters_narrow_the_supplier_list() {
        signInAsUser("auditor");
        UI.getCurrent().navigate(SupplierListView.class);
        SupplierListView view = _get(SupplierListView.class);

        // three suppliers abroad, a sole proprietor (個人事業主) and one more abroad have no 法人番号
        view.quick.setValue(SupplierFilter.Quick.NO_CORPORATE_NUMBER);
        assertThat(_size(view.grid)).isEqualTo(5);
        view.quick.setValue(SupplierFilter.Quick.FOREIGN);
        assertThat(_size(view.grid)).isEqualTo(4);
        view.quick.setValue(SupplierFilter.Quick.NO_CONTRACT);
        int withoutContract = _size(view.grid);
        assertThat(withoutContract).isBetween(1, 59);
        assertThat(view.count.getText()).isEqualTo(withoutContract + " 件");
    }
}
