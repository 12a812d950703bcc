package jp.hoshimi.contract.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Location;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract list's address is written and read by one object: what it writes reads back as the same filters,
 * the dashboard's links are the addresses they always were, and the addresses in old bookmarks still open the
 * list they did.
 */
class ContractListQueryTest {

    static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    static final LocalDate TO = LocalDate.of(2027, 1, 31);

    static Stream<Arguments> everyFilter() {
        ContractListQuery all = ContractListQuery.all();
        Stream.Builder<Arguments> queries = Stream.builder();
        queries.add(Arguments.of("nothing", all));
        queries.add(Arguments.of(
                "search", new ContractListQuery("HMC-2026", null, null, null, null, null, false, false, false)));
        queries.add(Arguments.of(
                "search with signs and Japanese",
                new ContractListQuery(" 星見 & co=1+2% 契約, ", null, null, null, null, null, false, false, false)));
        queries.add(
                Arguments.of("owner", new ContractListQuery(null, 7L, null, null, null, null, false, false, false)));
        queries.add(Arguments.of("unit", all.withUnit(3)));
        for (RequiredLevel level : RequiredLevel.values()) {
            queries.add(Arguments.of("level " + level, all.withLevel(level)));
        }
        for (ComplianceStatus status : ComplianceStatus.values()) {
            queries.add(Arguments.of("status " + status, all.withStatus(status)));
        }
        queries.add(Arguments.of(
                "two statuses", all.withStatuses(EnumSet.of(ComplianceStatus.OK, ComplianceStatus.EXPIRED))));
        queries.add(Arguments.of("every status", all.withStatuses(EnumSet.allOf(ComplianceStatus.class))));
        for (int days : new int[] {0, 30, 90, ContractListQuery.MAX_WITHIN_DAYS}) {
            queries.add(Arguments.of("expiring within " + days, all.withExpiry(ExpiryWindow.within(days))));
        }
        queries.add(Arguments.of("expiring in a month", all.withExpiry(ExpiryWindow.between(FROM, TO))));
        queries.add(Arguments.of("expiring from", all.withExpiry(ExpiryWindow.between(FROM, null))));
        queries.add(Arguments.of("expiring until", all.withExpiry(ExpiryWindow.between(null, TO))));
        queries.add(Arguments.of("not evaluated", all.notEvaluatedOnly()));
        queries.add(
                Arguments.of("ended", new ContractListQuery(null, null, null, null, null, null, false, true, false)));
        queries.add(Arguments.of("coverage short", all.coverageShortOnly()));
        queries.add(Arguments.of(
                "all at once",
                new ContractListQuery(
                        "ミナト",
                        7L,
                        3L,
                        ExpiryWindow.between(FROM, TO),
                        RequiredLevel.STAR4,
                        EnumSet.of(ComplianceStatus.MISSING, ComplianceStatus.REVOKED),
                        true,
                        true,
                        true)));
        return queries.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFilter")
    void a_link_reads_back_as_the_filters_it_was_built_from(String name, ContractListQuery query) {
        assertThat(ContractListQuery.parse(new Location(query.href()))).isEqualTo(query);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFilter")
    void the_address_bar_reads_back_as_the_filters_shown(String name, ContractListQuery query) {
        Location addressBar = query.location();

        assertThat(addressBar.getPath()).isEqualTo("contracts");
        assertThat(ContractListQuery.parse(addressBar)).isEqualTo(query);
        assertThat(ContractListQuery.parse(new Location(addressBar.getPathWithQueryParameters())))
                .isEqualTo(query);
    }

    static Stream<Arguments> dashboardLinks() {
        ContractListQuery all = ContractListQuery.all();
        return Stream.of(
                Arguments.of(all, "contracts"),
                Arguments.of(all.withStatus(ComplianceStatus.EXPIRED), "contracts?status=EXPIRED"),
                Arguments.of(all.withStatus(ComplianceStatus.ACCEPTED), "contracts?status=ACCEPTED"),
                Arguments.of(
                        all.withStatuses(EnumSet.of(ComplianceStatus.OK, ComplianceStatus.EXPIRING)),
                        "contracts?status=EXPIRING%2COK"),
                Arguments.of(
                        all.withStatuses(EnumSet.complementOf(EnumSet.of(ComplianceStatus.OK))),
                        "contracts?status=REVOKED%2CEXPIRED%2CMISSING%2CUNVERIFIABLE%2CINSUFFICIENT%2CEXPIRING%2CACCEPTED"),
                Arguments.of(all.withExpiry(ExpiryWindow.within(30)), "contracts?expiringWithin=30"),
                Arguments.of(all.withExpiry(ExpiryWindow.within(90)), "contracts?expiringWithin=90"),
                Arguments.of(all.coverageShortOnly(), "contracts?coverageShort=true"),
                Arguments.of(
                        all.withUnit(3).withLevel(RequiredLevel.STAR4).withStatus(ComplianceStatus.MISSING),
                        "contracts?unit=3&level=STAR4&status=MISSING"),
                Arguments.of(
                        all.withUnit(3).withLevel(RequiredLevel.SA1).notEvaluatedOnly(),
                        "contracts?unit=3&level=SA1&notEvaluated=true"),
                Arguments.of(all.withUnit(12).withLevel(RequiredLevel.NONE), "contracts?unit=12&level=NONE"),
                Arguments.of(
                        all.withExpiry(ExpiryWindow.between(FROM, TO)).withLevel(RequiredLevel.STAR3),
                        "contracts?expiresFrom=2027-01-01&expiresTo=2027-01-31&level=STAR3"),
                Arguments.of(
                        all.withExpiry(ExpiryWindow.between(FROM, TO)),
                        "contracts?expiresFrom=2027-01-01&expiresTo=2027-01-31"));
    }

    /** The key figures, the heat map, the riskiest contracts and the expiry timeline link to these. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("dashboardLinks")
    void the_dashboard_links_are_the_addresses_they_always_were(ContractListQuery query, String address) {
        assertThat(query.href()).isEqualTo(address);
        assertThat(ContractListQuery.parse(new Location(address))).isEqualTo(query);
    }

    @Test
    void an_address_in_the_order_the_list_used_to_write_opens_the_same_list() {
        ContractListQuery query = ContractListQuery.parse(new Location("contracts?q=%E6%98%9F%E8%A6%8B&status=EXPIRED"
                + "&owner=7&unit=3&level=STAR4&expiringWithin=30&notEvaluated=true&ended=true&coverageShort=true"));

        assertThat(query)
                .isEqualTo(new ContractListQuery(
                        "星見",
                        7L,
                        3L,
                        ExpiryWindow.within(30),
                        RequiredLevel.STAR4,
                        Set.of(ComplianceStatus.EXPIRED),
                        true,
                        true,
                        true));
    }

    @Test
    void hand_written_addresses_are_read_as_before() {
        assertThat(ContractListQuery.parse(new Location("contracts?status=EXPIRED,MISSING"))
                        .statuses())
                .containsExactlyInAnyOrder(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING);
        assertThat(ContractListQuery.parse(new Location("contracts?status=expired&status=Missing"))
                        .statuses())
                .containsExactlyInAnyOrder(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING);
        assertThat(ContractListQuery.parse(new Location("contracts?level=star4"))
                        .level())
                .isEqualTo(RequiredLevel.STAR4);
        assertThat(ContractListQuery.parse(new Location("contracts?notEvaluated=TRUE&ended=yes"))
                        .notEvaluated())
                .isTrue();
        assertThat(ContractListQuery.parse(new Location("contracts?ended=yes")).ended())
                .isFalse();
        assertThat(ContractListQuery.parse(new Location("contracts?q=%20%20")).search())
                .isNull();
    }

    @Test
    void what_an_address_gets_wrong_is_left_out() {
        assertThat(ContractListQuery.parse(
                        new Location("contracts?status=NOPE&level=STAR9&expiringWithin=x&unit=abc&owner=1.5")))
                .isEqualTo(ContractListQuery.all());
        assertThat(ContractListQuery.parse(new Location("contracts?expiresFrom=2027-02-30&expiresTo=soon")))
                .isEqualTo(ContractListQuery.all());
        assertThat(ContractListQuery.parse(new Location("contracts?unit=3&unit=4"))
                        .unitId())
                .as("a repeated single value")
                .isNull();
        // a window beyond ten years is not taken; the dates beside it are
        assertThat(ContractListQuery.parse(new Location("contracts?expiringWithin=3661&expiresTo=2027-01-31"))
                        .expiry())
                .isEqualTo(ExpiryWindow.between(null, TO));
        assertThat(ContractListQuery.parse(new Location("contracts?expiringWithin=-1"))
                        .expiry())
                .isNull();
    }

    @Test
    void the_filter_asks_the_service_for_what_the_address_says() {
        ContractListQuery query = ContractListQuery.parse(
                new Location("contracts?q=HMC&owner=7&unit=3&expiringWithin=30&level=STAR4&status=EXPIRED"
                        + "&notEvaluated=true&ended=true&coverageShort=true"));

        var filter = query.filter();

        assertThat(filter.text()).isEqualTo("HMC");
        assertThat(filter.ownerUserId()).isEqualTo(7L);
        assertThat(filter.orgUnitId()).isEqualTo(3L);
        assertThat(filter.expiry()).isEqualTo(ExpiryWindow.within(30));
        assertThat(filter.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(filter.statuses()).containsExactly(ComplianceStatus.EXPIRED);
        assertThat(filter.supplierId()).isNull();
        assertThat(filter.notEvaluated()).isTrue();
        assertThat(filter.ended()).isTrue();
        assertThat(filter.coverageShort()).isTrue();
    }
}
