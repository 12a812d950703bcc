package jp.hoshimi.supplier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Set;
import jp.hoshimi.ComplianceFixture;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The supplier list's status column and filter, also set from the URL. */
@Transactional
class SupplierListStatusTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    DashboardService dashboard;

    @Autowired
    SystemAuthentication system;

    @Test
    void the_status_filter_comes_from_the_url_and_narrows_the_list_in_sql() {
        ComplianceFixture.evaluateDemoData(dsl, system.callAsSystem(dashboard::today));
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate("suppliers", QueryParameters.fromString("status=EXPIRED"));
        SupplierListView view = _get(SupplierListView.class);

        assertThat(view.status.getValue()).containsExactly(ComplianceStatus.EXPIRED);
        int expected = dsl.fetchCount(dsl.selectFrom("supplier_compliance").where("status = 'EXPIRED'"));
        assertThat(_size(view.grid)).isEqualTo(expected).isPositive();
        assertThat(_get(view.grid, 0).status()).isEqualTo(ComplianceStatus.EXPIRED);

        view.status.setValue(Set.of());

        assertThat(_size(view.grid)).isEqualTo(60);
        assertThat(view.export.getElement().getOuterHTML())
                .contains("supplier-export-csv")
                .contains("supplier-export-xlsx");
    }
}
