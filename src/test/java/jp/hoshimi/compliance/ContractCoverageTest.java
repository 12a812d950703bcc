package jp.hoshimi.compliance;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 20, contract-term coverage over the real database and the real evaluation, as of the demo's
 * business date 2026-12-01: contracts with and without end dates, a chain of two links, ★3 and ★4
 * validity, the list's column and filter (the SQL twin of the rules) and the data scope. Its own
 * suppliers, register entries and contracts (removed afterwards) in the shared test context.
 */
@SpringBootTest
class ContractCoverageTest {

    static final LocalDate START = LocalDate.of(2026, 4, 1);

    @Autowired
    DSLContext dsl;

    @Autowired
    SystemAuthentication system;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ContractService contracts;

    @Autowired
    SubcontractingService chains;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    CoverageService coverage;

    String marker;
    long star3; // ★3 until 2027-09-30
    long star4; // ★4 until 2028-06-30
    long unregistered;
    Map<String, Long> contract;

    @BeforeEach
    void chains() {
        marker = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        system.runAsSystem(() -> {
            star3 = supplier("1", "STAR3", LocalDate.of(2027, 9, 30));
            star4 = supplier("2", "STAR4", LocalDate.of(2028, 6, 30));
            unregistered = supplier("3", null, null);
            contract = Map.of(
                    "threeYears", create("3Y", star3, "HMC-PUR", LocalDate.of(2029, 3, 31)),
                    "chain", create("CH", star4, "HMC-PUR", LocalDate.of(2030, 3, 31)),
                    "open", create("OP", star4, "HMC-PUR", null),
                    "missing", create("MI", unregistered, "HMC-PUR", LocalDate.of(2027, 12, 31)),
                    "short", create("SH", star3, "HMC-PUR", LocalDate.of(2027, 6, 30)),
                    "otherUnit", create("OU", star3, "HSK-PUR", LocalDate.of(2029, 3, 31)));
            chains.addLink(contract.get("chain"), new LinkForm(star4, star3, false, false, false, null, null));
        });
        evaluator.evaluateContracts(contract.values());
    }

    @AfterEach
    void remove() {
        dsl.deleteFrom(CONTRACT).where(CONTRACT.ID.in(contract.values())).execute();
        // by source: a corporate number starts with its check digit, so a prefix of the base never matched
        // and every test left its two entries behind (the next register sync then saw 14 too many)
        dsl.deleteFrom(REGISTER_ENTRY)
                .where(REGISTER_ENTRY.SOURCE_ID.eq("coverage-test"))
                .execute();
        dsl.deleteFrom(SUPPLIER)
                .where(SUPPLIER.ID.in(star3, star4, unregistered))
                .execute();
    }

    @Test
    @WithUserDetails(value = "risk", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_three_year_contract_on_a_one_year_star3_registration_needs_two_renewals() {
        ContractCoverage c = coverage.contractCoverage(contract.get("threeYears"));

        assertThat(c.kind()).isEqualTo(ContractCoverage.Kind.UNTIL);
        assertThat(c.coveredUntil()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(c.endsBeforeContract()).isTrue();
        assertThat(c.renewals()).isEqualTo(2);
        assertThat(c.links().get(0).renewalsDue())
                .containsExactly(LocalDate.of(2027, 9, 30), LocalDate.of(2028, 9, 30));
    }

    @Test
    @WithUserDetails(value = "risk", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_chain_is_covered_until_its_earliest_link_and_depends_on_every_links_renewals() {
        ContractCoverage c = coverage.contractCoverage(contract.get("chain"));

        assertThat(c.links()).hasSize(2);
        assertThat(c.coveredUntil()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(c.endsBeforeContract()).isTrue();
        // ★4 (three years) until 2028-06-30: once; ★3 (one year) until 2027-09-30: 2027, 2028, 2029
        Map<Long, Integer> renewals =
                c.links().stream().collect(Collectors.toMap(LinkCoverage::supplierId, LinkCoverage::renewals));
        assertThat(renewals).containsEntry(star4, 1).containsEntry(star3, 3);
        assertThat(c.renewals()).isEqualTo(4);
    }

    @Test
    @WithUserDetails(value = "risk", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void contracts_without_an_end_date_or_ending_in_time_are_covered_and_a_failing_link_is_not() {
        ContractCoverage open = coverage.contractCoverage(contract.get("open"));
        assertThat(open.coveredUntil()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(open.endsBeforeContract()).isFalse();
        assertThat(open.renewals()).isZero();

        ContractCoverage shortOne = coverage.contractCoverage(contract.get("short"));
        assertThat(shortOne.endsBeforeContract()).isFalse();
        assertThat(shortOne.renewals()).isZero();

        ContractCoverage missing = coverage.contractCoverage(contract.get("missing"));
        assertThat(missing.kind()).isEqualTo(ContractCoverage.Kind.NOT_COVERED);
        assertThat(missing.coveredUntil()).isNull();
        assertThat(missing.endsBeforeContract()).isTrue();
    }

    @Test
    @WithUserDetails(value = "risk", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_list_column_and_filter_agree_with_the_rules() {
        Map<Long, ContractListItem> listed =
                list(ContractFilter.none()).stream().collect(Collectors.toMap(ContractListItem::id, item -> item));
        assertThat(listed.keySet()).containsAll(contract.values());
        for (long id : contract.values()) {
            ContractCoverage rules = coverage.contractCoverage(id);
            ContractListItem item = listed.get(id);
            assertThat(item.notCovered()).isEqualTo(rules.kind() == ContractCoverage.Kind.NOT_COVERED);
            assertThat(item.coveredUntil()).isEqualTo(rules.coveredUntil());
            assertThat(item.coverageEndsBeforeContract()).isEqualTo(rules.endsBeforeContract());
        }

        assertThat(ids(list(new ContractFilter(marker, null, null, null, null).withCoverageShort(true))))
                .containsExactlyInAnyOrder(
                        contract.get("threeYears"),
                        contract.get("chain"),
                        contract.get("missing"),
                        contract.get("otherUnit"));
    }

    @Test
    @WithUserDetails(value = "procurement", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void procurement_sees_coverage_and_renewals_of_its_own_units_only() {
        assertThat(ids(list(new ContractFilter(marker, null, null, null, null).withCoverageShort(true))))
                .containsExactlyInAnyOrder(contract.get("threeYears"), contract.get("chain"), contract.get("missing"));
        assertThatThrownBy(() -> coverage.contractCoverage(contract.get("otherUnit")))
                .isInstanceOf(NotFoundException.class);
        assertThat(dependingContracts(YearMonth.of(2027, 9)))
                .containsExactlyInAnyOrder(contract.get("threeYears"), contract.get("chain"));
    }

    @Test
    @WithUserDetails(value = "risk", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_outlook_lists_a_registration_with_the_contracts_that_run_past_its_end() {
        // the contract ending 2027-06-30 does not depend on the ★3 ending 2027-09-30; the open one on ★4 (2028) not yet
        assertThat(dependingContracts(YearMonth.of(2027, 9)))
                .containsExactlyInAnyOrder(
                        contract.get("threeYears"), contract.get("chain"), contract.get("otherUnit"));
        List<RenewalMonth> outlook = coverage.renewalOutlook();
        assertThat(outlook).hasSize(12);
        assertThat(outlook.get(0).month()).isEqualTo(YearMonth.of(2026, 12));
        RenewalMonth september = outlook.stream()
                .filter(m -> m.month().equals(YearMonth.of(2027, 9)))
                .findFirst()
                .orElseThrow();
        assertThat(september.contracts()).isGreaterThanOrEqualTo(3);
        assertThat(september.registrations()).isGreaterThanOrEqualTo(1);
        assertThat(coverage.countRenewalsIn(YearMonth.of(2027, 9))).isGreaterThanOrEqualTo(3);
    }

    @Test
    @WithUserDetails(value = "procurement", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_supplier_check_answers_for_a_planned_period() {
        PeriodCheck twoRenewals = coverage.checkForPeriod(star3, RequiredLevel.STAR3, START, LocalDate.of(2029, 3, 31));
        assertThat(twoRenewals.check().canContract()).isTrue();
        assertThat(twoRenewals.renewalsDue()).containsExactly(LocalDate.of(2027, 9, 30), LocalDate.of(2028, 9, 30));
        assertThat(twoRenewals.coversPeriod()).isFalse();

        PeriodCheck star4Lasts = coverage.checkForPeriod(star4, RequiredLevel.STAR4, START, LocalDate.of(2028, 6, 30));
        assertThat(star4Lasts.coversPeriod()).isTrue();

        PeriodCheck notHeld =
                coverage.checkForPeriod(unregistered, RequiredLevel.STAR3, START, LocalDate.of(2028, 3, 31));
        assertThat(notHeld.check().canContract()).isFalse();
        assertThat(notHeld.coversPeriod()).isFalse();

        assertThatThrownBy(() -> coverage.checkForPeriod(star3, RequiredLevel.STAR3, START, START.minusDays(1)))
                .isInstanceOf(ValidationException.class);
    }

    private List<Long> dependingContracts(YearMonth month) {
        return coverage.renewalsIn(month, 0, 1000).stream()
                .map(RenewalDependency::contractId)
                .filter(contract.values()::contains)
                .toList();
    }

    private List<ContractListItem> list(ContractFilter filter) {
        return contracts.list(filter, null, 0, 1000);
    }

    private static List<Long> ids(List<ContractListItem> items) {
        return items.stream().map(ContractListItem::id).toList();
    }

    private long create(String suffix, long supplierId, String unitCode, LocalDate end) {
        return contracts.create(new ContractForm(
                "COV-" + marker + "-" + suffix,
                "充足テスト" + marker,
                supplierId,
                DemoUnits.id(orgUnits, system, unitCode),
                null,
                START,
                end,
                new DecisionChart(false, false, false),
                RequiredLevel.STAR3,
                null));
    }

    /** A supplier with a fresh 法人番号 and, unless {@code level} is null, an active register entry. */
    private long supplier(String digit, String level, LocalDate validUntil) {
        String number = CorporateNumber.withCheckDigit(base(digit));
        if (level != null) {
            LocalDateTime now = LocalDateTime.now();
            dsl.insertInto(REGISTER_ENTRY)
                    .set(REGISTER_ENTRY.KIND, "STAR")
                    .set(REGISTER_ENTRY.CORPORATE_NUMBER, number)
                    .set(REGISTER_ENTRY.NAME, "充足テスト" + digit)
                    .set(REGISTER_ENTRY.LEVEL, StarLevel.valueOf(level))
                    .set(REGISTER_ENTRY.REGISTERED_ON, validUntil.minusYears(1).plusDays(1))
                    .set(REGISTER_ENTRY.VALID_UNTIL, validUntil)
                    .set(REGISTER_ENTRY.STATUS, "ACTIVE")
                    .set(REGISTER_ENTRY.CONTENT_HASH, "0".repeat(64))
                    .set(REGISTER_ENTRY.SOURCE_ID, "coverage-test")
                    .set(REGISTER_ENTRY.FIRST_SEEN, now)
                    .set(REGISTER_ENTRY.LAST_SEEN, now)
                    .execute();
        }
        return suppliers.create(new SupplierForm(
                number, "COV" + marker + digit, "株式会社充足テスト" + marker + digit, null, "JP", null, null, null, null));
    }

    /** The 12-digit base of this run's 法人番号: 9 + the marker + 000 + the digit. */
    private String base(String digit) {
        return "9" + marker + "00" + digit;
    }
}
