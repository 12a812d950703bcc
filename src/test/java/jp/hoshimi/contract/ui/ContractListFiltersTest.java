package jp.hoshimi.contract.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Set;
import jp.hoshimi.ComplianceFixture;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The contract list opened from a dashboard link: filters from the URL, a status column, exports. */
@Transactional
class ContractListFiltersTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    DashboardService dashboard;

    @Autowired
    SystemAuthentication system;

    private LocalDate today;

    private ContractListView open(String location) {
        today = system.callAsSystem(dashboard::today);
        ComplianceFixture.evaluateDemoData(dsl, today);
        signInAsUser("risk");
        String[] parts = location.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], QueryParameters.fromString(parts[1]));
        return _get(ContractListView.class);
    }

    @Test
    void a_status_link_opens_the_list_filtered_with_the_status_shown() {
        ContractListView view = open("contracts?status=EXPIRED,MISSING");

        assertThat(view.status.getValue())
                .containsExactlyInAnyOrder(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING);
        int expected = dsl.fetchCount(dsl.selectFrom("contract_compliance").where("status IN ('EXPIRED', 'MISSING')"));
        assertThat(_size(view.grid)).isEqualTo(expected);
        for (int i = 0; i < expected; i++) {
            assertThat(_get(view.grid, i).status()).isIn(ComplianceStatus.EXPIRED, ComplianceStatus.MISSING);
        }
        assertThat(view.grid.getColumnByKey("status").getHeaderText()).isEqualTo("状態");
    }

    @Test
    void a_heat_map_link_sets_unit_level_and_status() {
        ContractListView view = open("contracts?unit=1&level=STAR4&status=OK");

        assertThat(view.level.getValue()).isEqualTo(RequiredLevel.STAR4);
        assertThat(view.status.getValue()).containsExactly(ComplianceStatus.OK);
        for (int i = 0; i < _size(view.grid); i++) {
            assertThat(_get(view.grid, i).requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        }
    }

    @Test
    void an_expiry_link_keeps_contracts_whose_earliest_registration_ends_in_the_window_until_cleared() {
        ContractListView view = open("contracts?expiringWithin=30");

        assertThat(view.expiryChip.isVisible()).isTrue();
        assertThat(view.expiryChip.getText()).isEqualTo("登録の有効期限が 30 日以内");
        int shown = _size(view.grid);
        for (int i = 0; i < shown; i++) {
            assertThat(_get(view.grid, i).earliestValidUntil()).isBetween(today, today.plusDays(30));
        }
        view.expiryChip.click();

        assertThat(view.expiryChip.isVisible()).isFalse();
        assertThat(_size(view.grid)).isGreaterThan(shown);
    }

    @Test
    void the_not_evaluated_link_lists_the_contracts_without_an_evaluation_until_cleared() {
        today = system.callAsSystem(dashboard::today);
        ComplianceFixture.evaluateDemoData(dsl, today);
        String waiting =
                dsl.fetchValue("SELECT MAX(contract_number) FROM contract").toString();
        dsl.execute(
                "DELETE FROM contract_compliance WHERE contract_id = (SELECT id FROM contract WHERE contract_number = ?)",
                waiting);
        signInAsUser("risk");
        UI.getCurrent().navigate("contracts", QueryParameters.fromString("notEvaluated=true"));
        ContractListView view = _get(ContractListView.class);

        assertThat(view.notEvaluatedChip.isVisible()).isTrue();
        assertThat(view.notEvaluatedChip.getText()).isEqualTo("未評価の契約のみ");
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_get(view.grid, 0).contractNumber()).isEqualTo(waiting);
        assertThat(_get(view.grid, 0).status()).isNull();

        view.notEvaluatedChip.click();

        assertThat(view.notEvaluatedChip.isVisible()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(dsl.fetchCount(dsl.selectFrom("contract")));
    }

    @Test
    void nonsense_in_the_url_is_ignored() {
        ContractListView view = open("contracts?status=NOPE&level=STAR9&expiringWithin=x&unit=abc");

        assertThat(view.status.getValue()).isEqualTo(Set.of());
        assertThat(view.level.getValue()).isNull();
        assertThat(view.expiryChip.isVisible()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(dsl.fetchCount(dsl.selectFrom("contract")));
    }
}
