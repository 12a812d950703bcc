package jp.hoshimi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

/** Paging, sorting and filtering happen in SQL against the real MariaDB. Each test rolls back. */
@SpringBootTest
@Transactional
@WithMockUser(roles = "PROCUREMENT")
class SupplierServiceTest {

    @Autowired
    SupplierService suppliers;

    /** A marker in every name of this test's rows, so demo data does not disturb the counts. */
    String marker;

    @BeforeEach
    void createSuppliers() {
        marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        List<SupplierForm> rows = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            rows.add(new SupplierForm(
                    null,
                    marker + "-" + String.format("%03d", i),
                    "株式会社" + marker + " 工業" + String.format("%02d", i),
                    null,
                    "JP",
                    null,
                    null,
                    null,
                    null));
        }
        rows.add(new SupplierForm(
                "2180301021007", "A-" + marker, "株式会社アシスト" + marker, "アシスト", "JP", null, null, null, null));
        assertThat(suppliers.createAll(rows)).isEqualTo(26);
    }

    @Test
    void pages_do_not_overlap_and_cover_every_row() {
        SupplierFilter filter = new SupplierFilter(marker);
        SupplierSort.Order byCode = new SupplierSort.Order(SupplierSort.SUPPLIER_CODE, true);
        List<SupplierListItem> first = suppliers.list(filter, byCode, 0, 10);
        List<SupplierListItem> second = suppliers.list(filter, byCode, 10, 10);
        List<SupplierListItem> third = suppliers.list(filter, byCode, 20, 10);

        assertThat(first).hasSize(10);
        assertThat(second).hasSize(10);
        assertThat(third).hasSize(6);
        assertThat(suppliers.count(filter)).isEqualTo(ResultCount.exactly(26));
        List<Long> ids = new ArrayList<>();
        List.of(first, second, third).forEach(page -> page.forEach(item -> ids.add(item.id())));
        assertThat(ids).doesNotHaveDuplicates().hasSize(26);
    }

    @Test
    void sorting_follows_the_chosen_column_and_direction() {
        SupplierFilter filter = new SupplierFilter(marker);
        List<String> ascending =
                suppliers.list(filter, new SupplierSort.Order(SupplierSort.SUPPLIER_CODE, true), 0, 3).stream()
                        .map(SupplierListItem::supplierCode)
                        .toList();
        List<String> descending =
                suppliers.list(filter, new SupplierSort.Order(SupplierSort.SUPPLIER_CODE, false), 0, 3).stream()
                        .map(SupplierListItem::supplierCode)
                        .toList();

        assertThat(ascending).containsExactly("A-" + marker, marker + "-001", marker + "-002");
        assertThat(descending).containsExactly(marker + "-025", marker + "-024", marker + "-023");
    }

    @Test
    void sorting_by_name_uses_the_kana_reading() {
        List<SupplierListItem> byName =
                suppliers.list(new SupplierFilter(marker), new SupplierSort.Order(SupplierSort.NAME, true), 0, 30);
        // "アシスト" (katakana reading) sorts after the latin-lettered names, which have no reading
        assertThat(byName.get(byName.size() - 1).name()).startsWith("株式会社アシスト");
        assertThat(byName.get(0).name()).endsWith("工業01");
    }

    @Test
    void name_search_ignores_width_and_legal_form() {
        for (String query : List.of("ｱｼｽﾄ" + marker, "(株)アシスト" + marker, "㈱アシスト" + marker, "アシスト" + marker)) {
            assertThat(suppliers.list(new SupplierFilter(query), null, 0, 10))
                    .as(query)
                    .extracting(SupplierListItem::name)
                    .containsExactly("株式会社アシスト" + marker);
        }
    }

    @Test
    void search_finds_by_corporate_number_prefix_and_by_code_prefix() {
        assertThat(suppliers.list(new SupplierFilter("218030102"), null, 0, 10))
                .extracting(SupplierListItem::corporateNumber)
                .containsExactly("2180301021007");
        assertThat(suppliers.list(new SupplierFilter("２１８０３０１０２１００７"), null, 0, 10))
                .hasSize(1);
        assertThat(suppliers.list(new SupplierFilter(marker + "-01"), null, 0, 50))
                .extracting(SupplierListItem::supplierCode)
                .containsExactlyInAnyOrder(
                        marker + "-010",
                        marker + "-011",
                        marker + "-012",
                        marker + "-013",
                        marker + "-014",
                        marker + "-015",
                        marker + "-016",
                        marker + "-017",
                        marker + "-018",
                        marker + "-019");
    }

    @Test
    void like_wildcards_in_the_search_are_taken_literally() {
        assertThat(suppliers.count(new SupplierFilter("%")).value()).isZero();
        assertThat(suppliers.count(new SupplierFilter("_")).value()).isZero();
    }

    @Test
    void an_invalid_corporate_number_is_refused_and_nothing_is_written() {
        List<SupplierForm> rows = List.of(
                new SupplierForm(null, null, "株式会社" + marker + "正常", null, null, null, null, null, null),
                new SupplierForm("2180301021008", null, "株式会社" + marker + "誤り", null, null, null, null, null, null));
        int before = suppliers.count(new SupplierFilter(marker)).value();

        assertThatThrownBy(() -> suppliers.createAll(rows)).isInstanceOf(ValidationException.class);
        assertThat(suppliers.count(new SupplierFilter(marker)).value()).isEqualTo(before);
    }
}
