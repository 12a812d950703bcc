package jp.hoshimi.compliance;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_CONTRACT;
import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 13, point 3: a contract past its end date is ended — not judged, no alert when its supplier's
 * registration is revoked, not in the dashboard's figures, and shown by the contract list's "ended" filter.
 * Its own database (the demo data synced at start), real evaluation and alert production.
 */
@SpringBootTest(properties = {"hoshimi.dev-db.database=hoshimi_ended"})
class EndedContractTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    SystemAuthentication system;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    ContractService contracts;

    @Autowired
    DashboardService dashboard;

    @Autowired
    BusinessDate businessDate;

    @Test
    void an_ended_contract_is_not_judged_not_alerted_not_counted_and_shown_by_the_filter() {
        LocalDate today = businessDate.today();
        // a registered supplier holding two open contracts
        Record2<Long, String> supplier = dsl.select(SUPPLIER.ID, SUPPLIER.CORPORATE_NUMBER)
                .from(SUPPLIER)
                .join(CONTRACT)
                .on(CONTRACT.SUPPLIER_ID.eq(SUPPLIER.ID))
                .join(REGISTER_ENTRY)
                .on(REGISTER_ENTRY.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER))
                .where(REGISTER_ENTRY.KIND.eq("STAR").and(REGISTER_ENTRY.STATUS.eq("ACTIVE")))
                .and(CONTRACT.END_DATE.isNull().or(CONTRACT.END_DATE.ge(today)))
                .and(CONTRACT.REQUIRED_LEVEL.ne(RequiredLevel.NONE))
                .groupBy(SUPPLIER.ID, SUPPLIER.CORPORATE_NUMBER)
                .having(org.jooq.impl.DSL.count().ge(2))
                .limit(1)
                .fetchSingle();
        List<Long> held = dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .where(CONTRACT.SUPPLIER_ID.eq(supplier.value1()))
                .and(CONTRACT.END_DATE.isNull().or(CONTRACT.END_DATE.ge(today)))
                .and(CONTRACT.REQUIRED_LEVEL.ne(RequiredLevel.NONE))
                .orderBy(CONTRACT.ID)
                .fetch(CONTRACT.ID);
        long ended = held.get(0);
        long open = held.get(1);
        long countedBefore = system.callAsSystem(
                () -> dashboard.overview().kpis().contracts().total());

        dsl.update(CONTRACT)
                .set(CONTRACT.END_DATE, today.minusDays(1))
                .where(CONTRACT.ID.eq(ended))
                .execute();
        evaluator.evaluateContracts(List.of(ended));

        assertThat(dsl.fetchCount(COMPLIANCE_FINDING, COMPLIANCE_FINDING.CONTRACT_ID.eq(ended)))
                .isZero();
        assertThat(dsl.fetchCount(CONTRACT_COMPLIANCE, CONTRACT_COMPLIANCE.CONTRACT_ID.eq(ended)))
                .isZero();
        assertThat(system.callAsSystem(
                        () -> dashboard.overview().kpis().contracts().total()))
                .as("not in the key figures, not even as 'not evaluated'")
                .isEqualTo(countedBefore - 1);

        // the supplier's registration is revoked: the open contract is flagged and alerted, the ended one not
        long lastEvent = dsl.select(org.jooq.impl.DSL.max(COMPLIANCE_EVENT.ID))
                .from(COMPLIANCE_EVENT)
                .fetchOne(0, Long.class);
        dsl.update(REGISTER_ENTRY)
                .set(REGISTER_ENTRY.STATUS, "REVOKED")
                .where(REGISTER_ENTRY.KIND.eq("STAR"))
                .and(REGISTER_ENTRY.CORPORATE_NUMBER.eq(supplier.value2()))
                .execute();
        evaluator.evaluateSuppliers(List.of(supplier.value1()));

        assertThat(dsl.fetchCount(
                        COMPLIANCE_EVENT, COMPLIANCE_EVENT.ID.gt(lastEvent).and(COMPLIANCE_EVENT.CONTRACT_ID.eq(open))))
                .isPositive();
        assertThat(dsl.fetchCount(
                        ALERT.join(ALERT_CONTRACT).on(ALERT_CONTRACT.ALERT_ID.eq(ALERT.ID)),
                        ALERT_CONTRACT.CONTRACT_ID.eq(open).and(ALERT.STATUS.eq(ComplianceStatus.REVOKED))))
                .isPositive();
        assertThat(dsl.fetchCount(
                        COMPLIANCE_EVENT,
                        COMPLIANCE_EVENT.ID.gt(lastEvent).and(COMPLIANCE_EVENT.CONTRACT_ID.eq(ended))))
                .isZero();
        assertThat(dsl.fetchCount(ALERT, ALERT.CONTRACT_ID.eq(ended))).isZero();
        assertThat(dsl.fetchCount(ALERT_CONTRACT, ALERT_CONTRACT.CONTRACT_ID.eq(ended)))
                .isZero();
        assertThat(dsl.fetchCount(COMPLIANCE_FINDING, COMPLIANCE_FINDING.CONTRACT_ID.eq(ended)))
                .isZero();

        ContractFilter endedOnly = new ContractFilter(null, null, null, null, null, Set.of(), null, false, true, false);
        List<Long> listed = system.callAsSystem(() -> contracts.list(endedOnly, null, 0, 1000)).stream()
                .map(ContractListItem::id)
                .toList();
        assertThat(listed).contains(ended).doesNotContain(open);
    }
}
