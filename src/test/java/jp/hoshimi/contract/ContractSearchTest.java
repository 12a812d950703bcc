package jp.hoshimi.contract;

import static jp.hoshimi.db.Tables.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/** The contract list's filters against the demo contracts. Each test rolls back. */
@SpringBootTest
@Transactional
class ContractSearchTest {

    @Autowired
    ContractService contracts;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @Test
    @WithUserDetails("risk")
    void the_unit_filter_includes_every_unit_below_the_chosen_one() {
        List<Long> company = idsFound(null, unit("HMC"));
        List<Long> below = dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .where(CONTRACT.ORG_UNIT_ID.in(unit("HMC"), unit("HMC-PUR"), unit("HMC-ELE"), unit("HMC-LOG")))
                .orderBy(CONTRACT.ID)
                .fetch(CONTRACT.ID);

        assertThat(company).containsExactlyInAnyOrderElementsOf(below).hasSize(48);
        assertThat(idsFound(null, unit("HMC-ELE"))).isNotEmpty().isSubsetOf(company);
    }

    @Test
    @WithUserDetails("procurement")
    void the_unit_filter_stays_within_the_users_scope() {
        // procurement belongs to HMC-PUR and HMC-ELE only: HMC (+ below) shows just those two
        List<Long> company = idsFound(null, unit("HMC"));

        assertThat(company).containsExactlyInAnyOrderElementsOf(idsFound(null, null));
        assertThat(idsFound(null, unit("HSK"))).isEmpty();
    }

    private List<Long> idsFound(String text, Long unitId) {
        return contracts.list(new ContractFilter(text, unitId, null, null, null), null, 0, 1000).stream()
                .map(ContractListItem::id)
                .toList();
    }

    private long unit(String code) {
        return DemoUnits.id(orgUnits, system, code);
    }
}
