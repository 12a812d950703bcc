package jp.hoshimi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.hoshimi.ComplianceFixture;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures and the lists' status and expiry filters over the demo contracts, with
 * evaluation results written by {@link ComplianceFixture} (rolled back after each test).
 */
@SpringBootTest
@Transactional
class DashboardServiceTest {

    @Autowired
    DashboardService dashboard;

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    LocalDate today;

    @BeforeEach
    void evaluate() {
        today = system.callAsSystem(dashboard::today);
        ComplianceFixture.evaluateDemoData(dsl, today);
    }

    private int sql(String query, Object... bindings) {
        return dsl.fetchValue(query, bindings) instanceof Number n ? n.intValue() : -1;
    }

    @Test
    @WithUserDetails("risk")
    void the_key_figures_count_every_contract_of_the_group_by_status() {
        Kpis kpis = dashboard.overview().kpis();

        assertThat(kpis.contracts().total()).isEqualTo(sql("SELECT COUNT(*) FROM contract"));
        assertThat(kpis.contracts().notEvaluated()).isZero();
        for (ComplianceStatus status : ComplianceStatus.values()) {
            assertThat(kpis.contracts().of(status))
                    .as(status.name())
                    .isEqualTo(sql("SELECT COUNT(*) FROM contract_compliance WHERE status = ?", status.name()));
        }
        assertThat(kpis.suppliers()).isEqualTo(sql("SELECT COUNT(*) FROM supplier"));
        assertThat(kpis.expiringWithin30())
                .isEqualTo(sql(
                        "SELECT COUNT(*) FROM contract_compliance WHERE earliest_valid_until BETWEEN ? AND ?",
                        today,
                        today.plusDays(30)));
        long compliant =
                kpis.contracts().of(ComplianceStatus.OK) + kpis.contracts().of(ComplianceStatus.EXPIRING);
        assertThat(kpis.compliantPercent().orElseThrow())
                .isCloseTo(100.0 * compliant / kpis.contracts().total(), org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    @WithUserDetails("risk")
    void a_contract_without_an_evaluation_counts_as_not_evaluated() {
        dsl.execute("DELETE FROM contract_compliance WHERE contract_id = (SELECT MIN(id) FROM contract)");

        StatusCounts counts = dashboard.overview().kpis().contracts();

        assertThat(counts.notEvaluated()).isEqualTo(1);
        assertThat(counts.evaluated()).isEqualTo(counts.total() - 1);
    }

    @Test
    @WithUserDetails("procurement")
    void procurement_counts_only_the_contracts_of_their_units() {
        Overview overview = dashboard.overview();

        long inScope = contracts.count(ContractFilter.none()).value();
        assertThat(overview.kpis().contracts().total())
                .isEqualTo(inScope)
                .isLessThan(sql("SELECT COUNT(*) FROM contract"));
        assertThat(overview.heatMap()).extracting(row -> row.unit().code()).doesNotContain("HSK", "HSK-PUR", "HMC");
        long expired = overview.kpis().contracts().of(ComplianceStatus.EXPIRED);
        assertThat(contracts
                        .count(ContractFilter.none().withStatuses(Set.of(ComplianceStatus.EXPIRED)))
                        .value())
                .isEqualTo(expired);
        assertThat(dashboard.riskiestContracts())
                .allSatisfy(c -> assertThat(contracts.find(c.id())).isPresent());
    }

    @Test
    @WithUserDetails("risk")
    void the_heat_map_counts_a_company_with_its_departments_as_the_list_filter_does() {
        List<HeatRow> rows = dashboard.overview().heatMap();
        long hmc = DemoUnits.id(orgUnits, system, "HMC");

        for (RequiredLevel level : RequiredLevel.values()) {
            long inHeatMap = rows.stream()
                    .filter(r -> r.unit().id() == hmc && r.requiredLevel() == level)
                    .mapToLong(r -> r.counts().total())
                    .sum();
            long inList = contracts
                    .count(new ContractFilter(null, hmc, level, null, null))
                    .value();
            assertThat(inHeatMap).as(level.name()).isEqualTo(inList);
        }
        HeatRow first = rows.get(0);
        assertThat(first.depth()).isZero();
        assertThat(rows).anySatisfy(r -> assertThat(r.depth()).isEqualTo(1));
    }

    @Test
    @WithUserDetails("risk")
    void the_riskiest_contracts_are_not_ok_and_critical_ones_come_first_worst_first() {
        List<RiskyContract> riskiest = dashboard.riskiestContracts();

        assertThat(riskiest).hasSize(DashboardService.RISKIEST);
        assertThat(riskiest).allSatisfy(c -> assertThat(c.status()).isNotEqualTo(ComplianceStatus.OK));
        int firstOther = riskiest.stream()
                .filter(c -> !c.critical())
                .map(riskiest::indexOf)
                .findFirst()
                .orElse(riskiest.size());
        assertThat(riskiest.subList(firstOther, riskiest.size())).noneMatch(RiskyContract::critical);
        List<RiskyContract> critical = riskiest.subList(0, firstOther);
        assertThat(critical)
                .allSatisfy(c -> assertThat(c.requiredLevel() == RequiredLevel.STAR4
                                || c.requiredLevel() == RequiredLevel.STAR5
                                || contracts
                                        .find(c.id())
                                        .orElseThrow()
                                        .decisionChart()
                                        .anyYes())
                        .isTrue());
        assertThat(critical).extracting(c -> c.status().severity()).isSorted();
    }

    @Test
    @WithUserDetails("risk")
    void the_expiry_timeline_shows_twelve_months_from_today_and_matches_the_list_filter() {
        List<ExpiryMonth> months = dashboard.expiryTimeline();

        assertThat(months).hasSize(12);
        assertThat(months.get(0).from()).isEqualTo(today);
        assertThat(months.get(11).to())
                .isEqualTo(java.time.YearMonth.from(today).plusMonths(11).atEndOfMonth());
        for (ExpiryMonth month : months) {
            ContractFilter filter = ContractFilter.none().withExpiry(ExpiryWindow.between(month.from(), month.to()));
            assertThat(contracts.count(filter).value())
                    .as(month.month().toString())
                    .isEqualTo(month.total());
        }
        assertThat(months.stream().mapToLong(ExpiryMonth::total).sum()).isPositive();
    }

    @Test
    @WithUserDetails("risk")
    void the_trend_sums_the_daily_snapshot_per_day() {
        List<TrendDay> trend = dashboard.trend();

        assertThat(trend).extracting(TrendDay::date).containsExactly(today.minusDays(1), today);
        assertThat(trend.get(1).counts().total()).isEqualTo(sql("SELECT COUNT(*) FROM contract"));
        assertThat(trend.get(0).counts().of(ComplianceStatus.REVOKED)).isZero();
    }

    @Test
    @WithUserDetails("risk")
    void the_contract_list_filters_by_status_and_by_expiry_window_in_sql() {
        ContractFilter expiredOrMissing =
                ContractFilter.none().withStatuses(Set.of(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING));

        List<ContractListItem> page = contracts.list(expiredOrMissing, null, 0, 1000);

        assertThat(page)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).isIn(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING));
        assertThat(page)
                .hasSize(sql("SELECT COUNT(*) FROM contract_compliance WHERE status IN ('EXPIRED', 'MISSING')"));
        List<ContractListItem> soon =
                contracts.list(ContractFilter.none().withExpiry(ExpiryWindow.within(30)), null, 0, 1000);
        assertThat(soon).allSatisfy(c -> assertThat(c.earliestValidUntil()).isBetween(today, today.plusDays(30)));
        // text search keeps working with a status filter (the title fragments then check each row)
        List<ContractListItem> searched = contracts.list(
                new ContractFilter("契約", null, null, null, null).withStatuses(Set.of(ComplianceStatus.OK)),
                null,
                0,
                1000);
        assertThat(searched).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(ComplianceStatus.OK));
    }

    @Test
    @WithUserDetails("procurement")
    void the_supplier_list_filters_by_status_and_shows_it() {
        SupplierFilter expired = SupplierFilter.none().withStatuses(Set.of(ComplianceStatus.EXPIRED));

        List<SupplierListItem> page = suppliers.list(expired, null, 0, 1000);

        assertThat(page).isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(ComplianceStatus.EXPIRED));
        assertThat(suppliers.count(expired).value()).isEqualTo(page.size());
        assertThat(suppliers.list(SupplierFilter.none(), null, 0, 1000))
                .anySatisfy(s -> assertThat(s.status()).isNull());
    }

    @Test
    @WithUserDetails("procurement")
    void an_export_streams_every_matching_row_in_list_order() {
        ContractFilter filter =
                ContractFilter.none().withStatuses(Set.of(ComplianceStatus.OK, ComplianceStatus.EXPIRING));
        List<ContractListItem> exported = new java.util.ArrayList<>();

        contracts.export(filter, null, exported::add);

        assertThat(exported).isEqualTo(contracts.list(filter, null, 0, 1000));
        List<SupplierListItem> suppliersExported = new java.util.ArrayList<>();
        suppliers.export(SupplierFilter.none(), null, suppliersExported::add);
        assertThat(suppliersExported)
                .hasSize(suppliers.count(SupplierFilter.none()).value());
    }
}
