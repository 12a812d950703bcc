package jp.hoshimi.subcontracting;

import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.hoshimi.compliance.ComplianceEvaluator;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.LinkAnswers;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 22 on the real database and the real evaluation: a tier-2 sub-contractor whose only "yes" is
 * business-critical is held to the ★4 contract's level. Edits commit (the evaluation runs after the
 * commit), so the class has a database of its own and removes its link after each test.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_links22")
@WithUserDetails("risk")
class BusinessCriticalLinkTest {

    @Autowired
    SubcontractingService chains;

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ComplianceService compliance;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    DSLContext dsl;

    private ContractDetails pressContract() {
        // HMC-2026-0001: ★4, supplier S-10001
        return contracts.findByNumber("HMC-2026-0001").orElseThrow();
    }

    private long forging() {
        // S-10031 株式会社ナガセ鍛造: ★3, valid until 2027-10-31, not otherwise in this chain
        return suppliers.findByCode("S-10031").orElseThrow().id();
    }

    private ChainLink linkTo(long contractId, long child) {
        return chains.chain(contractId).stream()
                .filter(l -> l.childSupplierId() == child)
                .findFirst()
                .orElseThrow();
    }

    private Finding findingOf(long child) {
        return compliance.contractEvaluation("HMC-2026-0001").links().stream()
                .filter(f -> f.supplierId() == child)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void removeTheLink() {
        dsl.deleteFrom(SUBCONTRACTING_LINK)
                .where(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID.eq(forging()))
                .and(SUBCONTRACTING_LINK.CONTRACT_ID.eq(pressContract().id()))
                .execute();
    }

    @Test
    void a_tier_2_link_that_is_only_business_critical_requires_star4_and_a_star3_holder_is_insufficient() {
        ContractDetails contract = pressContract();
        long child = forging();

        chains.addLink(contract.id(), new LinkForm(contract.supplierId(), child, false, false, true, null, null));

        ChainLink link = linkTo(contract.id(), child);
        assertThat(link.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(link.raisedBy()).containsExactly(LinkAnswers.Question.BUSINESS_CRITICAL);
        Finding finding = findingOf(child);
        assertThat(finding.tier()).isEqualTo(2);
        assertThat(finding.verdict().required()).isEqualTo(RequiredLevel.STAR4);
        assertThat(finding.status()).isEqualTo(ComplianceStatus.INSUFFICIENT);
        assertThat(finding.verdict().reason()).isEqualTo(Reason.LEVEL_TOO_LOW);

        // answered "no" through the service (the existing edit trigger): ★3 is enough again
        chains.updateLink(
                contract.id(), link.id(), link.version(), new LinkForm(null, null, false, false, false, null, null));
        assertThat(findingOf(child).status()).isEqualTo(ComplianceStatus.OK);
        assertThat(linkTo(contract.id(), child).raisedBy()).isEmpty();

        // the link's audit trail records the answer before and after
        var update = dsl.select(AUDIT_EVENT.BEFORE_JSON, AUDIT_EVENT.AFTER_JSON)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq(SubcontractingService.AUDIT_TYPE))
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(link.id())))
                .and(AUDIT_EVENT.ACTION.eq("UPDATE"))
                .fetchSingle();
        assertThat(update.value1()).contains("\"businessCritical\":true");
        assertThat(update.value2()).contains("\"businessCritical\":false");
    }

    @Test
    void a_not_answered_link_is_flagged_as_such_and_judged_as_before_the_question_existed() {
        ContractDetails contract = pressContract();
        long child = forging();

        chains.addLink(contract.id(), new LinkForm(contract.supplierId(), child, false, false, null, null, null));

        ChainLink link = linkTo(contract.id(), child);
        assertThat(link.businessCritical()).isNull();
        assertThat(link.answers().incomplete()).isTrue();
        assertThat(link.requiredLevel()).isEqualTo(RequiredLevel.STAR3);
        assertThat(findingOf(child).status()).isEqualTo(ComplianceStatus.OK);
        assertThat(dsl.select(SUBCONTRACTING_LINK.BUSINESS_CRITICAL)
                        .from(SUBCONTRACTING_LINK)
                        .where(SUBCONTRACTING_LINK.ID.eq(link.id()))
                        .fetchSingle()
                        .value1())
                .as("stored as not answered, not as no")
                .isNull();
    }

    @Test
    void a_full_evaluation_applies_answers_written_past_the_triggers() {
        // as after the migration or a bulk fix in SQL: no edit event, only the start-up/daily full evaluation
        ContractDetails contract = pressContract();
        long child = forging();
        chains.addLink(contract.id(), new LinkForm(contract.supplierId(), child, false, false, null, null, null));
        assertThat(findingOf(child).status()).isEqualTo(ComplianceStatus.OK);

        dsl.update(SUBCONTRACTING_LINK)
                .set(SUBCONTRACTING_LINK.BUSINESS_CRITICAL, true)
                .where(SUBCONTRACTING_LINK.ID.eq(linkTo(contract.id(), child).id()))
                .execute();
        evaluator.evaluateAll();

        assertThat(findingOf(child).status()).isEqualTo(ComplianceStatus.INSUFFICIENT);
        assertThat(compliance.contractEvaluation("HMC-2026-0001").status().severity())
                .isLessThanOrEqualTo(ComplianceStatus.INSUFFICIENT.severity());
        assertThat(List.of(findingOf(child).verdict().required())).containsExactly(RequiredLevel.STAR4);
    }
}
