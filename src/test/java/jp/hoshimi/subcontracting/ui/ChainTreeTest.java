package jp.hoshimi.subcontracting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.util.List;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChainTreeTest extends KaribuTest {

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SubcontractingService chains;

    @Autowired
    SystemAuthentication system;

    @Autowired
    jp.hoshimi.compliance.ComplianceService compliance;

    @Autowired
    DSLContext dsl;

    @Autowired
    java.time.Clock clock;

    @Test
    void the_demo_chain_of_the_press_maker_shows_three_tiers() {
        signInAsUser("procurement");
        ContractDetails contract = system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0001"))
                .orElseThrow();

        ChainTree tree = new ChainTree(chains, suppliers, compliance, contract, true, clock);
        UI.getCurrent().add(tree);

        var data = tree.tree.getTreeData();
        ChainTree.Node root = data.getRootItems().get(0);
        assertThat(root.name()).isEqualTo("碧海精密プレス工業株式会社");
        assertThat(data.getChildren(root)).extracting(ChainTree.Node::name).contains("株式会社ネクストリモート", "株式会社若葉梱包");
        ChainTree.Node remote = data.getChildren(root).stream()
                .filter(n -> n.name().equals("株式会社ネクストリモート"))
                .findFirst()
                .orElseThrow();
        assertThat(remote.tier()).isEqualTo(2);
        // not in the register: the tree says so, with the reason
        assertThat(tree.findingOf(remote.supplierId()).status()).isEqualTo(jp.hoshimi.shared.ComplianceStatus.MISSING);
        assertThat(tree.tree.getElement().getOuterHTML()).doesNotContain("compliance.status");
        assertThat(data.getChildren(remote)).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("みらいクラウド株式会社");
            assertThat(n.tier()).isEqualTo(3);
        });
    }

    @Test
    void adding_a_sub_contractor_through_the_dialog_puts_it_in_the_tree() {
        signInAsUser("risk");
        ContractDetails contract = system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0006"))
                .orElseThrow();
        ChainTree tree = new ChainTree(chains, suppliers, compliance, contract, true, clock);
        UI.getCurrent().add(tree);
        try {
            _click(tree.addFirstTier);
            LinkDialog dialog = _get(LinkDialog.class);
            dialog.child.setValue(system.callAsSystem(() -> suppliers.list(new SupplierFilter("S-10019"), null, 0, 1))
                    .get(0));
            dialog.systemAccess.setValue(ChartAnswer.YES);
            _click(dialog.save);

            var root = tree.tree.getTreeData().getRootItems().get(0);
            assertThat(tree.tree.getTreeData().getChildren(root))
                    .singleElement()
                    .satisfies(node -> {
                        assertThat(node.name()).isEqualTo("株式会社ベイサイド物流");
                        assertThat(node.link().systemAccess()).isTrue();
                    });

            // adding the contract's own supplier below it is a loop: the dialog says so and stays open
            _click(tree.addFirstTier);
            LinkDialog again = _get(LinkDialog.class);
            again.child.setValue(system.callAsSystem(() -> suppliers.list(new SupplierFilter("S-10036"), null, 0, 1))
                    .get(0));
            _click(again.save);
            assertThat(again.child.isInvalid()).isTrue();
            assertThat(again.child.getErrorMessage()).contains("自分自身の再委託先");
        } finally {
            removeLinksOf(contract);
        }
    }

    private void removeLinksOf(ContractDetails contract) {
        List<ChainLink> added = system.callAsSystem(() -> chains.chain(contract.id()));
        dsl.deleteFrom(SUBCONTRACTING_LINK)
                .where(SUBCONTRACTING_LINK.ID.in(
                        added.stream().map(ChainLink::id).toList()))
                .execute();
    }

    private ChainTree treeOf(String user, String contractNumber) {
        signInAsUser(user);
        ContractDetails contract = system.callAsSystem(() -> contracts.findByNumber(contractNumber))
                .orElseThrow();
        ChainTree tree = new ChainTree(chains, suppliers, compliance, contract, true, clock);
        UI.getCurrent().add(tree);
        return tree;
    }

    private static String cellText(ChainTree tree, String name, String column) {
        for (int row = 0; row < GridKt._size(tree.tree); row++) {
            if (GridKt._get(tree.tree, row).name().equals(name)) {
                return GridKt._getCellComponent(tree.tree, row, column)
                        .getElement()
                        .getTextRecursively();
            }
        }
        throw new AssertionError(name + " is not shown");
    }

    @Test
    void the_dialog_asks_the_contracts_three_questions_and_the_tree_names_the_answer_that_raised_the_level() {
        // HMC-2026-0017: ★4; S-10031 株式会社ナガセ鍛造
        ChainTree tree = treeOf("risk", "HMC-2026-0017");
        ContractDetails contract = system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0017"))
                .orElseThrow();
        try {
            _click(tree.addFirstTier);
            LinkDialog dialog = _get(LinkDialog.class);
            assertThat(List.of(
                            dialog.confidentialData.getLabel(),
                            dialog.businessCritical.getLabel(),
                            dialog.systemAccess.getLabel()))
                    .containsExactly(
                            tree.getTranslation("contract.chart.q1"),
                            tree.getTranslation("contract.chart.q2"),
                            tree.getTranslation("contract.chart.q3"));
            // each question offers yes / no / not answered, and a new link starts not answered on all three
            for (var question : List.of(dialog.confidentialData, dialog.businessCritical, dialog.systemAccess)) {
                assertThat(question.getValue())
                        .as("not answered until answered")
                        .isEqualTo(ChartAnswer.NOT_ANSWERED);
                assertThat(question.getListDataView()
                                .getItems()
                                .map(answer -> question.getItemLabelGenerator().apply(answer)))
                        .containsExactly("はい", "いいえ", "未回答");
            }
            dialog.child.setValue(system.callAsSystem(() -> suppliers.list(new SupplierFilter("S-10031"), null, 0, 1))
                    .get(0));
            dialog.businessCritical.setValue(ChartAnswer.YES);
            dialog.confidentialData.setValue(ChartAnswer.NO);
            _click(dialog.save);

            ChainTree.Node node = tree.tree
                    .getTreeData()
                    .getChildren(tree.tree.getTreeData().getRootItems().get(0))
                    .get(0);
            assertThat(node.link().businessCritical()).isTrue();
            assertThat(node.link().confidentialDataFlows()).isFalse();
            assertThat(node.link().systemAccess())
                    .as("left as not answered, not stored as no")
                    .isNull();
            assertThat(node.link().requiredLevel()).isEqualTo(jp.hoshimi.shared.RequiredLevel.STAR4);
            assertThat(cellText(tree, node.name(), "level")).contains("停止すると業務に許容できない遅延が生じるため ★4");
            assertThat(cellText(tree, node.name(), "flows")).isEqualTo("業務停止の影響 Q3（システム接続）未回答");

            // editing shows the stored answers, and an answer can go back to not answered
            LinkDialog edit = new LinkDialog(
                    chains, suppliers, contract, contract.supplierId(), null, node.link(), tree::refresh);
            assertThat(List.of(
                            edit.confidentialData.getValue(),
                            edit.businessCritical.getValue(),
                            edit.systemAccess.getValue()))
                    .containsExactly(ChartAnswer.NO, ChartAnswer.YES, ChartAnswer.NOT_ANSWERED);
            edit.confidentialData.setValue(ChartAnswer.NOT_ANSWERED);
            edit.systemAccess.setValue(ChartAnswer.NO);
            edit.save();
            ChainLink saved =
                    system.callAsSystem(() -> chains.chain(contract.id())).get(0);
            assertThat(saved.confidentialDataFlows()).isNull();
            assertThat(saved.systemAccess()).isFalse();
            assertThat(saved.businessCritical()).isTrue();
            assertThat(cellText(tree, node.name(), "flows")).isEqualTo("業務停止の影響 Q1（機密情報）未回答");
        } finally {
            removeLinksOf(contract);
        }
    }

    @Test
    void a_not_answered_link_shows_the_hint_is_judged_as_before_and_the_filter_finds_it() {
        ChainTree tree = treeOf("procurement", "HMC-2026-0001");

        // demo: 熱処理 (S-10021) was never asked about its stoppage; 梱包 (S-10017) was, and said no
        assertThat(cellText(tree, "株式会社キタムラ熱処理", "flows")).contains("Q2（停止の影響）未回答");
        assertThat(cellText(tree, "株式会社若葉梱包", "flows")).doesNotContain("未回答");
        assertThat(cellText(tree, "株式会社キタムラ熱処理", "level")).contains("（方針）").doesNotContain("ため");
        ChainTree.Node heat = GridKt._fetch(tree.tree, 0, GridKt._size(tree.tree)).stream()
                .filter(n -> n.name().equals("株式会社キタムラ熱処理"))
                .findFirst()
                .orElseThrow();
        assertThat(heat.link().requiredLevel()).isEqualTo(jp.hoshimi.shared.RequiredLevel.STAR3);

        tree.onlyUnanswered.setValue(true);
        assertThat(GridKt._fetch(tree.tree, 0, GridKt._size(tree.tree)))
                .extracting(ChainTree.Node::name)
                .containsExactly("碧海精密プレス工業株式会社", "株式会社キタムラ熱処理");
        tree.onlyUnanswered.setValue(false);
        assertThat(GridKt._size(tree.tree)).isGreaterThan(2);
    }
}
