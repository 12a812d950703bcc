package jp.hoshimi.supplier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.Set;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.supplier.SupplierFilter;
import org.junit.jupiter.api.Test;

/** The supplier list keeps its search text and filters in the URL, and a URL opens the list so filtered. */
class SupplierListUrlTest extends KaribuTest {

    @Test
    void a_search_from_the_url_fills_the_search_box_and_filters_the_list() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate("suppliers", QueryParameters.fromString("q=%EF%BE%90%EF%BE%85%EF%BE%84")); // ﾐﾅﾄ

        SupplierListView view = _get(SupplierListView.class);

        assertThat(view.search.getValue()).isEqualTo("ﾐﾅﾄ");
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_get(view.grid, 0).name()).isEqualTo("株式会社ミナト電装");
    }

    @Test
    void the_search_text_and_filters_round_trip_through_the_url() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate(SupplierListView.class);
        SupplierListView view = _get(SupplierListView.class);

        view.search.setValue("Co");
        view.quick.setValue(SupplierFilter.Quick.FOREIGN);
        view.status.setValue(Set.of());
        Location location = view.location();
        int shown = _size(view.grid);

        assertThat(location.getPath()).isEqualTo("suppliers");
        assertThat(location.getQueryParameters().getParameters())
                .containsEntry("q", java.util.List.of("Co"))
                .containsEntry("quick", java.util.List.of("FOREIGN"));

        UI.getCurrent().navigate(SupplierListView.class);
        assertThat(_get(SupplierListView.class).search.getValue()).isEmpty();
        UI.getCurrent().navigate(location.getPath(), location.getQueryParameters());
        SupplierListView reopened = _get(SupplierListView.class);

        assertThat(reopened.search.getValue()).isEqualTo("Co");
        assertThat(reopened.quick.getValue()).isEqualTo(SupplierFilter.Quick.FOREIGN);
        assertThat(_size(reopened.grid)).isEqualTo(shown).isPositive();
        assertThat(reopened.location().getPathWithQueryParameters()).isEqualTo(location.getPathWithQueryParameters());
    }

    @Test
    void a_status_filter_stays_in_the_url_next_to_the_search() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate("suppliers", QueryParameters.fromString("q=%E6%A0%AA%E5%BC%8F&status=EXPIRED")); // 株式

        SupplierListView view = _get(SupplierListView.class);

        assertThat(view.status.getValue()).containsExactly(ComplianceStatus.EXPIRED);
        assertThat(view.location().getQueryParameters().getParameters())
                .containsEntry("q", java.util.List.of("株式"))
                .containsEntry("status", java.util.List.of("EXPIRED"));
    }
}
