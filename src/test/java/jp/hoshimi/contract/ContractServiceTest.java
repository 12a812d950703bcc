package jp.hoshimi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.shared.ui.MessageBundle;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts against the demo data: "procurement" belongs to 星見自動車's 購買部 and 電子部品調達部,
 * "procurement2" to 星見精工 (and its departments), "risk" sees the whole group.
 */
@SpringBootTest
@Transactional
class ContractServiceTest {

    @Autowired
    ContractService contracts;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    private long unit(String code) {
        return DemoUnits.id(orgUnits, system, code);
    }

    private long supplier(String code) {
        return system.callAsSystem(() -> suppliers.findByCode(code))
                .orElseThrow()
                .id();
    }

    private ContractForm form(String number, String unitCode, DecisionChart chart, RequiredLevel level, String reason) {
        return new ContractForm(
                number,
                "テスト契約",
                supplier("S-10002"),
                unit(unitCode),
                null,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31),
                chart,
                level,
                reason);
    }

    private static String message(FieldProblem problem, Locale locale) {
        return new MessageBundle()
                .getTranslation(
                        problem.messageKey(), locale, problem.arguments().toArray());
    }

    private static final DecisionChart ALL_NO = new DecisionChart(false, false, false);
    private static final DecisionChart CONFIDENTIAL = new DecisionChart(true, false, false);

    @Test
    @WithUserDetails("risk")
    void the_group_wide_risk_manager_sees_every_demo_contract() {
        assertThat(contracts.count(ContractFilter.none()).value()).isEqualTo(80);
    }

    @Test
    @WithUserDetails("procurement")
    void procurement_sees_only_the_contracts_of_its_units() {
        List<ContractListItem> visible = contracts.list(ContractFilter.none(), null, 0, 1000);

        assertThat(visible)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.contractNumber()).startsWith("HMC-"));
        assertThat(visible).extracting(ContractListItem::orgUnitName).containsOnly("星見自動車 購買部", "星見自動車 電子部品調達部");
        assertThat(contracts.count(ContractFilter.none()).value()).isEqualTo(visible.size());
    }

    @Test
    @WithUserDetails("procurement")
    void another_units_contract_is_not_found_by_id_or_number_and_cannot_be_changed() {
        ContractDetails seiko = system.callAsSystem(() -> contracts.findByNumber("HSK-2026-0004"))
                .orElseThrow();

        assertThat(contracts.find(seiko.id())).isEmpty();
        assertThat(contracts.findByNumber("HSK-2026-0004")).isEmpty();
        assertThatThrownBy(() -> contracts.update(seiko.id(), seiko.version(), seiko.toForm()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contracts.history(seiko.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithUserDetails("procurement")
    void procurement_cannot_file_a_contract_under_another_unit() {
        assertThatThrownBy(() -> contracts.create(form("T-SCOPE-1", "HSK-PUR", ALL_NO, RequiredLevel.STAR3, null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("contract.orgUnit.outOfScope"));
    }

    @Test
    @WithUserDetails("procurement2")
    void a_unit_includes_the_units_below_it() {
        long id = contracts.create(form("T-SCOPE-2", "HSK-IT", ALL_NO, RequiredLevel.STAR3, null));

        assertThat(contracts.find(id)).isPresent();
        assertThat(contracts.list(ContractFilter.none(), null, 0, 1000))
                .allSatisfy(c -> assertThat(c.contractNumber())
                        .startsWith(c.contractNumber().startsWith("T-") ? "T-" : "HSK-"));
    }

    @Test
    @WithUserDetails("risk")
    void the_decision_chart_suggests_star_four_on_any_yes_and_is_stored() {
        long id = contracts.create(form("T-CHART-1", "HMC-PUR", CONFIDENTIAL, RequiredLevel.STAR4, null));

        ContractDetails saved = contracts.find(id).orElseThrow();
        assertThat(saved.suggestedLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(saved.decisionChart()).isEqualTo(CONFIDENTIAL);
        assertThat(contracts.history(id)).hasSize(1);
    }

    @Test
    @WithUserDetails("risk")
    void another_level_than_suggested_needs_a_written_reason() {
        assertThatThrownBy(
                        () -> contracts.create(form("T-CHART-2", "HMC-PUR", CONFIDENTIAL, RequiredLevel.STAR3, "安い")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("levelReason");
                            assertThat(p.arguments()).containsExactly(10, RequiredLevel.STAR4);
                            // the message names the level by its label, never by its enum name
                            assertThat(message(p, Locale.JAPANESE))
                                    .contains("推奨レベル（★4 Standard）")
                                    .doesNotContain("STAR4");
                            assertThat(message(p, Locale.ENGLISH))
                                    .contains("★4")
                                    .doesNotContain("STAR4");
                        }));

        long id = contracts.create(
                form("T-CHART-2", "HMC-PUR", CONFIDENTIAL, RequiredLevel.STAR3, "代替先が3社あり、在庫も十分にあるため。"));
        ContractDetails saved = contracts.find(id).orElseThrow();
        // issue 20: below the suggestion is a request for a second risk manager; the contract keeps ★4
        assertThat(saved.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(saved.pendingLevelDecision().requestedLevel()).isEqualTo(RequiredLevel.STAR3);
        assertThat(saved.pendingLevelDecision().reason()).isEqualTo("代替先が3社あり、在庫も十分にあるため。");
    }

    @Test
    @WithUserDetails("risk")
    void an_unanswered_chart_and_a_duplicate_number_are_refused() {
        assertThatThrownBy(() -> contracts.create(
                        form("T-CHART-3", "HMC-PUR", new DecisionChart(true, null, null), RequiredLevel.STAR4, null)))
                .hasMessageContaining("contract.decisionChart.incomplete");
        assertThatThrownBy(() -> contracts.create(form("HMC-2026-0001", "HMC-PUR", ALL_NO, RequiredLevel.STAR3, null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).arguments())
                                .containsExactly("HMC-2026-0001", "ダイカスト部品供給契約"));
    }

    @Test
    @WithUserDetails("risk")
    void a_stale_save_is_refused() {
        long id = contracts.create(form("T-LOCK-1", "HMC-PUR", ALL_NO, RequiredLevel.STAR3, null));
        ContractDetails first = contracts.find(id).orElseThrow();
        contracts.update(id, first.version(), form("T-LOCK-1", "HMC-LOG", ALL_NO, RequiredLevel.STAR3, null));

        assertThatThrownBy(() -> contracts.update(id, first.version(), first.toForm()))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(contracts.find(id).orElseThrow().orgUnitName()).isEqualTo("星見自動車 物流部");
    }

    @Test
    @WithUserDetails("procurement")
    void procurement_cannot_delete_contracts() {
        ContractListItem own = contracts.list(ContractFilter.none(), null, 0, 1).get(0);
        assertThatThrownBy(() -> contracts.delete(own.id(), 0)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("auditor")
    void the_auditor_reads_everything_but_changes_nothing() {
        assertThat(contracts.count(ContractFilter.none()).value()).isEqualTo(80);
        assertThatThrownBy(() -> contracts.create(form("T-AUD-1", "HMC-PUR", ALL_NO, RequiredLevel.STAR3, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("risk")
    void filters_by_unit_level_and_text_are_applied_in_sql() {
        int hmc = contracts
                .count(new ContractFilter(null, unit("HMC"), null, null, null))
                .value();
        int hmcPurchasing = contracts
                .count(new ContractFilter(null, unit("HMC-PUR"), null, null, null))
                .value();
        int star4 = contracts
                .count(new ContractFilter(null, null, RequiredLevel.STAR4, null, null))
                .value();
        int byNumber = contracts
                .count(new ContractFilter("HSK-2026-0004", null, null, null, null))
                .value();
        int bySupplierName = contracts
                .count(new ContractFilter("(株)碧海精密", null, null, null, null))
                .value();

        assertThat(hmc).isEqualTo(48);
        assertThat(hmcPurchasing).isEqualTo(16);
        assertThat(star4).isBetween(1, 79);
        assertThat(byNumber).isEqualTo(1);
        assertThat(bySupplierName).isPositive();
    }
}
