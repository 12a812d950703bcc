package jp.hoshimi.subcontracting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/** Chains on demo contract HMC-2026-0016 (★4, 株式会社オオノ電子, in procurement's unit). */
@SpringBootTest
@Transactional
@WithUserDetails("risk")
class SubcontractingServiceTest {

    @Autowired
    SubcontractingService chains;

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    ContractDetails contract;
    long tier1;
    long remoteMaintenance;
    long logistics;
    long cloud;

    private long supplier(String code) {
        return system.callAsSystem(() -> suppliers.findByCode(code))
                .orElseThrow()
                .id();
    }

    @BeforeEach
    void findDemoData() {
        contract = system.callAsSystem(() -> contracts.findByNumber("HMC-2026-0016"))
                .orElseThrow();
        tier1 = contract.supplierId();
        remoteMaintenance = supplier("S-10024"); // 株式会社ネクストリモート
        logistics = supplier("S-10005"); // 中部ロジスティクス
        cloud = supplier("S-10013"); // みらいクラウド
    }

    private static LinkForm link(long parent, long child, boolean data, boolean access) {
        return new LinkForm(parent, child, data, access, null, null, null);
    }

    private static String problemOf(Throwable e) {
        return ((ChainException) e)
                .problems().stream().map(FieldProblem::messageKey).findFirst().orElseThrow();
    }

    @Test
    void a_two_level_chain_gets_levels_from_the_policy() {
        chains.addLink(contract.id(), link(tier1, remoteMaintenance, false, true));
        chains.addLink(contract.id(), link(remoteMaintenance, cloud, true, false));
        chains.addLink(contract.id(), link(tier1, logistics, false, false));

        List<ChainLink> chain = chains.chain(contract.id());
        assertThat(chain).extracting(ChainLink::childSupplierId).containsExactly(remoteMaintenance, cloud, logistics);
        // system access or confidential data flows: the contract's ★4; neither: ★3
        assertThat(chain)
                .extracting(ChainLink::requiredLevel)
                .containsExactly(RequiredLevel.STAR4, RequiredLevel.STAR4, RequiredLevel.STAR3);
        assertThat(chain).noneMatch(ChainLink::levelIsExplicit);
    }

    @Test
    void an_explicit_level_wins_over_the_policy() {
        long id = chains.addLink(
                contract.id(), new LinkForm(tier1, logistics, false, false, null, RequiredLevel.STAR4, "重要物流のため"));
        ChainLink saved = chains.chain(contract.id()).get(0);
        assertThat(saved.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(saved.levelIsExplicit()).isTrue();

        chains.updateLink(
                contract.id(), id, saved.version(), new LinkForm(tier1, logistics, false, false, null, null, null));
        assertThat(chains.chain(contract.id()).get(0).requiredLevel()).isEqualTo(RequiredLevel.STAR3);
    }

    @Test
    void self_links_cycles_and_duplicates_are_refused_with_a_reason() {
        chains.addLink(contract.id(), link(tier1, remoteMaintenance, false, true));
        chains.addLink(contract.id(), link(remoteMaintenance, cloud, true, false));

        assertThatThrownBy(() -> chains.addLink(contract.id(), link(cloud, cloud, false, false)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo("chain.selfLink"));
        assertThatThrownBy(() -> chains.addLink(contract.id(), link(cloud, remoteMaintenance, false, false)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo("chain.cycle"));
        assertThatThrownBy(() -> chains.addLink(contract.id(), link(cloud, tier1, false, false)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo("chain.cycle"));
        assertThatThrownBy(() -> chains.addLink(contract.id(), link(tier1, remoteMaintenance, false, false)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo("chain.duplicate"));
        assertThatThrownBy(() -> chains.addLink(contract.id(), link(logistics, cloud, false, false)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo("chain.parentNotInChain"));
        assertThat(chains.chain(contract.id())).hasSize(2);
    }

    @Test
    void a_sub_contractor_with_its_own_sub_contractors_is_removed_last() {
        long upper = chains.addLink(contract.id(), link(tier1, remoteMaintenance, false, true));
        long lower = chains.addLink(contract.id(), link(remoteMaintenance, cloud, true, false));

        assertThatThrownBy(() -> chains.removeLink(contract.id(), upper, 0))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo("chain.hasChildren"));
        assertThatThrownBy(() -> chains.removeLink(contract.id(), lower, 5))
                .isInstanceOf(ConcurrentEditException.class);
        chains.removeLink(contract.id(), lower, 0);
        chains.removeLink(contract.id(), upper, 0);
        assertThat(chains.chain(contract.id())).isEmpty();
    }

    @Test
    @WithUserDetails("procurement2")
    void the_chain_of_another_units_contract_is_not_found() {
        assertThatThrownBy(() -> chains.chain(contract.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chains.addLink(contract.id(), link(tier1, cloud, false, false)))
                .isInstanceOf(NotFoundException.class);
    }
}
