package jp.hoshimi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
@WithMockUser(username = "risk", roles = "RISK_MANAGER")
class SupplierEditingTest {

    @Autowired
    SupplierService suppliers;

    private static SupplierForm form(String corporateNumber, String code, String name) {
        return new SupplierForm(corporateNumber, code, name, null, "JP", null, null, null, null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_created_supplier_is_stored_in_canonical_form_and_audited() {
        long id = suppliers.create(new SupplierForm(
                "２１８０３０１０２１００７",
                "C-" + unique(),
                "  株式会社テスト精機 ",
                "テストセイキ",
                "jp",
                null,
                "山田",
                "yamada@example.jp",
                null));

        SupplierDetails saved = suppliers.find(id).orElseThrow();
        assertThat(saved.corporateNumber()).isEqualTo("2180301021007");
        assertThat(saved.name()).isEqualTo("株式会社テスト精機");
        assertThat(saved.country()).isEqualTo("JP");
        assertThat(saved.version()).isZero();

        List<AuditEntry> history = suppliers.history(id);
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
            assertThat(entry.actor()).isEqualTo("risk");
            assertThat(entry.beforeJson()).isNull();
            assertThat(entry.afterJson()).contains("株式会社テスト精機").contains("2180301021007");
        });
    }

    @Test
    void every_problem_of_a_form_is_reported_at_once_and_nothing_is_written() {
        int before = suppliers.count(SupplierFilter.none()).value();

        assertThatThrownBy(() -> suppliers.create(
                        new SupplierForm("2180301021008", null, " ", null, "Japan", null, null, "not-an-email", null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::messageKey)
                                .containsExactlyInAnyOrder(
                                        org.assertj.core.groups.Tuple.tuple("name", "validation.required"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "corporateNumber", "corporateNumber.invalid.wrong_check_digit"),
                                        org.assertj.core.groups.Tuple.tuple("country", "validation.country"),
                                        org.assertj.core.groups.Tuple.tuple("contactEmail", "validation.email")));
        assertThat(suppliers.count(SupplierFilter.none()).value()).isEqualTo(before);
    }

    @Test
    void a_duplicate_corporate_number_names_the_supplier_that_has_it() {
        long existing = suppliers.create(form("4011001098993", null, "株式会社先に登録"));

        assertThatThrownBy(() -> suppliers.create(form("4011001098993", null, "株式会社あとから")))
                .isInstanceOfSatisfying(DuplicateSupplierException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(existing);
                    assertThat(e.problems().get(0).arguments()).containsExactly("4011001098993", "株式会社先に登録");
                });
    }

    @Test
    void a_duplicate_supplier_code_is_refused_but_the_supplier_may_keep_its_own() {
        String code = "DUP-" + unique();
        long id = suppliers.create(form(null, code, "株式会社コード一"));

        assertThatThrownBy(() -> suppliers.create(form(null, code, "株式会社コード二")))
                .isInstanceOf(DuplicateSupplierException.class)
                .hasMessageContaining("supplierCode");
        suppliers.update(id, 0, form(null, code, "株式会社コード一（改称）"));
        assertThat(suppliers.find(id).orElseThrow().name()).isEqualTo("株式会社コード一（改称）");
    }

    @Test
    void a_save_based_on_a_stale_version_is_refused_and_keeps_the_other_change() {
        long id = suppliers.create(form(null, "V-" + unique(), "株式会社版数"));
        SupplierDetails readByAlice = suppliers.find(id).orElseThrow();
        SupplierDetails readByBob = suppliers.find(id).orElseThrow();

        suppliers.update(id, readByAlice.version(), form(null, readByAlice.supplierCode(), "株式会社アリス更新"));

        assertThatThrownBy(() ->
                        suppliers.update(id, readByBob.version(), form(null, readByBob.supplierCode(), "株式会社ボブ更新")))
                .isInstanceOf(ConcurrentEditException.class);
        SupplierDetails now = suppliers.find(id).orElseThrow();
        assertThat(now.name()).isEqualTo("株式会社アリス更新");
        assertThat(now.version()).isEqualTo(1);
        assertThat(suppliers.history(id))
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    }

    @Test
    void deleting_checks_the_version_and_is_audited() {
        long id = suppliers.create(form(null, "D-" + unique(), "株式会社削除予定"));

        assertThatThrownBy(() -> suppliers.delete(id, 7)).isInstanceOf(ConcurrentEditException.class);
        suppliers.delete(id, 0);

        assertThat(suppliers.find(id)).isEmpty();
        assertThat(suppliers.history(id).get(0).action()).isEqualTo(AuditAction.DELETE);
    }

    @Test
    @WithMockUser(roles = "PROCUREMENT")
    void procurement_may_edit_but_not_delete_suppliers() {
        long id = suppliers.create(form(null, "P-" + unique(), "株式会社調達作成"));
        suppliers.update(id, 0, form(null, null, "株式会社調達更新"));

        assertThatThrownBy(() -> suppliers.delete(id, 1)).isInstanceOf(AccessDeniedException.class);
    }
}
