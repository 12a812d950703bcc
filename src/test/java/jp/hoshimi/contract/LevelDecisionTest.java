package jp.hoshimi.contract;

import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.SignedIn;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 20: a contract's level below the decision chart's suggestion is a request that a second risk
 * manager approves (four eyes); the contract keeps the suggested level until then; request, approval,
 * rejection and withdrawal are audited; the data scope is the contract's unit. Rolled back after each test.
 */
@SpringBootTest
@Transactional
class LevelDecisionTest {

    static final String REASON = "代替先が3社あり、在庫も十分にあるため。";
    static final DecisionChart CONFIDENTIAL = new DecisionChart(true, false, false);

    @Autowired
    ContractService contracts;

    @Autowired
    LevelDecisionService decisions;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    DSLContext dsl;

    <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(users, contexts, username, work);
    }

    void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    ContractForm form(String number, RequiredLevel level, String reason) {
        return new ContractForm(
                number,
                "レベル判断テスト",
                system.callAsSystem(() -> suppliers.findByCode("S-10002"))
                        .orElseThrow()
                        .id(),
                DemoUnits.id(orgUnits, system, "HMC-PUR"),
                null,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31),
                CONFIDENTIAL,
                level,
                reason);
    }

    ContractDetails contract(long id) {
        return system.callAsSystem(() -> contracts.find(id)).orElseThrow();
    }

    long auditEvents(String type, long id) {
        return dsl.fetchCount(
                AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq(type).and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id))));
    }

    @Test
    void a_level_below_the_suggestion_waits_until_a_second_risk_manager_approves_it() {
        long id = as("risk", () -> contracts.create(form("T-LVL-1", RequiredLevel.STAR3, REASON)));

        ContractDetails held = contract(id);
        assertThat(held.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(held.levelReason()).isNull();
        LevelDecision pending = held.pendingLevelDecision();
        assertThat(pending.state()).isEqualTo(LevelDecisionState.REQUESTED);
        assertThat(pending.suggestedLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(pending.requestedLevel()).isEqualTo(RequiredLevel.STAR3);
        assertThat(pending.requestedBy()).isEqualTo("risk");
        assertThat(as("risk2", () -> decisions.list(LevelDecisionState.REQUESTED, 0, 100)))
                .extracting(LevelDecision::id)
                .contains(pending.id());

        // four eyes: not the requester; not procurement; not an administrator who is no risk manager
        assertThatThrownBy(() -> as("risk", () -> decisions.approve(pending.id(), pending.version(), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("levelDecision.fourEyes");
        assertThatThrownBy(() -> as("procurement", () -> decisions.approve(pending.id(), pending.version(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", () -> decisions.approve(pending.id(), pending.version(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(contract(id).requiredLevel()).isEqualTo(RequiredLevel.STAR4);

        as("risk2", () -> decisions.approve(pending.id(), pending.version(), "在庫確認済み"));

        ContractDetails approved = contract(id);
        assertThat(approved.requiredLevel()).isEqualTo(RequiredLevel.STAR3);
        assertThat(approved.levelReason()).isEqualTo(REASON);
        assertThat(approved.pendingLevelDecision()).isNull();
        LevelDecision decided = as("risk", () -> decisions.get(pending.id()));
        assertThat(decided.state()).isEqualTo(LevelDecisionState.APPROVED);
        assertThat(decided.decidedBy()).isEqualTo("risk2");
        assertThat(decided.decisionNote()).isEqualTo("在庫確認済み");
        assertThat(auditEvents(LevelDecisionService.AUDIT_TYPE, pending.id()))
                .as("request and approval")
                .isEqualTo(2);
        assertThat(auditEvents(ContractService.AUDIT_TYPE, id))
                .as("create and the approved level")
                .isEqualTo(2);
        assertThatThrownBy(() -> as("risk2", () -> decisions.approve(pending.id(), decided.version(), null)))
                .hasMessageContaining("levelDecision.notRequested");
    }

    @Test
    void a_rejected_request_leaves_the_suggested_level() {
        long id = as("risk", () -> contracts.create(form("T-LVL-2", RequiredLevel.STAR4, null)));
        ContractDetails before = contract(id);

        Optional<LevelDecision> requested = as(
                "procurement",
                () -> contracts.update(id, before.version(), form("T-LVL-2", RequiredLevel.STAR3, REASON)));

        assertThat(requested).isPresent();
        assertThat(requested.get().requestedBy()).isEqualTo("procurement");
        as("risk", () -> decisions.reject(requested.get().id(), requested.get().version(), "機密情報を扱うため不可"));
        ContractDetails after = contract(id);
        assertThat(after.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(after.pendingLevelDecision()).isNull();
        assertThat(as("risk", () -> decisions.get(requested.get().id())).state())
                .isEqualTo(LevelDecisionState.REJECTED);
        assertThat(auditEvents(LevelDecisionService.AUDIT_TYPE, requested.get().id()))
                .isEqualTo(2);
    }

    @Test
    void an_edit_of_other_fields_keeps_the_request_and_another_level_withdraws_it() {
        long id = as("risk", () -> contracts.create(form("T-LVL-3", RequiredLevel.STAR3, REASON)));
        LevelDecision first = contract(id).pendingLevelDecision();

        // the editor sends the stored level (the suggestion) with a new title: the request stays
        ContractDetails held = contract(id);
        ContractForm retitled = new ContractForm(
                held.contractNumber(),
                "改題",
                held.supplierId(),
                held.orgUnitId(),
                null,
                held.startDate(),
                held.endDate(),
                held.decisionChart(),
                held.requiredLevel(),
                null);
        assertThat(as("risk", () -> contracts.update(id, held.version(), retitled)))
                .isEmpty();
        assertThat(contract(id).pendingLevelDecision().id()).isEqualTo(first.id());

        // asking for ★5 (above the suggestion) applies at once and withdraws the waiting ★3
        ContractDetails now = contract(id);
        assertThat(as("risk", () -> contracts.update(id, now.version(), form("T-LVL-3", RequiredLevel.STAR5, REASON))))
                .isEmpty();
        ContractDetails raised = contract(id);
        assertThat(raised.requiredLevel()).isEqualTo(RequiredLevel.STAR5);
        assertThat(raised.pendingLevelDecision()).isNull();
        assertThat(as("risk", () -> decisions.get(first.id())).state()).isEqualTo(LevelDecisionState.WITHDRAWN);
        assertThat(auditEvents(LevelDecisionService.AUDIT_TYPE, first.id())).isEqualTo(2);
        assertThatThrownBy(() -> as("risk2", () -> decisions.approve(first.id(), first.version() + 1, null)))
                .hasMessageContaining("levelDecision.notRequested");
        assertThat(contract(id).requiredLevel()).isEqualTo(RequiredLevel.STAR5);
    }

    @Test
    void another_units_user_sees_no_level_decision_of_a_contract_outside_their_scope() {
        long id = as("risk", () -> contracts.create(form("T-LVL-4", RequiredLevel.STAR3, REASON)));
        LevelDecision pending = contract(id).pendingLevelDecision();

        assertThatThrownBy(() -> as("procurement2", () -> decisions.get(pending.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as("procurement2", () -> decisions.list(null, 0, 1000)))
                .extracting(LevelDecision::id)
                .doesNotContain(pending.id());
        assertThat(as("procurement", () -> decisions.list(null, 0, 1000)))
                .extracting(LevelDecision::id)
                .contains(pending.id());
    }
}
