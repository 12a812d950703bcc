package jp.hoshimi.contract;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract list's text search (title fragments, supplier name fragments, number prefix), the copy
 * of the supplier's sort key on each contract, and the unit filter, against the demo contracts. Each
 * test rolls back.
 */
@SpringBootTest
@Transactional
class ContractSearchTest {

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

    private final String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ハーネス", // title
                "保守",
                "契約", // every title
                "リモート保守サービス契約", // longer than a fragment: checked by LIKE
                "HMC-2026", // number prefix
                "ミナト", // supplier name
                "(株)碧海精密", // supplier name, legal form dropped
                "ﾐﾅﾄ", // half-width kana
                "部", // one character
                "該当なし",
                "%"
            })
    @WithUserDetails("risk")
    void search_finds_what_the_like_over_every_contract_finds(String text) {
        List<Long> expected = dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID))
                .where(likeSemantics(text))
                .orderBy(CONTRACT.ID)
                .fetch(CONTRACT.ID);

        List<Long> found = contracts.list(new ContractFilter(text, null, null, null, null), null, 0, 1000).stream()
                .map(ContractListItem::id)
                .sorted()
                .toList();

        assertThat(found).as(text).isEqualTo(expected);
        assertThat(contracts.count(new ContractFilter(text, null, null, null, null)))
                .as(text)
                .isEqualTo(ResultCount.exactly(expected.size()));
    }

    /** The search as it was before the fragments (one WHERE, a scan), as the reference. */
    private static Condition likeSemantics(String text) {
        String name = CompanyNames.normalize(text);
        Condition byText = CONTRACT.CONTRACT_NUMBER.startsWith(text).or(CONTRACT.TITLE.contains(text));
        return name.isEmpty() ? byText : byText.or(SUPPLIER.NAME_NORMALIZED.contains(name));
    }

    @Test
    @WithUserDetails("risk")
    void a_changed_title_is_found_by_its_new_words_and_no_longer_by_the_old() {
        long id = contracts.create(form("T-" + marker, "旧件名" + marker + "契約", "HMC-PUR"));
        assertThat(idsFound("旧件名" + marker, null)).containsExactly(id);

        ContractDetails before = contracts.find(id).orElseThrow();
        contracts.update(id, before.version(), form("T-" + marker, "新件名" + marker + "契約", "HMC-PUR"));

        assertThat(idsFound("新件名" + marker, null)).containsExactly(id);
        assertThat(idsFound("旧件名" + marker, null)).isEmpty();
    }

    @Test
    @WithUserDetails("procurement")
    void a_contract_moved_to_another_unit_leaves_the_old_units_search() {
        long id = system.callAsSystem(() -> contracts.create(form("T-" + marker, "移管テスト" + marker, "HMC-PUR")));
        assertThat(idsFound("移管テスト" + marker, null)).containsExactly(id); // procurement's own unit

        system.runAsSystem(() -> {
            ContractDetails before = contracts.find(id).orElseThrow();
            contracts.update(id, before.version(), form("T-" + marker, "移管テスト" + marker, "HSK-PUR"));
        });

        assertThat(idsFound("移管テスト" + marker, null)).isEmpty();
        assertThat(contracts.count(new ContractFilter("移管テスト" + marker, null, null, null, null)))
                .isEqualTo(ResultCount.exactly(0));
        assertThat(system.callAsSystem(() -> idsFound("移管テスト" + marker, null))).containsExactly(id);
    }

    @Test
    @WithUserDetails("risk")
    void renaming_a_supplier_moves_its_contracts_in_the_supplier_order() {
        long early = suppliers.create(supplier("アアア" + marker, "アアア"));
        long late = suppliers.create(supplier("ンンン" + marker, "ンンン"));
        long first = contracts.create(form("T-" + marker + "-1", "並び順" + marker, "HMC-PUR", early));
        long second = contracts.create(form("T-" + marker + "-2", "並び順" + marker, "HMC-PUR", late));
        ContractFilter ours = new ContractFilter("並び順" + marker, null, null, null, null);
        ContractSort.Order bySupplier = new ContractSort.Order(ContractSort.SUPPLIER, true);
        assertThat(contracts.list(ours, bySupplier, 0, 10))
                .extracting(ContractListItem::id)
                .containsExactly(first, second);

        SupplierDetails renamed = suppliers.find(early).orElseThrow();
        suppliers.update(early, renamed.version(), supplier("ヴヴヴ" + marker, "ヴヴヴ")); // after ン

        assertThat(contracts.list(ours, bySupplier, 0, 10))
                .extracting(ContractListItem::id)
                .containsExactly(second, first);
        assertThat(dsl.fetchCount(
                        CONTRACT.join(SUPPLIER).on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID)),
                        CONTRACT.SUPPLIER_NAME_SORT.ne(SUPPLIER.NAME_SORT)))
                .isZero();
    }

    @Test
    @WithUserDetails("risk")
    void a_contract_given_another_supplier_takes_that_suppliers_sort_key() {
        long supplier = suppliers.create(supplier("ヰヰヰ" + marker, "ヰヰヰ"));
        long id = contracts.create(form("T-" + marker, "取引先変更" + marker, "HMC-PUR"));
        ContractDetails before = contracts.find(id).orElseThrow();

        contracts.update(id, before.version(), form("T-" + marker, "取引先変更" + marker, "HMC-PUR", supplier));

        assertThat(dsl.select(CONTRACT.SUPPLIER_NAME_SORT)
                        .from(CONTRACT)
                        .where(CONTRACT.ID.eq(id))
                        .fetchSingle(CONTRACT.SUPPLIER_NAME_SORT))
                .isEqualTo("ヰヰヰ");
    }

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

    @Test
    @WithUserDetails("procurement")
    void a_scoped_user_pages_through_contract_numbers_in_order_in_both_directions() {
        for (boolean ascending : List.of(true, false)) {
            List<String> expected = dsl.select(CONTRACT.CONTRACT_NUMBER)
                    .from(CONTRACT)
                    .where(CONTRACT.ORG_UNIT_ID.in(unit("HMC-PUR"), unit("HMC-ELE")))
                    .orderBy(ascending ? CONTRACT.CONTRACT_NUMBER.asc() : CONTRACT.CONTRACT_NUMBER.desc())
                    .fetch(CONTRACT.CONTRACT_NUMBER);
            ContractSort.Order order = new ContractSort.Order(ContractSort.CONTRACT_NUMBER, ascending);

            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < expected.size(); offset += 7) {
                contracts.list(ContractFilter.none(), order, offset, 7).stream()
                        .map(ContractListItem::contractNumber)
                        .forEach(paged::add);
            }

            assertThat(paged).as("ascending " + ascending).isEqualTo(expected);
            // a deep page takes the other plan (a look at the walk first): past the end, nothing
            assertThat(contracts.list(ContractFilter.none(), order, 1_500, 10)).isEmpty();
        }
    }

    @Test
    @WithUserDetails("risk")
    void the_level_filter_narrows_a_title_search_within_the_fragments() {
        ContractForm star3 = form("T-" + marker + "-3", "水準" + marker, "HMC-PUR");
        ContractForm star4 = form("T-" + marker + "-4", "水準" + marker, "HMC-PUR");
        long three = contracts.create(star3);
        long four = contracts.create(new ContractForm(
                star4.contractNumber(),
                star4.title(),
                star4.supplierId(),
                star4.orgUnitId(),
                star4.ownerUserId(),
                star4.startDate(),
                star4.endDate(),
                star4.decisionChart(),
                RequiredLevel.STAR4,
                "取引先の監査結果による"));
        assertThat(idsFound(marker, null)).containsExactlyInAnyOrder(three, four);

        // the marker is one fragment long: the fragments' own copy of the level answers the filter
        for (RequiredLevel level : List.of(RequiredLevel.STAR3, RequiredLevel.STAR4)) {
            ContractFilter filter = new ContractFilter(marker, null, level, null, null);
            assertThat(contracts.list(filter, null, 0, 100))
                    .as(level.name())
                    .extracting(ContractListItem::id)
                    .containsExactly(level == RequiredLevel.STAR3 ? three : four);
            assertThat(contracts.count(filter)).as(level.name()).isEqualTo(ResultCount.exactly(1));
        }
        assertThat(contracts.count(new ContractFilter(marker, null, RequiredLevel.NONE, null, null)))
                .isEqualTo(ResultCount.exactly(0));
    }

    private List<Long> idsFound(String text, Long unitId) {
        return contracts.list(new ContractFilter(text, unitId, null, null, null), null, 0, 1000).stream()
                .map(ContractListItem::id)
                .toList();
    }

    private long unit(String code) {
        return DemoUnits.id(orgUnits, system, code);
    }

    private static SupplierForm supplier(String name, String kana) {
        return new SupplierForm(null, null, "株式会社" + name, kana, "JP", null, null, null, null);
    }

    private ContractForm form(String number, String title, String unitCode) {
        long supplier = system.callAsSystem(() -> suppliers.findByCode("S-10002"))
                .orElseThrow()
                .id();
        return form(number, title, unitCode, supplier);
    }

    private ContractForm form(String number, String title, String unitCode, long supplierId) {
        return new ContractForm(
                number,
                title,
                supplierId,
                unit(unitCode),
                null,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31),
                new DecisionChart(false, false, false),
                RequiredLevel.STAR3,
                null);
    }
}
