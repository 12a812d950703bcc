package jp.hoshimi.dataimport;

import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.SupplierContact;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The supplier import's contact columns (issue 19) on real .xlsx files through the set-based path: they
 * create the primary contact of a new supplier, update the primary contact of a known one (a blank cell keeps
 * the stored value), and a bad e-mail or phone is the row's error with its reason. Shares ImportServiceTest's
 * database (imports commit); numbers and codes of its own.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_imports")
class SupplierContactImportTest {

    @Autowired
    ImportService imports;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ContactService contacts;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    private ImportRun run(byte[] file, boolean dryRun) {
        return imports.runToEnd(
                ImportKind.SUPPLIERS, "suppliers.xlsx", new ByteArrayInputStream(file), dryRun, Duration.ofSeconds(60));
    }

    private List<SupplierContact> contactsOf(String corporateNumber) {
        return system.callAsSystem(() -> contacts.contacts(
                suppliers.findByCorporateNumber(corporateNumber).orElseThrow().id()));
    }

    @Test
    @WithUserDetails("procurement")
    void japanese_contact_columns_create_and_then_update_the_primary_contact() {
        String number = ImportServiceTest.corporateNumber("700000000191");
        byte[] first = ImportFixtures.xlsx(
                "取引先",
                false,
                List.of(
                        List.of("法人番号", "取引先名", "担当者名", "部署", "メールアドレス", "電話番号"),
                        List.of(number, "株式会社連絡先テスト", "佐藤 花子", "情報システム部", "sato@renraku.test", "03-1234-5678")));

        ImportRun created = run(first, false);

        assertThat(created.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(contactsOf(number)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("佐藤 花子");
            assertThat(c.department()).isEqualTo("情報システム部");
            assertThat(c.email()).isEqualTo("sato@renraku.test");
            assertThat(c.phone()).isEqualTo("03-1234-5678");
            assertThat(c.primary()).isTrue();
        });

        // a new department and phone; the blank e-mail keeps the stored one
        byte[] second = ImportFixtures.xlsx(
                "Suppliers",
                false,
                List.of(
                        List.of("Corporate number", "Supplier name", "Contact name", "Department", "E-mail", "Phone"),
                        List.of(number, "株式会社連絡先テスト", "佐藤 花子", "調達窓口", "", "+81 3 9876 5432")));
        ImportRun preview = run(second, true);
        assertThat(preview.counts().changed()).isEqualTo(1);
        assertThat(imports.rows(preview.id(), RowOutcome.CHANGED, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.changes())
                        .containsExactlyInAnyOrder(
                                new FieldChange("SUPPLIER_CONTACT_DEPARTMENT", "情報システム部", "調達窓口"),
                                new FieldChange("SUPPLIER_CONTACT_PHONE", "03-1234-5678", "+81 3 9876 5432")));
        assertThat(contactsOf(number).get(0).department()).isEqualTo("情報システム部"); // a preview writes nothing

        ImportRun updated = run(second, false);

        assertThat(updated.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(contactsOf(number)).singleElement().satisfies(c -> {
            assertThat(c.department()).isEqualTo("調達窓口");
            assertThat(c.email()).isEqualTo("sato@renraku.test");
            assertThat(c.phone()).isEqualTo("+81 3 9876 5432");
            assertThat(c.version()).isEqualTo(1);
        });
        assertThat(dsl.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .ENTITY_TYPE
                                .eq(ContactService.AUDIT_TYPE)
                                .and(AUDIT_EVENT.ENTITY_ID.eq(
                                        String.valueOf(contactsOf(number).get(0).id())))))
                .isEqualTo(2);

        assertThat(run(second, true).counts().unchanged()).isEqualTo(1); // the same file again changes nothing
    }

    @Test
    @WithUserDetails("procurement")
    void a_bad_email_or_phone_or_a_department_without_a_name_is_the_rows_error_and_nothing_is_written() {
        String good = ImportServiceTest.corporateNumber("700000000192");
        String badMail = ImportServiceTest.corporateNumber("700000000193");
        String badPhone = ImportServiceTest.corporateNumber("700000000194");
        String noName = ImportServiceTest.corporateNumber("700000000195");
        byte[] file = ImportFixtures.xlsx(
                "取引先",
                false,
                List.of(
                        List.of("法人番号", "取引先名", "担当者名", "部署", "メールアドレス", "電話番号"),
                        List.of(good, "株式会社正常", "田中 一郎", "総務部", "tanaka@ok.test", "03-1111-2222"),
                        List.of(badMail, "株式会社メール誤り", "鈴木 次郎", "", "suzuki at example", ""),
                        List.of(badPhone, "株式会社電話誤り", "高橋 三郎", "", "", "電話してください"),
                        List.of(noName, "株式会社担当者なし", "", "営業部", "", "")));

        ImportRun run = run(file, false);

        assertThat(run.status()).isNotEqualTo(ImportStatus.APPLIED);
        assertThat(run.counts().error()).isEqualTo(3);
        List<ImportRowResult> errors = imports.rows(run.id(), RowOutcome.ERROR, 0, 10);
        assertThat(errors).extracting(ImportRowResult::rowNumber).containsExactly(3, 4, 5);
        assertThat(errors.get(0).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contactEmail", "validation.email"));
        assertThat(errors.get(1).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contactPhone", "contact.phone.invalid"));
        assertThat(errors.get(2).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contactName", "import.contact.nameRequired"));
        assertThat(system.callAsSystem(() -> suppliers.findByCorporateNumber(good)))
                .isEmpty(); // one bad row: nothing applied
    }
}
