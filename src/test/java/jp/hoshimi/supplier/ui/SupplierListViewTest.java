package jp.hoshimi.supplier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.supplier.SupplierListItem;
import org.junit.jupiter.api.Test;

/** The supplier list over the demo suppliers that the test database is seeded with. */
class SupplierListViewTest extends KaribuTest {

    private SupplierListView open(Locale locale) {
        signInAs(locale, Role.PROCUREMENT);
        UI.getCurrent().navigate(SupplierListView.class);
        return _get(SupplierListView.class);
    }

    @Test
    void shows_the_demo_suppliers_with_their_count() {
        SupplierListView view = open(Locale.JAPANESE);

        assertThat(_size(view.grid)).isEqualTo(60);
        assertThat(view.count.getText()).isEqualTo("60 件");
        assertThat(_get(view.grid, 0).name()).isEqualTo("Bangkok Auto Parts Co., Ltd.");
    }

    @Test
    void searching_narrows_the_list_in_sql() {
        SupplierListView view = open(Locale.JAPANESE);

        view.search.setValue("ﾐﾅﾄ"); // half-width kana finds 株式会社ミナト電装

        assertThat(_size(view.grid)).isEqualTo(1);
        SupplierListItem row = _get(view.grid, 0);
        assertThat(row.name()).isEqualTo("株式会社ミナト電装");
        assertThat(row.corporateNumber()).hasSize(13);
        assertThat(view.count.getText()).isEqualTo("1 件");
    }

    @Test
    void a_search_without_matches_leaves_an_empty_list_with_an_explanation() {
        SupplierListView view = open(Locale.ENGLISH);

        view.search.setValue("no such supplier anywhere");

        assertThat(_size(view.grid)).isZero();
        assertThat(((jp.hoshimi.shared.ui.EmptyState) view.grid.getEmptyStateComponent())
                        .getElement()
                        .getTextRecursively())
                .startsWith("No suppliers match your search.");
        assertThat(view.count.getText()).isEqualTo("0 suppliers");
    }

    @Test
    void the_columns_are_titled_in_the_users_language() {
        SupplierListView view = open(Locale.JAPANESE);

        assertThat(view.grid.getColumnByKey("corporateNumber").getHeaderText()).isEqualTo("法人番号");
        assertThat(view.grid.getColumnByKey("name").getHeaderText()).isEqualTo("取引先名");
    }

    @Test
    void sorting_by_a_column_is_done_by_the_database() {
        SupplierListView view = open(Locale.JAPANESE);

        view.grid.sort(
                List.of(new GridSortOrder<>(view.grid.getColumnByKey("supplierCode"), SortDirection.DESCENDING)));

        assertThat(_get(view.grid, 0).supplierCode()).isEqualTo("S-20004");
        assertThat(_get(view.grid, 59).supplierCode()).isEqualTo("S-10001");
    }
}
