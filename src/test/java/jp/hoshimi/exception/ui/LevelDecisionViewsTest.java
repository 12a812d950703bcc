package jp.hoshimi.exception.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.contract.LevelDecisionState;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 20, level decisions on the screens: the contract page shows the waiting lower level and links to
 * the queue; the queue is the exceptions screen's second tab; the requester cannot approve there, a second
 * risk manager can; another unit's procurement does not see it. Rolled back after each test.
 */
@Transactional
class LevelDecisionViewsTest extends KaribuTest {

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

    /** As "risk": a contract of 購買部 whose chart suggests ★4, saved with ★3. */
    private long contractAskingForStar3() {
        signInAsUser("risk");
        return contracts.create(new ContractForm(
                "KT-LVL-0001",
                "レベル判断の画面テスト",
                system.callAsSystem(() -> suppliers.findByCode("S-10002"))
                        .orElseThrow()
                        .id(),
                DemoUnits.id(orgUnits, system, "HMC-PUR"),
                null,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2028, 3, 31),
                new DecisionChart(true, false, false),
                RequiredLevel.STAR3,
                "閲覧のみで機密情報は持ち出されないため。"));
    }

    private String state(long contractId) {
        return dsl.fetchValue(
                        "SELECT state FROM contract_level_decision WHERE contract_id = ? ORDER BY id DESC LIMIT 1",
                        contractId)
                .toString();
    }

    private String requiredLevel(long contractId) {
        return dsl.fetchValue("SELECT required_level FROM contract WHERE id = ?", contractId)
                .toString();
    }

    private LevelDecisionDialog openDecision(String user, long contractId) {
        signInAsUser(user);
        UI.getCurrent().navigate("exceptions", QueryParameters.of("tab", "levels"));
        ExceptionListView view = _get(ExceptionListView.class);
        assertThat(view.tabs.getSelectedTab()).isSameAs(view.levelsTab);
        assertThat(view.levels.isVisible()).isTrue();
        assertThat(view.grid.isVisible()).isFalse();
        for (int row = 0; row < _size(view.levels.grid); row++) {
            if (_get(view.levels.grid, row).contractId() == contractId) {
                _click((Button) _getCellComponent(view.levels.grid, row, "action"));
                return _get(LevelDecisionDialog.class);
            }
        }
        throw new AssertionError("no level decision for contract " + contractId + " in the queue of " + user);
    }

    @Test
    void the_contract_page_shows_the_waiting_level_and_a_second_risk_manager_approves_it_in_the_queue() {
        long id = contractAskingForStar3();

        UI.getCurrent().navigate("contracts/" + id);
        Div notice = _get(Div.class, spec -> spec.withId("level-decision-pending"));
        assertThat(notice.getElement().getTextRecursively())
                .contains("推奨 ★4 Standard に代えて ★3 Basic が申請されています")
                .contains("この契約の要求レベルは ★4 Standard です")
                .contains("閲覧のみで機密情報は持ち出されないため。");
        assertThat(_get(Anchor.class, spec -> spec.withId("level-decision-queue-link"))
                        .getHref())
                .isEqualTo("exceptions?tab=levels");

        _click(openDecision("risk", id).approve); // four eyes: refused
        assertThat(state(id)).isEqualTo(LevelDecisionState.REQUESTED.name());
        assertThat(requiredLevel(id)).isEqualTo("STAR4");

        LevelDecisionDialog second = openDecision("risk2", id);
        second.note.setValue("読み取り専用の接続を確認");
        _click(second.approve);
        assertThat(state(id)).isEqualTo(LevelDecisionState.APPROVED.name());
        assertThat(requiredLevel(id)).isEqualTo("STAR3");

        UI.getCurrent().navigate("contracts/" + id);
        assertThat(_find(Div.class, spec -> spec.withId("level-decision-pending")))
                .isEmpty();
    }

    @Test
    void a_rejection_keeps_the_suggested_level() {
        long id = contractAskingForStar3();

        _click(openDecision("risk2", id).reject);

        assertThat(state(id)).isEqualTo(LevelDecisionState.REJECTED.name());
        assertThat(requiredLevel(id)).isEqualTo("STAR4");
    }

    @Test
    void procurement_of_another_unit_does_not_see_the_request_and_procurement_cannot_decide() {
        long id = contractAskingForStar3();

        signInAsUser("procurement2"); // 星見精工: 購買部 of 星見自動車 is not theirs
        UI.getCurrent().navigate("exceptions", QueryParameters.of("tab", "levels"));
        ExceptionListView view = _get(ExceptionListView.class);
        view.levels.state.setValue(null);
        for (int row = 0; row < _size(view.levels.grid); row++) {
            assertThat(_get(view.levels.grid, row).contractId()).isNotEqualTo(id);
        }

        signInAsUser("procurement"); // 購買部: sees it, but only risk managers decide
        UI.getCurrent().navigate("exceptions", QueryParameters.of("tab", "levels"));
        view = _get(ExceptionListView.class);
        boolean seen = false;
        for (int row = 0; row < _size(view.levels.grid); row++) {
            if (_get(view.levels.grid, row).contractId() == id) {
                seen = true;
                assertThat(_getCellComponent(view.levels.grid, row, "action").isVisible())
                        .isFalse();
            }
        }
        assertThat(seen).isTrue();
    }
}
