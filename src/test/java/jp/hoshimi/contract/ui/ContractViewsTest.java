package jp.hoshimi.contract.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContractViewsTest extends KaribuTest {

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeTestContracts() {
        dsl.deleteFrom(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.startsWith("KT-"))
                .execute();
    }

    @Test
    void procurement_lists_only_its_units_contracts_and_can_filter_by_level() {
        signInAsUser("procurement");
        UI.getCurrent().navigate(ContractListView.class);
        ContractListView view = _get(ContractListView.class);

        int all = _size(view.grid);
        assertThat(all).isEqualTo(32);
        assertThat(_get(view.grid, 0).contractNumber()).startsWith("HMC-");
        view.level.setValue(RequiredLevel.STAR4);
        assertThat(_size(view.grid)).isBetween(1, all - 1);
        assertThat(view.count.getText()).isEqualTo(_size(view.grid) + " 件");
    }

    @Test
    void the_decision_chart_suggests_a_level_and_asks_for_a_reason_to_differ() {
        signInAsUser("risk");
        UI.getCurrent().navigate(ContractListView.class);
        _click(_get(ContractListView.class).create);
        ContractEditor editor = _get(ContractEditor.class);

        editor.contractNumber.setValue("KT-2026-0001");
        editor.title.setValue("リモート保守サービス契約");
        editor.supplier.setValue(system.callAsSystem(() -> suppliers.list(new SupplierFilter("ネクストリモート"), null, 0, 1))
                .get(0));
        editor.orgUnit.setValue(editor.orgUnit
                .getListDataView()
                .getItems()
                .filter(u -> u.code().equals("HSK-IT"))
                .findFirst()
                .orElseThrow());
        editor.handlesConfidential.setValue(false);
        editor.businessCritical.setValue(false);
        assertThat(editor.suggestion.getText()).isEqualTo("3つの質問すべてに答えると推奨レベルが表示されます。");
        editor.networkAccess.setValue(true);

        assertThat(editor.suggestion.getText()).isEqualTo("推奨レベル：★4 Standard");
        assertThat(editor.requiredLevel.getValue()).isEqualTo(RequiredLevel.STAR4);
        assertThat(editor.levelReason.isVisible()).isFalse();

        // choosing less than suggested needs a reason
        editor.requiredLevel.setValue(RequiredLevel.STAR3);
        assertThat(editor.levelReason.isVisible()).isTrue();
        _click(editor.save);
        assertThat(editor.levelReason.isInvalid()).isTrue();
        assertThat(editor.levelReason.getErrorMessage())
                .contains("推奨レベル（★4 Standard）と異なる")
                .doesNotContain("STAR4");

        editor.levelReason.setValue("接続は読み取り専用のVPNに限定しており、年内に遮断予定のため。");
        _click(editor.save);

        ContractDetailView detail = _get(ContractDetailView.class);
        assertThat(detail.contract.contractNumber()).isEqualTo("KT-2026-0001");
        // issue 20: less than suggested waits for a second risk manager; until then the contract requires ★4
        assertThat(detail.contract.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(detail.contract.pendingLevelDecision().requestedLevel()).isEqualTo(RequiredLevel.STAR3);
        assertThat(detail.contract.decisionChart().networkAccess()).isTrue();
        assertThat(_find(ContractEditor.class)).isEmpty();
    }

    @Test
    void another_units_contract_opened_by_url_answers_not_found() {
        ContractDetails seiko = system.callAsSystem(() -> contracts.findByNumber("HSK-2026-0004"))
                .orElseThrow();
        signInAsUser("procurement");

        UI.getCurrent().navigate(ContractDetailView.class, new RouteParameters("id", String.valueOf(seiko.id())));

        assertThat(_find(ContractDetailView.class)).isEmpty();
    }

    @Test
    void the_auditor_sees_the_decision_record_but_cannot_edit() {
        ContractDetails contract = system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0002"))
                .orElseThrow();
        signInAsUser("auditor");
        UI.getCurrent().navigate(ContractDetailView.class, new RouteParameters("id", String.valueOf(contract.id())));

        ContractDetailView view = _get(ContractDetailView.class);
        assertThat(view.edit.isVisible()).isFalse();
        assertThat(view.delete.isVisible()).isFalse();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("level-reason"))
                        .getText())
                .contains("代替調達先が複数あり");
    }
}
