package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The import end to end through the service, on real files and a real MariaDB. Imports commit, so this
 * class has a database of its own (the demo data, then whatever its tests import); every test uses
 * numbers and codes of its own.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_imports")
@ExtendWith(OutputCaptureExtension.class)
class ImportServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ImportService imports;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ContractService contracts;

    @Autowired
    SubcontractingService chains;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy contexts;

    @Autowired
    org.springframework.context.MessageSource messages;

    /** A valid 法人番号 for a 12-digit base (NTA check digit). */
    static String corporateNumber(String base12) {
        return jp.hoshimi.shared.CorporateNumber.withCheckDigit(base12);
    }

    private ImportRun run(ImportKind kind, String name, byte[] file, boolean dryRun) {
        return imports.runToEnd(kind, name, new ByteArrayInputStream(file), dryRun, WAIT);
    }

    private SupplierDetails supplier(String corporateNumber) {
        return system.callAsSystem(() -> suppliers.findByCorporateNumber(corporateNumber))
                .orElseThrow();
    }

    private boolean supplierExists(String corporateNumber) {
        return system.callAsSystem(() -> suppliers.findByCorporateNumber(corporateNumber))
                .isPresent();
    }

    @Test
    @WithUserDetails("procurement")
    void a_preview_shows_new_changed_and_unchanged_rows_and_writes_nothing() {
        String fresh = corporateNumber("700000000001");
        byte[] file = ImportFixtures.csv(
                StandardCharsets.UTF_8,
                true,
                "取引先コード,法人番号,取引先名,取引先名カナ",
                "T-0001," + fresh + ",株式会社テスト新規,テストシンキ",
                "S-10002,4120041270230,株式会社ミナト電装 本社,ミナトデンソウ",
                "S-10003,5110072007898,東和樹脂成形株式会社,トウワジュシセイケイ");
        var before = system.callAsSystem(() -> suppliers.count(SupplierFilter.none()));

        ImportRun run = run(ImportKind.SUPPLIERS, "suppliers.csv", file, true);

        assertThat(run.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(run.counts()).isEqualTo(new ImportCounts(3, 1, 1, 1, 0));
        assertThat(run.fileFormat()).isEqualTo("CSV");
        assertThat(run.mapping().headerRow()).isEqualTo(1);
        List<ImportRowResult> changed = imports.rows(run.id(), RowOutcome.CHANGED, 0, 10);
        assertThat(changed).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(3);
            assertThat(row.changes()).containsExactly(new FieldChange("SUPPLIER_NAME", "株式会社ミナト電装", "株式会社ミナト電装 本社"));
        });
        assertThat(system.callAsSystem(() -> suppliers.count(SupplierFilter.none())))
                .isEqualTo(before);
        assertThat(supplierExists(fresh)).isFalse();
        assertThat(supplier("4120041270230").name()).isEqualTo("株式会社ミナト電装");
    }

    @Test
    @WithUserDetails("procurement")
    void applying_writes_every_row_with_its_audit_trail() {
        String fresh = corporateNumber("700000000002");
        byte[] file = ImportFixtures.utf8(
                "Supplier name,Corporate number,Supplier code", "Acme テスト株式会社," + fresh + ",T-0002");

        ImportRun run = run(ImportKind.SUPPLIERS, "suppliers.csv", file, false);

        assertThat(run.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(run.appliedAt()).isNotNull();
        SupplierDetails created = supplier(fresh);
        assertThat(created.name()).isEqualTo("Acme テスト株式会社");
        assertThat(created.supplierCode()).isEqualTo("T-0002");
        assertThat(system.callAsSystem(() -> suppliers.history(created.id())))
                .singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("procurement"));
        assertThat(imports.rows(run.id(), null, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.entityId()).isEqualTo(created.id()));
    }

    /** Checks a file (the preview), then applies it as a second step, as a user does on the screen. */
    private ImportRun preview(ImportKind kind, String name, byte[] file) {
        ImportRun run = run(kind, name, file, true);
        assertThat(run.status()).isEqualTo(ImportStatus.PREVIEWED);
        return run;
    }

    private ImportRun applyPreviewed(ImportRun previewed) {
        assertThat(imports.apply(previewed.id())).isTrue();
        return imports.await(previewed.id(), WAIT);
    }

    @Test
    @WithUserDetails("procurement")
    void an_apply_with_nothing_changed_since_its_check_writes_from_the_checks_classification(CapturedOutput output) {
        String fresh = corporateNumber("700000000501");
        ImportRun previewed = preview(
                ImportKind.SUPPLIERS,
                "reuse.csv",
                ImportFixtures.utf8("取引先名,法人番号,取引先コード", "再利用テスト株式会社," + fresh + ",T-0501"));

        ImportRun applied = applyPreviewed(previewed);

        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(applied.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0));
        SupplierDetails created = supplier(fresh);
        assertThat(imports.rows(applied.id(), null, 0, 10)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(RowOutcome.NEW);
            assertThat(row.entityId()).isEqualTo(created.id());
        });
        assertThat(system.callAsSystem(() -> suppliers.history(created.id()))).hasSize(1);
        assertThat(output.getAll())
                .contains("Import run " + applied.id() + " (SUPPLIERS) applied: 1 new, 0 changed, 0 unchanged, 0"
                        + " errors; the check's classification reused");
    }

    /** Decision 0045: a supplier saved between the check and the apply moves the stamp; the apply sees the save. */
    @Test
    @WithUserDetails("procurement")
    void a_supplier_saved_between_check_and_apply_is_compared_again_and_the_row_is_unchanged(CapturedOutput output) {
        String number = corporateNumber("700000000502");
        system.runAsSystem(() -> suppliers.create(
                new SupplierForm(number, "T-0502", "保存競合株式会社", null, null, "東京都千代田区1-1", null, null, null)));
        ImportRun previewed = preview(
                ImportKind.SUPPLIERS,
                "moved.csv",
                ImportFixtures.utf8("取引先名,法人番号,住所", "保存競合株式会社," + number + ",大阪府大阪市北区2-2"));
        assertThat(previewed.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0));
        SupplierDetails stored = supplier(number);
        SupplierForm form = stored.toForm();
        suppliers.update(
                stored.id(),
                stored.version(),
                new SupplierForm(
                        form.corporateNumber(),
                        form.supplierCode(),
                        form.name(),
                        form.nameKana(),
                        form.country(),
                        "大阪府大阪市北区2-2",
                        form.contactName(),
                        form.contactEmail(),
                        form.notes()));

        ImportRun applied = applyPreviewed(previewed);

        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(applied.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0));
        assertThat(imports.rows(applied.id(), null, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo(RowOutcome.UNCHANGED));
        assertThat(system.callAsSystem(() -> suppliers.history(stored.id()))).hasSize(2);
        assertThat(output.getAll().lines().filter(line -> line.contains("Import run " + applied.id() + " (")))
                .as("the apply classified again")
                .anyMatch(line -> line.contains("applied: 0 new, 0 changed, 1 unchanged"))
                .noneMatch(line -> line.contains("reused"));
    }

    /** Decision 0045: a code taken between the check and the apply is the row's error, as a fresh check finds it. */
    @Test
    @WithUserDetails("procurement")
    void a_code_taken_between_check_and_apply_fails_the_apply_with_the_rows_duplicate_code() {
        String fresh = corporateNumber("700000000503");
        ImportRun previewed = preview(
                ImportKind.SUPPLIERS,
                "taken.csv",
                ImportFixtures.utf8("取引先名,法人番号,取引先コード", "後から株式会社," + fresh + ",T-0503"));
        assertThat(previewed.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0));
        system.runAsSystem(() -> suppliers.create(new SupplierForm(
                corporateNumber("700000000504"), "T-0503", "先に登録株式会社", null, null, null, null, null, null)));

        ImportRun applied = applyPreviewed(previewed);

        assertThat(applied.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(applied.errorCode()).isEqualTo("import.apply.rowErrors");
        assertThat(imports.rows(applied.id(), RowOutcome.ERROR, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.problems())
                        .extracting(p -> p.messageKey())
                        .containsExactly("supplier.duplicate.supplierCode"));
        assertThat(supplierExists(fresh)).isFalse();
    }

    /**
     * Decision 0045 for contracts: a contract saved between the check and the apply to what the file says moves
     * the stamp; the apply classifies again and finds it unchanged (the check's CHANGED is forgotten, not
     * written with the version the check read).
     */
    @Test
    @WithUserDetails("procurement")
    void a_contract_saved_between_check_and_apply_is_compared_again_and_nothing_is_written() {
        String header = "契約番号,件名,取引先コード,組織コード,機密情報の取扱い,停止時の影響大,社内システム接続,要求レベル";
        assertThat(run(
                                ImportKind.CONTRACTS,
                                "first.csv",
                                ImportFixtures.utf8(header, "IMP-STAMP-0001,当初の件名,S-10002,HMC-PUR,いいえ,いいえ,いいえ,★3"),
                                false)
                        .status())
                .isEqualTo(ImportStatus.APPLIED);
        ImportRun previewed = preview(
                ImportKind.CONTRACTS,
                "retitle.csv",
                ImportFixtures.utf8(header, "IMP-STAMP-0001,改めた件名,S-10002,HMC-PUR,いいえ,いいえ,いいえ,★3"));
        assertThat(previewed.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0));
        ContractDetails stored = contracts.findByNumber("IMP-STAMP-0001").orElseThrow();
        ContractForm form = stored.toForm();
        contracts.update(
                stored.id(),
                stored.version(),
                new ContractForm(
                        form.contractNumber(),
                        "改めた件名",
                        form.supplierId(),
                        form.orgUnitId(),
                        form.ownerUserId(),
                        form.startDate(),
                        form.endDate(),
                        form.decisionChart(),
                        form.requiredLevel(),
                        form.levelReason()));

        ImportRun applied = applyPreviewed(previewed);

        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(applied.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0));
        assertThat(imports.rows(applied.id(), null, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo(RowOutcome.UNCHANGED));
        assertThat(contracts.findByNumber("IMP-STAMP-0001").orElseThrow().version())
                .isEqualTo(stored.version() + 1);
    }

    @Test
    @WithUserDetails("procurement")
    void an_error_in_the_last_row_means_nothing_is_applied() {
        String first = corporateNumber("700000000003");
        String second = corporateNumber("700000000004");
        byte[] file =
                ImportFixtures.utf8("取引先名,法人番号", "最初の株式会社," + first, "二番目の株式会社," + second, "三番目の株式会社,1234567890123");

        ImportRun run = run(ImportKind.SUPPLIERS, "broken.csv", file, false);

        assertThat(run.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(run.counts().error()).isEqualTo(1);
        assertThat(run.canApply()).isFalse();
        assertThat(imports.apply(run.id())).isFalse();
        assertThat(supplierExists(first)).isFalse();
        assertThat(supplierExists(second)).isFalse();
        assertThat(imports.rows(run.id(), RowOutcome.ERROR, 0, 10))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.rowNumber()).isEqualTo(4);
                    assertThat(row.problems()).extracting(p -> p.field()).containsExactly("corporateNumber");
                });
    }

    @Test
    @WithUserDetails("procurement")
    void repeated_rows_are_counted_once_and_conflicting_ones_are_errors() {
        String same = corporateNumber("700000000005");
        String clash = corporateNumber("700000000006");
        byte[] file = ImportFixtures.utf8(
                "取引先名,法人番号", "同じ株式会社," + same, "同じ株式会社," + same, "食い違い株式会社," + clash, "食い違い有限会社," + clash);

        ImportRun run = run(ImportKind.SUPPLIERS, "duplicates.csv", file, true);

        assertThat(run.counts()).isEqualTo(new ImportCounts(4, 2, 0, 1, 1));
        assertThat(imports.rows(run.id(), RowOutcome.UNCHANGED, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.problems().get(0).messageKey()).isEqualTo("import.row.sameAsRow"));
        assertThat(imports.rows(run.id(), RowOutcome.ERROR, 0, 10))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.rowNumber()).isEqualTo(5);
                    assertThat(row.problems().get(0).arguments()).containsExactly(4, clash);
                });
    }

    @Test
    @WithUserDetails("procurement")
    void a_code_an_earlier_row_gives_another_supplier_is_a_duplicate_code_and_a_repeat_of_that_row_is_not() {
        String first = corporateNumber("700000000011");
        String second = corporateNumber("700000000012");
        String third = corporateNumber("700000000013");
        byte[] file = ImportFixtures.utf8(
                "取引先名,法人番号,取引先コード",
                "最初の株式会社," + first + ",DUP-CODE-1",
                "二番目の株式会社," + second + ",DUP-CODE-1",
                "最初の株式会社," + first + ",DUP-CODE-1",
                "三番目の株式会社," + third + ",OTHER-CODE-1",
                "三番目の株式会社," + third + ",OTHER-CODE-1");

        ImportRun run = run(ImportKind.SUPPLIERS, "duplicate-codes.csv", file, true);

        assertThat(run.counts()).isEqualTo(new ImportCounts(5, 2, 0, 2, 1));
        assertThat(imports.rows(run.id(), RowOutcome.ERROR, 0, 10))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.rowNumber()).isEqualTo(3);
                    assertThat(row.problems().get(0).messageKey()).isEqualTo("supplier.duplicate.supplierCode");
                    assertThat(row.problems().get(0).arguments()).containsExactly("DUP-CODE-1", "最初の株式会社");
                });
        assertThat(imports.rows(run.id(), RowOutcome.UNCHANGED, 0, 10))
                .extracting(row -> row.rowNumber(), row -> row.problems().get(0).arguments())
                .containsExactly(tuple(4, List.of(2)), tuple(6, List.of(5)));
    }

    @Test
    @WithUserDetails("procurement")
    void japanese_excel_csv_in_windows31j_keeps_every_character() {
        String number = corporateNumber("700000000007");
        byte[] file = ImportFixtures.csv(
                Charset.forName("windows-31j"),
                false,
                "取引先名,法人番号,フリガナ,備考",
                "㈱髙島屋工業①～," + number + ",ﾀｶｼﾏﾔｺｳｷﾞｮｳ,第①工場～第②工場");

        ImportRun run = run(ImportKind.SUPPLIERS, "sjis.csv", file, false);

        assertThat(run.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(run.fileDetails()).contains("windows-31j");
        SupplierDetails created = supplier(number);
        assertThat(created.name()).isEqualTo("㈱髙島屋工業①～");
        // half-width kana are stored full-width (issue 13); ㈱, ① and ～ stay as written
        assertThat(created.nameKana()).isEqualTo("タカシマヤコウギョウ");
        assertThat(created.notes()).isEqualTo("第①工場～第②工場");
        // stored for matching: searching the normalised name finds it
        assertThat(system.callAsSystem(
                        () -> suppliers.list(new SupplierFilter("髙島屋工業", SupplierFilter.Quick.ALL), null, 0, 10)))
                .extracting(s -> s.id())
                .contains(created.id());
    }

    @Test
    @WithUserDetails("risk")
    void contracts_from_a_workbook_in_1904_date_system_keep_exact_dates_and_the_chart_suggestion() {
        byte[] file = ImportFixtures.xlsx(
                "契約",
                true,
                List.of(
                        List.of("契約一覧（2026年11月）"),
                        List.of(),
                        List.of("契約番号", "件名", "取引先コード", "組織コード", "開始日", "終了日", "機密情報の取扱い", "停止時の影響大", "社内システム接続"),
                        List.of(
                                "IMP-1904-0001",
                                "金型保守契約",
                                "S-10003",
                                "HMC-PUR",
                                LocalDate.of(2026, 4, 1),
                                LocalDate.of(2027, 3, 31),
                                "いいえ",
                                "はい",
                                "いいえ"),
                        List.of(
                                "IMP-1904-0002",
                                "梱包資材供給",
                                "S-10004",
                                "HMC-LOG",
                                LocalDate.of(2026, 4, 1),
                                LocalDate.of(2028, 2, 29),
                                "いいえ",
                                "いいえ",
                                "いいえ")));

        ImportRun run = run(ImportKind.CONTRACTS, "contracts.xlsx", file, false);

        assertThat(run.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(run.mapping().headerRow()).isEqualTo(3);
        ContractDetails first = contracts.findByNumber("IMP-1904-0001").orElseThrow();
        assertThat(first.endDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(first.startDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(first.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        ContractDetails second = contracts.findByNumber("IMP-1904-0002").orElseThrow();
        assertThat(second.endDate()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(second.requiredLevel()).isEqualTo(RequiredLevel.STAR3);
    }

    @Test
    @WithUserDetails("procurement")
    void an_imported_level_below_the_suggestion_waits_for_a_second_risk_manager() {
        byte[] file = ImportFixtures.utf8(
                "契約番号,件名,取引先コード,組織コード,機密情報の取扱い,停止時の影響大,社内システム接続,要求レベル,レベルの理由",
                "IMP-LVL-0001,レベル判断の取り込み,S-10002,HMC-PUR,はい,いいえ,いいえ,★3,閲覧のみで機密情報は持ち出されないため。");

        ImportRun run = run(ImportKind.CONTRACTS, "levels.csv", file, false);

        assertThat(run.status()).isEqualTo(ImportStatus.APPLIED);
        ContractDetails imported = contracts.findByNumber("IMP-LVL-0001").orElseThrow();
        assertThat(imported.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        assertThat(imported.pendingLevelDecision().requestedLevel()).isEqualTo(RequiredLevel.STAR3);
        assertThat(imported.pendingLevelDecision().requestedBy()).isEqualTo("procurement");
        assertThat(imported.pendingLevelDecision().reason()).isEqualTo("閲覧のみで機密情報は持ち出されないため。");
    }

    @Test
    @WithUserDetails("procurement")
    void a_procurement_user_cannot_import_contracts_into_another_companys_unit() {
        byte[] file = ImportFixtures.utf8(
                "契約番号,件名,取引先コード,組織コード,機密情報の取扱い,停止時の影響大,社内システム接続", "IMP-SCOPE-0001,他社の契約,S-10003,HSK-PUR,いいえ,いいえ,いいえ");

        ImportRun run = run(ImportKind.CONTRACTS, "scope.csv", file, false);

        assertThat(run.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(imports.rows(run.id(), RowOutcome.ERROR, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.problems())
                        .extracting(p -> p.messageKey())
                        .contains("contract.orgUnit.outOfScope"));
        assertThat(system.callAsSystem(() -> contracts.findByNumber("IMP-SCOPE-0001")))
                .isEmpty();
    }

    @Test
    @WithUserDetails("risk")
    void subcontractor_links_build_a_chain_and_a_cycle_is_refused() {
        byte[] file = ImportFixtures.utf8(
                "契約番号,委託元取引先コード,再委託先取引先コード,機密情報が渡る,システム接続あり,備考",
                "HMC-2026-0003,,S-10020,はい,いいえ,設計データの保管",
                "HMC-2026-0003,S-10020,S-10021,いいえ,はい,保守");
        ImportRun run = run(ImportKind.SUBCONTRACTING, "links.csv", file, false);
        assertThat(run.status()).isEqualTo(ImportStatus.APPLIED);
        long contractId = contracts.findByNumber("HMC-2026-0003").orElseThrow().id();
        List<ChainLink> chain = chains.chain(contractId);
        assertThat(chain).anySatisfy(link -> {
            assertThat(link.childName()).isNotBlank();
            assertThat(link.systemAccess()).isTrue();
            assertThat(link.note()).isEqualTo("保守");
        });

        byte[] cycle = ImportFixtures.utf8("契約番号,委託元取引先コード,再委託先取引先コード", "HMC-2026-0003,S-10021,S-10020");
        ImportRun refused = run(ImportKind.SUBCONTRACTING, "cycle.csv", cycle, false);
        assertThat(refused.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(imports.rows(refused.id(), RowOutcome.ERROR, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.problems().get(0).messageKey()).isEqualTo("chain.cycle"));
        assertThat(chains.chain(contractId)).hasSameSizeAs(chain);
    }

    @Test
    @WithUserDetails("risk")
    void the_business_critical_answer_round_trips_in_japanese_and_english_and_a_blank_stays_not_answered() {
        // HMC-2026-0012: ★4. S-10031 answered yes, S-10034 left blank (not answered, never "no")
        byte[] japanese = ImportFixtures.utf8(
                "契約番号,委託元取引先コード,再委託先取引先コード,機密情報が渡る,システム接続あり,停止で業務に遅延",
                "HMC-2026-0012,,S-10031,いいえ,いいえ,はい",
                "HMC-2026-0012,,S-10034,いいえ,いいえ,");
        assertThat(run(ImportKind.SUBCONTRACTING, "links-ja.csv", japanese, false)
                        .status())
                .isEqualTo(ImportStatus.APPLIED);
        long contractId = contracts.findByNumber("HMC-2026-0012").orElseThrow().id();
        ChainLink critical = linkOf(contractId, "S-10031");
        assertThat(critical.businessCritical()).isTrue();
        assertThat(critical.requiredLevel()).isEqualTo(RequiredLevel.STAR4);
        ChainLink unanswered = linkOf(contractId, "S-10034");
        assertThat(unanswered.businessCritical()).isNull();
        assertThat(unanswered.requiredLevel()).isEqualTo(RequiredLevel.STAR3);

        // English headers, no flow columns at all: the answer changes, nothing else does
        byte[] english = ImportFixtures.utf8(
                "contract number,child,business critical", "HMC-2026-0012,S-10034,no", "HMC-2026-0012,S-10031,");
        ImportRun second = run(ImportKind.SUBCONTRACTING, "links-en.csv", english, false);
        assertThat(second.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(imports.rows(second.id(), RowOutcome.CHANGED, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.changes())
                        .singleElement()
                        .satisfies(change -> assertThat(change.field()).isEqualTo("LINK_BUSINESS_CRITICAL")));
        assertThat(linkOf(contractId, "S-10034").businessCritical()).isFalse();
        assertThat(linkOf(contractId, "S-10031").businessCritical())
                .as("a blank cell keeps the answer")
                .isTrue();
    }

    @Test
    @WithUserDetails("risk")
    void blank_answer_cells_leave_a_new_link_not_answered_and_an_existing_link_unchanged() {
        // HMC-2026-0013: ★3, no demo chain. Q1/Q3 blank = not answered (decision 0015), in either language
        byte[] english = ImportFixtures.utf8(
                "contract number,child,confidential data,system access,business critical",
                "HMC-2026-0013,S-10031,,yes,",
                "HMC-2026-0013,S-10034,No,,");
        assertThat(run(ImportKind.SUBCONTRACTING, "links-blank-en.csv", english, false)
                        .status())
                .isEqualTo(ImportStatus.APPLIED);
        long contractId = contracts.findByNumber("HMC-2026-0013").orElseThrow().id();
        ChainLink forging = linkOf(contractId, "S-10031");
        assertThat(forging.answers()).isEqualTo(new jp.hoshimi.shared.LinkAnswers(null, null, true));
        ChainLink second = linkOf(contractId, "S-10034");
        assertThat(second.answers()).isEqualTo(new jp.hoshimi.shared.LinkAnswers(false, null, null));
        assertThat(second.answers().incomplete()).isTrue();

        // Japanese headers: blank cells keep the stored answers, an answered cell fills the gap
        byte[] japanese = ImportFixtures.utf8(
                "契約番号,再委託先取引先コード,機密情報が渡る,システム接続あり,停止で業務に遅延", "HMC-2026-0013,S-10031,,,", "HMC-2026-0013,S-10034,,いいえ,");
        ImportRun again = run(ImportKind.SUBCONTRACTING, "links-blank-ja.csv", japanese, false);
        assertThat(again.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(imports.rows(again.id(), RowOutcome.UNCHANGED, 0, 10)).hasSize(1);
        assertThat(imports.rows(again.id(), RowOutcome.CHANGED, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.changes())
                        .singleElement()
                        .satisfies(change -> assertThat(change.field()).isEqualTo("LINK_SYSTEM_ACCESS")));
        assertThat(linkOf(contractId, "S-10031").answers()).isEqualTo(forging.answers());
        assertThat(linkOf(contractId, "S-10034").answers())
                .isEqualTo(new jp.hoshimi.shared.LinkAnswers(false, null, false));
    }

    private ChainLink linkOf(long contractId, String childCode) {
        long child = system.callAsSystem(() -> suppliers.findByCode(childCode))
                .orElseThrow()
                .id();
        return chains.chain(contractId).stream()
                .filter(l -> l.childSupplierId() == child)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails("procurement")
    void unknown_headers_ask_for_columns_and_a_saved_mapping_is_used_next_time() {
        String number = corporateNumber("700000000008");
        byte[] file = ImportFixtures.utf8("社名コード,ナンバー,会社の名前", "X-1," + number + ",マッピング株式会社");

        ImportRun first = run(ImportKind.SUPPLIERS, "odd-headers.csv", file, true);
        assertThat(first.status()).isEqualTo(ImportStatus.NEEDS_MAPPING);
        assertThat(first.errorArgs()).containsExactly("SUPPLIER_NAME");

        imports.remap(
                first.id(),
                Map.of(
                        ImportField.SUPPLIER_NAME,
                        2,
                        ImportField.SUPPLIER_CORPORATE_NUMBER,
                        1,
                        ImportField.SUPPLIER_CODE,
                        0),
                "ERP export");
        ImportRun remapped = awaitEnd(first.id());
        assertThat(remapped.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(remapped.counts().added()).isEqualTo(1);

        ImportRun second = run(ImportKind.SUPPLIERS, "odd-headers-again.csv", file, true);
        assertThat(second.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(second.mapping().column(ImportField.SUPPLIER_NAME)).contains(2);
        assertThat(imports.savedMappingName(second.id())).contains("ERP export");
    }

    @Test
    @WithUserDetails("procurement")
    void the_error_report_lists_each_failed_row_with_its_reason() throws Exception {
        byte[] withBadNumber =
                ImportFixtures.utf8("取引先名,法人番号", "良い株式会社," + corporateNumber("700000000009"), "悪い株式会社,12345");
        ImportRun run = run(ImportKind.SUPPLIERS, "report.csv", withBadNumber, true);

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        imports.writeErrorReport(run.id(), Locale.JAPANESE, report);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            var line = sheet.getRow(3);
            assertThat(line.getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(line.getCell(2).getStringCellValue()).isEqualTo("B: 法人番号");
            assertThat(line.getCell(3).getStringCellValue()).contains("13");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    @WithUserDetails("procurement")
    void refused_files_are_recorded_with_a_reason_and_never_write_anything() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportRun run = run(ImportKind.SUPPLIERS, "suppliers.xlsx", pdf, false);
        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.errorCode()).isEqualTo("import.rejected.not-a-spreadsheet");
    }

    @Test
    @WithUserDetails("procurement")
    void a_sheet_with_twenty_thousand_header_columns_is_refused_with_the_plain_limit() {
        // as the hostile file of issue 15 (a CSV: .xlsx stops at 16,384 columns)
        StringBuilder header = new StringBuilder("取引先名,法人番号");
        for (int c = 2; c < 20_000; c++) {
            header.append(",列").append(c);
        }
        byte[] file = ImportFixtures.utf8(header.toString(), "幅広株式会社,");

        ImportRun run = run(ImportKind.SUPPLIERS, "wide.csv", file, true);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.errorCode()).isEqualTo("import.rejected.too-many-columns");
        assertThat(run.errorArgs()).containsExactly(1, 200);
        Object[] args = run.errorArgs().toArray();
        assertThat(messages.getMessage(run.errorCode(), args, Locale.ENGLISH))
                .contains("Row 1 has more than 200 columns");
        assertThat(messages.getMessage(run.errorCode(), args, Locale.JAPANESE)).contains("1 行目の列数が上限の 200 列を超えています");
    }

    @Test
    @WithUserDetails("auditor")
    void an_auditor_may_look_but_not_import() {
        assertThatThrownBy(() -> run(ImportKind.SUPPLIERS, "x.csv", ImportFixtures.utf8("取引先名", "X"), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(imports.countRuns()).isGreaterThanOrEqualTo(0);
    }

    @Test
    @WithUserDetails("procurement")
    void another_procurement_user_cannot_see_or_apply_someone_elses_run() {
        ImportRun mine = run(ImportKind.SUPPLIERS, "mine.csv", ImportFixtures.utf8("取引先名", "私の株式会社"), true);

        actAs("procurement2");

        assertThatThrownBy(() -> imports.run(mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.apply(mine.id())).isInstanceOf(NotFoundException.class);
        assertThat(imports.runs(0, 1000)).noneMatch(r -> r.id() == mine.id());
    }

    /**
     * Through the app's security-context strategy (as UserAdministrationTest does): the static holder's
     * strategy is replaced when another test context starts in the same JVM, and the service would not see it.
     */
    private void actAs(String username) {
        UserDetails user = userDetails.loadUserByUsername(username);
        contexts.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    @WithUserDetails("risk")
    void the_sample_files_import_cleanly_in_order() throws Exception {
        ImportRun suppliersRun =
                run(ImportKind.SUPPLIERS, "import-suppliers-sjis.csv", sample("import-suppliers-sjis.csv"), false);
        assertThat(suppliersRun.status())
                .as(() ->
                        imports.rows(suppliersRun.id(), RowOutcome.ERROR, 0, 10).toString())
                .isEqualTo(ImportStatus.APPLIED);
        assertThat(suppliersRun.counts()).isEqualTo(new ImportCounts(7, 6, 1, 0, 0));
        assertThat(imports.rows(suppliersRun.id(), RowOutcome.CHANGED, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.changes())
                        .extracting(FieldChange::field)
                        .containsExactlyInAnyOrder("SUPPLIER_ADDRESS", "SUPPLIER_NOTES"));

        ImportRun contractsRun =
                run(ImportKind.CONTRACTS, "import-contracts.csv", sample("import-contracts.csv"), false);
        assertThat(contractsRun.status())
                .as(() ->
                        imports.rows(contractsRun.id(), RowOutcome.ERROR, 0, 10).toString())
                .isEqualTo(ImportStatus.APPLIED);
        assertThat(contractsRun.counts()).isEqualTo(new ImportCounts(5, 5, 0, 0, 0));
        assertThat(contracts.findByNumber("HMC-2027-0003").orElseThrow().requiredLevel())
                .isEqualTo(RequiredLevel.STAR4);

        ImportRun linksRun =
                run(ImportKind.SUBCONTRACTING, "import-subcontracting.csv", sample("import-subcontracting.csv"), false);
        assertThat(linksRun.status())
                .as(() -> imports.rows(linksRun.id(), RowOutcome.ERROR, 0, 10).toString())
                .isEqualTo(ImportStatus.APPLIED);
        assertThat(linksRun.counts()).isEqualTo(new ImportCounts(4, 4, 0, 0, 0));
        assertThat(chains.chain(
                        contracts.findByNumber("HMC-2027-0003").orElseThrow().id()))
                .hasSize(2);

        // the same files again change nothing
        ImportRun again =
                run(ImportKind.SUPPLIERS, "import-suppliers-sjis.csv", sample("import-suppliers-sjis.csv"), true);
        assertThat(again.counts()).isEqualTo(new ImportCounts(7, 0, 0, 7, 0));
    }

    private static byte[] sample(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("sample-data", name));
    }

    private ImportRun awaitEnd(long runId) {
        return imports.await(runId, WAIT);
    }
}
