package jp.hoshimi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.ComplianceFixture;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract list's other plan for a common status or expiry filter: walking the sort order and checking
 * each contract's evaluation (docs/decisions/0012). At 200,000 contracts it starts at 10,000 matching
 * evaluations; here at one, so every filtered page of the demo data takes it. Each test rolls back.
 */
@SpringBootTest(properties = "hoshimi.list.common-evaluations=1")
@Transactional
class ContractStatusWalkTest {

    @Autowired
    ContractService contracts;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void evaluate() {
        ComplianceFixture.evaluateDemoData(dsl, businessDate.today());
    }

    @ParameterizedTest
    @EnumSource(ContractSort.class)
    @WithUserDetails("procurement")
    void a_walked_status_page_holds_exactly_the_matching_contracts_of_the_users_units(ContractSort sort) {
        Set<ComplianceStatus> statuses = Set.of(ComplianceStatus.OK, ComplianceStatus.EXPIRING);
        ContractFilter filter = ContractFilter.none().withStatuses(statuses);

        assertPagesMatch(filter, sort, "cc.status IN ('OK', 'EXPIRING')");
    }

    @ParameterizedTest
    @EnumSource(ContractSort.class)
    @WithUserDetails("risk")
    void a_walked_expiry_page_holds_exactly_the_contracts_expiring_in_the_window(ContractSort sort) {
        LocalDate today = businessDate.today();
        ContractFilter filter = ContractFilter.none().withExpiry(ExpiryWindow.within(90));

        assertPagesMatch(
                filter, sort, "cc.earliest_valid_until BETWEEN '" + today + "' AND '" + today.plusDays(90) + "'");
    }

    private void assertPagesMatch(ContractFilter filter, ContractSort sort, String evaluated) {
        DataScope scope = orgUnits.currentScope();
        String inScope = scope.groupWide()
                ? ""
                : " AND c.org_unit_id IN ("
                        + scope.unitIds().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        Set<Long> expected = dsl.fetch(
                        "SELECT c.id FROM contract c JOIN contract_compliance cc ON cc.contract_id = c.id WHERE "
                                + evaluated + inScope)
                .intoSet(DSL.field("id", Long.class));
        assertThat(expected).as("the demo data has matches").hasSizeGreaterThan(4);
        ContractSort.Order ascending = new ContractSort.Order(sort, true);

        List<ContractListItem> all = contracts.list(filter, ascending, 0, 1000);
        List<ContractListItem> second = contracts.list(filter, ascending, 2, 2);
        List<ContractListItem> descending = contracts.list(filter, new ContractSort.Order(sort, false), 0, 1000);

        assertThat(all).extracting(ContractListItem::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(second)
                .extracting(ContractListItem::id)
                .containsExactlyElementsOf(
                        all.subList(2, 4).stream().map(ContractListItem::id).toList());
        assertThat(descending).extracting(ContractListItem::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(contracts.count(filter).value()).isEqualTo(expected.size());
    }
}
