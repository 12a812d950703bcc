package jp.hoshimi.shared.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Counts stop at the configured cap (5 here, 10,000 by default): the services say "at least 5", the
 * lists show "5+", and the grids still scroll through every row.
 */
@TestPropertySource(properties = "hoshimi.list.count-cap=5")
class CappedCountTest extends KaribuTest {

    @Autowired
    SupplierService suppliers;

    @Autowired
    ContractService contracts;

    @Autowired
    SystemAuthentication system;

    @Test
    void the_services_count_up_to_the_cap_and_say_when_they_stopped() {
        system.runAsSystem(() -> {
            assertThat(suppliers.count(SupplierFilter.none())).isEqualTo(ResultCount.atLeast(5));
            assertThat(suppliers.count(new SupplierFilter("ﾐﾅﾄ"))).isEqualTo(ResultCount.exactly(1));
            assertThat(contracts.count(ContractFilter.none())).isEqualTo(ResultCount.atLeast(5));
            assertThat(contracts.count(new ContractFilter("契約", null, null, null, null)))
                    .isEqualTo(ResultCount.atLeast(5));
            assertThat(contracts.count(new ContractFilter("HSK-2026-0004", null, null, null, null)))
                    .isEqualTo(ResultCount.exactly(1));
        });
    }

    @Test
    void the_supplier_list_shows_a_capped_count_and_scrolls_through_every_supplier() {
        signInAs(Locale.JAPANESE, Role.PROCUREMENT);

        assertListScrollsPastTheCap("suppliers", "supplier", "5+ 件", 60);
    }

    @Test
    void the_contract_list_shows_a_capped_count_in_english_too_and_scrolls_through_every_contract() {
        signInAsUser("risk");
        UI.getCurrent().setLocale(Locale.ENGLISH);

        assertListScrollsPastTheCap("contracts", "contract", "5+ contracts", 80);
    }

    /** The list at {@code route} shows the capped count, and its grid reaches the last of all rows. */
    private static void assertListScrollsPastTheCap(String route, String idPrefix, String countText, int rows) {
        UI.getCurrent().navigate(route);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(idPrefix + "-grid"));

        assertThat(_get(Span.class, spec -> spec.withId(idPrefix + "-count")).getText())
                .isEqualTo(countText);
        assertThat(_size(grid)).isEqualTo(rows);
        assertThat(_get(grid, rows - 1)).isNotNull();
    }
}
