package jp.hoshimi.supplier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Location;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.supplier.SupplierFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The supplier list's address is written and read by one object, and old bookmarks open the list they did. */
class SupplierListQueryTest {

    static Stream<SupplierListQuery> everyFilter() {
        Stream.Builder<SupplierListQuery> queries = Stream.builder();
        queries.add(SupplierListQuery.all());
        queries.add(new SupplierListQuery("ミナト & co=1+2%", null, null));
        for (SupplierFilter.Quick quick : SupplierFilter.Quick.values()) {
            queries.add(new SupplierListQuery(null, quick, null));
        }
        for (ComplianceStatus status : ComplianceStatus.values()) {
            queries.add(new SupplierListQuery(null, null, Set.of(status)));
        }
        queries.add(new SupplierListQuery(
                "株式", SupplierFilter.Quick.FOREIGN, EnumSet.of(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING)));
        return queries.build();
    }

    @ParameterizedTest
    @MethodSource("everyFilter")
    void a_link_and_the_address_bar_read_back_as_the_filters_they_were_built_from(SupplierListQuery query) {
        assertThat(SupplierListQuery.parse(new Location(query.href()))).isEqualTo(query);
        assertThat(SupplierListQuery.parse(query.location())).isEqualTo(query);
        assertThat(SupplierListQuery.parse(new Location(query.location().getPathWithQueryParameters())))
                .isEqualTo(query);
    }

    @Test
    void the_dashboard_links_to_the_whole_list() {
        assertThat(SupplierListQuery.all().href()).isEqualTo("suppliers");
    }

    @Test
    void an_old_bookmark_opens_the_list_it_did() {
        SupplierListQuery query = SupplierListQuery.parse(
                new Location("suppliers?q=%E3%83%9F%E3%83%8A%E3%83%88&quick=foreign&status=EXPIRED,MISSING"));

        assertThat(query)
                .isEqualTo(new SupplierListQuery(
                        "ミナト",
                        SupplierFilter.Quick.FOREIGN,
                        EnumSet.of(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING)));
        assertThat(query.filter())
                .isEqualTo(new SupplierFilter(
                        "ミナト",
                        SupplierFilter.Quick.FOREIGN,
                        EnumSet.of(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING)));
        assertThat(query.href())
                .isEqualTo("suppliers?q=%E3%83%9F%E3%83%8A%E3%83%88&quick=FOREIGN&status=EXPIRED%2CMISSING");
    }

    @Test
    void what_an_address_gets_wrong_is_left_out() {
        assertThat(SupplierListQuery.parse(new Location("suppliers?quick=SOMETIMES&status=NOPE&q=%20")))
                .isEqualTo(SupplierListQuery.all());
    }
}
