package jp.hoshimi.supplier;

import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_NAME_FRAGMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.TextFragments;
import jp.hoshimi.supplier.internal.SupplierRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

/**
 * Substring search through the name fragments: the same answers as the LIKE it replaces, and the
 * fragments follow every write. Against the real MariaDB; each test rolls back.
 */
@SpringBootTest
@Transactional
@WithMockUser(username = "risk", roles = "RISK_MANAGER")
class SupplierSearchTest {

    @Autowired
    SupplierService suppliers;

    @Autowired
    SupplierRepository repository;

    @Autowired
    DSLContext dsl;

    String marker;

    @BeforeEach
    void createSuppliers() {
        marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        suppliers.createAll(List.of(
                form("2180301021007", marker + "-A", "株式会社アシスト" + marker),
                form(null, marker + "-1", "株式会社東京ミナト電装サービス"),
                form(null, marker + "-2", "ミナト電装サービ株式会社"), // shares 8 characters, not 9
                form(null, marker + "-3", "有限会社ミナト"),
                form(null, marker + "-4", "Pacific Precision Co., Ltd.")));
    }

    private static SupplierForm form(String corporateNumber, String code, String name) {
        return new SupplierForm(corporateNumber, code, name, null, "JP", null, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ミナト", // kana, several suppliers
                "ﾐﾅﾄ", // half-width kana
                "(株)アシスト", // legal form dropped
                "㈱アシスト",
                "ミナト電装サービス", // nine characters: looked up by eight, checked by LIKE
                "東京ミナト電装サービス",
                "ア", // one character
                "精",
                "precision", // Latin, lower-cased
                "PACIFIC",
                "218030102", // 法人番号 prefix
                "2180301021007", // complete 法人番号
                "S-1", // supplier code prefix
                "該当なし", // no match
                "%", // LIKE wildcards are literal
                "_",
                "株式会社" // only a legal form: 法人番号 and code only
            })
    void search_finds_what_the_like_over_every_supplier_finds(String text) {
        List<Long> expected = dsl.select(SUPPLIER.ID)
                .from(SUPPLIER)
                .where(likeSemantics(text))
                .orderBy(SUPPLIER.ID)
                .fetch(SUPPLIER.ID);

        List<Long> found = suppliers.list(new SupplierFilter(text), null, 0, 1000).stream()
                .map(SupplierListItem::id)
                .sorted()
                .toList();

        assertThat(found).as(text).isEqualTo(expected);
        assertThat(suppliers.count(new SupplierFilter(text))).as(text).isEqualTo(ResultCount.exactly(expected.size()));
    }

    /** The search as it was before the fragments (one WHERE, a scan), as the reference. */
    private static Condition likeSemantics(String text) {
        String stripped = text.strip();
        String plain = Normalizer.normalize(stripped, Normalizer.Form.NFKC).strip();
        String name = CompanyNames.normalize(stripped);
        if (CorporateNumber.isValid(plain)) {
            return SUPPLIER.CORPORATE_NUMBER
                    .eq(CorporateNumber.parse(plain).value())
                    .or(SUPPLIER.SUPPLIER_CODE.startsWith(plain));
        }
        Condition numberOrCode = SUPPLIER.CORPORATE_NUMBER
                .startsWith(plain.replaceAll("[\\s\\-]", ""))
                .or(SUPPLIER.SUPPLIER_CODE.startsWith(plain));
        return name.isEmpty() ? numberOrCode : numberOrCode.or(SUPPLIER.NAME_NORMALIZED.contains(name));
    }

    @Test
    void a_created_supplier_has_the_fragments_of_its_normalised_name() {
        long id = suppliers.create(form(null, "F-" + marker, "株式会社フラグメント" + marker));

        assertThat(fragmentsOf(id))
                .containsExactlyInAnyOrderElementsOf(TextFragments.of(CompanyNames.normalize("フラグメント" + marker)));
    }

    @Test
    void a_renamed_supplier_is_found_by_its_new_name_and_no_longer_by_the_old() {
        long id = suppliers.create(form(null, "R-" + marker, "株式会社ゼータ旧名" + marker));
        assertThat(idsFound("ゼータ旧名" + marker)).containsExactly(id);

        SupplierDetails before = suppliers.find(id).orElseThrow();
        suppliers.update(id, before.version(), form(null, "R-" + marker, "オメガ新名" + marker + "株式会社"));

        assertThat(idsFound("オメガ新名" + marker)).containsExactly(id);
        assertThat(idsFound("ゼータ旧名" + marker)).isEmpty();
        assertThat(suppliers.count(new SupplierFilter("ゼータ")).value()).isZero();
        assertThat(fragmentsOf(id)).containsExactlyInAnyOrderElementsOf(TextFragments.of("オメガ新名" + marker));
    }

    @Test
    void search_results_in_name_order_follow_a_changed_reading() {
        String token = "zr" + UUID.randomUUID().toString().substring(0, 6); // 8 characters: answered by the fragments
        long first = suppliers.create(reading("K1-" + token, "株式会社甲" + token, "アアア"));
        long second = suppliers.create(reading("K2-" + token, "株式会社乙" + token, "イイイ"));
        SupplierFilter ours = new SupplierFilter(token);
        SupplierSort.Order byName = new SupplierSort.Order(SupplierSort.NAME, true);
        assertThat(suppliers.list(ours, byName, 0, 10))
                .extracting(SupplierListItem::id)
                .containsExactly(first, second);

        SupplierDetails before = suppliers.find(first).orElseThrow();
        suppliers.update(first, before.version(), reading("K1-" + token, "株式会社甲" + token, "ウウウ"));

        assertThat(suppliers.list(ours, byName, 0, 10))
                .extracting(SupplierListItem::id)
                .containsExactly(second, first);
    }

    private static SupplierForm reading(String code, String name, String kana) {
        return new SupplierForm(null, code, name, kana, "JP", null, null, null, null);
    }

    @Test
    void a_deleted_supplier_leaves_no_fragments() {
        long id = suppliers.create(form(null, "D-" + marker, "株式会社消える商事" + marker));
        assertThat(fragmentsOf(id)).isNotEmpty();

        suppliers.delete(id, 0);

        assertThat(fragmentsOf(id)).isEmpty();
        assertThat(idsFound("消える商事")).isEmpty();
    }

    @Test
    void refreshing_restores_fragments_for_many_suppliers_at_once() {
        List<Long> ids = suppliers.list(new SupplierFilter(marker), null, 0, 100).stream()
                .map(SupplierListItem::id)
                .toList();
        assertThat(ids).hasSize(5);
        // as if a bulk import had written the rows without their fragments
        dsl.deleteFrom(SUPPLIER_NAME_FRAGMENT)
                .where(SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID.in(ids))
                .execute();
        assertThat(idsFound("アシスト" + marker)).isEmpty();

        repository.refreshNameFragments(ids);

        assertThat(idsFound("アシスト" + marker)).hasSize(1);
        assertThat(idsFound("ミナト電装")).hasSizeGreaterThanOrEqualTo(2);
    }

    private List<Long> idsFound(String text) {
        return suppliers.list(new SupplierFilter(text), null, 0, 100).stream()
                .map(SupplierListItem::id)
                .toList();
    }

    private List<String> fragmentsOf(long supplierId) {
        return dsl.select(SUPPLIER_NAME_FRAGMENT.FRAGMENT)
                .from(SUPPLIER_NAME_FRAGMENT)
                .where(SUPPLIER_NAME_FRAGMENT.SUPPLIER_ID.eq(supplierId))
                .fetch(SUPPLIER_NAME_FRAGMENT.FRAGMENT);
    }
}
