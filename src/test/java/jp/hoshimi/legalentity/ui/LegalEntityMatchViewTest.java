package jp.hoshimi.legalentity.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.alert.AlertMessages;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.alert.Notification;
import jp.hoshimi.legalentity.LegalEntityCandidate;
import jp.hoshimi.legalentity.LegalEntityMatchService;
import jp.hoshimi.legalentity.LegalEntityMatchService.Acceptance;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.UnnumberedSupplier;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 21, the NTA data where users work: candidates in the supplier editor, the bulk screen of suppliers
 * without 法人番号 (scope, audit), the successor replacement, rename and move alerts, the indexed and paged search.
 */
class LegalEntityMatchViewTest extends KaribuTest {

    static final Path SAMPLES = Path.of("sample-data/nta");
    static final String MERGED = "3340095277778";
    static final String SUCCESSOR = "6900000000011";
    static final String RENAMED = "9340034881412";
    static final String YAMADA = "7900000000101";
    static final String ASAHI = "9340004345794"; // S-10008: contracts of procurement, procurement2 and risk
    static final String WAKABA = "7110043387112"; // S-10017: only in the chain of a contract of procurement
    static final String TECHNO = "4120091464070"; // S-10012: only on contracts of procurement2

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SystemAuthentication system;

    @Autowired
    LegalEntityService legalEntities;

    @Autowired
    LegalEntityMatchService match;

    @Autowired
    SupplierService suppliers;

    @Autowired
    AlertService alerts;

    @Autowired
    AlertMessages messages;

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void noNtaData() {
        dsl.execute("UPDATE legal_entity_name_index SET pending = FALSE, built_through = NULL, built = 0, total = 0");
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute(
                "UPDATE supplier SET corporate_number = NULL, version = version + 1 WHERE supplier_code = 'S-10056'");
        dsl.execute(
                "UPDATE supplier SET corporate_number = ?, version = version + 1 WHERE supplier_code = 'S-10015'",
                MERGED);
        dsl.execute("DELETE FROM supplier WHERE supplier_code = 'T-NOSCOPE'");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_run");
        Set<Long> all = new HashSet<>(dsl.fetch("SELECT id FROM supplier").getValues(0, Long.class));
        events.publishEvent(new MasterDataChangedEvent(all, Set.of()));
    }

    @Test
    void the_editor_offers_candidates_for_an_empty_number_and_fills_the_field_only_after_confirmation() {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        signInAs(Locale.ENGLISH, Role.PROCUREMENT);
        UI.getCurrent().navigate("suppliers/" + supplierId("S-10056"));
        _get(Button.class, spec -> spec.withId("supplier-edit")).click();
        NumberSuggestions suggestions = _get(NumberSuggestions.class);
        assertThat(suggestions.isVisible()).isTrue();
        assertThat(suggestions.shown())
                .extracting(c -> c.entity().corporateNumber())
                .startsWith(YAMADA);
        _get(Button.class, spec -> spec.withId("use-" + YAMADA)).click();
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("use-number-confirm"));
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._getText(confirm))
                .contains(YAMADA)
                .contains("Save the supplier to keep it");
        assertThat(_find(TextField.class).stream().noneMatch(f -> YAMADA.equals(f.getValue())))
                .isTrue();
        _fireConfirm(confirm);
        assertThat(_find(TextField.class).stream().anyMatch(f -> YAMADA.equals(f.getValue())))
                .isTrue();
        assertThat(suggestions.isVisible())
                .as("a number is entered: no more suggestions")
                .isFalse();
        assertThat(storedNumber("S-10056")).as("nothing stored before save").isNull();
    }

    /** docs/decisions/0046: after a very first file, "contains" is indexed after the commit; the screens say so. */
    @Test
    void while_contains_matches_are_being_indexed_the_bulk_screen_and_the_editor_say_so_with_the_progress() {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        signInAs(Locale.ENGLISH, Role.RISK_MANAGER);
        UI.getCurrent().navigate(MissingNumbersView.class);
        assertThat(_get(MissingNumbersView.class).indexing.isVisible()).isFalse();

        dsl.execute("UPDATE legal_entity_name_index SET pending = TRUE, built_through = NULL, built = 17, total = 68");
        UI.getCurrent().navigate(MissingNumbersView.class);
        MissingNumbersView view = _get(MissingNumbersView.class);
        assertThat(view.indexing.isVisible()).isTrue();
        assertThat(view.indexing.getElement().getText())
                .contains("still being indexed")
                .contains("25% done (17 of 68 corporations)");

        signInAs(Locale.JAPANESE, Role.PROCUREMENT);
        UI.getCurrent().navigate("suppliers/" + supplierId("S-10056"));
        _get(Button.class, spec -> spec.withId("supplier-edit")).click();
        NumberSuggestions suggestions = _get(NumberSuggestions.class);
        assertThat(suggestions.indexing.isVisible()).isTrue();
        assertThat(suggestions.indexing.getElement().getText())
                .contains("索引を作成中")
                .contains("68 社中 17 社");

        dsl.execute("UPDATE legal_entity_name_index SET pending = FALSE, built = 68");
        suggestions.refresh();
        assertThat(suggestions.indexing.isVisible()).isFalse();
    }

    @Test
    void the_bulk_screen_lists_suppliers_without_a_number_with_their_best_candidate_and_accepts_the_ticked_ones() {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        signInAsUser("risk"); // group-wide: every supplier without a number
        UI.getCurrent().navigate(MissingNumbersView.class);
        MissingNumbersView view = _get(MissingNumbersView.class);
        List<UnnumberedSupplier> rows =
                view.grid.getDataProvider().fetch(new Query<>()).toList();
        int withoutNumber = dsl.fetchCount(dsl.selectFrom("supplier").where("corporate_number IS NULL"));
        assertThat(rows).hasSize(withoutNumber);
        UnnumberedSupplier yamada = rows.stream()
                .filter(r -> "S-10056".equals(r.supplierCode()))
                .findFirst()
                .orElseThrow();
        assertThat(yamada.best().entity().corporateNumber()).isEqualTo(YAMADA);
        assertThat(yamada.best().match()).isEqualTo(LegalEntityCandidate.Match.EXACT);
        assertThat(view.accept.isEnabled()).isFalse();

        view.grid.asMultiSelect().select(yamada);
        assertThat(view.accept.isEnabled()).isTrue();
        view.accept.click();
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("missing-numbers-confirm")));

        assertThat(storedNumber("S-10056")).isEqualTo(YAMADA);
        assertThat(dsl.fetchCount(dsl.selectFrom("audit_event")
                        .where(
                                "entity_type = 'supplier' AND entity_id = ? AND action = 'UPDATE'"
                                        + " AND after_json LIKE ?",
                                String.valueOf(supplierId("S-10056")),
                                "%" + YAMADA + "%")))
                .isEqualTo(1);
        assertThat(view.grid.getDataProvider().fetch(new Query<>()).map(UnnumberedSupplier::supplierCode))
                .doesNotContain("S-10056");
    }

    @Test
    void a_scoped_user_sees_and_may_accept_only_suppliers_of_their_units_contracts() {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        long outside = system.callAsSystem(() ->
                suppliers.create(new SupplierForm(null, "T-NOSCOPE", "山田鉄工所", null, "JP", "愛知県豊田市", null, null, null)));
        signInAsUser("procurement");
        List<UnnumberedSupplier> mine = match.unnumbered(0, 200);
        assertThat(mine).extracting(UnnumberedSupplier::id).doesNotContain(outside);
        assertThat(match.countUnnumbered()).isEqualTo(mine.size());
        int version = dsl.fetchValue("SELECT version FROM supplier WHERE id = ?", outside) instanceof Number n
                ? n.intValue()
                : 0;
        assertThatThrownBy(() -> match.accept(List.of(new Acceptance(outside, version, YAMADA))))
                .isInstanceOf(NotFoundException.class);
        assertThat(dsl.fetchValue("SELECT corporate_number FROM supplier WHERE id = ?", outside))
                .isNull();

        signInAs(Locale.ENGLISH, Role.AUDITOR);
        assertThatThrownBy(() -> match.unnumbered(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_risk_manager_replaces_a_merged_suppliers_number_by_the_successors_seeing_its_register_status() {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        load("nta-diff-20261201_unicode.zip", FileKind.DIFF);
        long id = supplierId("S-10015");
        signInAs(Locale.ENGLISH, Role.RISK_MANAGER);
        UI.getCurrent().navigate("suppliers/" + id);
        SuccessorReplacement offer = _get(SuccessorReplacement.class);
        assertThat(offer.consequences.getText())
                .startsWith("This company was absorbed by 株式会社東海統合ホールディングス (6900000000011). Register status"
                        + " of the successor: ");
        offer.replace.click();
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("successor-confirm"));
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._getText(confirm))
                .contains(MERGED)
                .contains(SUCCESSOR);
        _fireConfirm(confirm);
        assertThat(storedNumber("S-10015")).isEqualTo(SUCCESSOR);
        assertThat(dsl.fetchCount(dsl.selectFrom("audit_event")
                        .where(
                                "entity_type = 'supplier' AND entity_id = ? AND action = 'UPDATE'"
                                        + " AND after_json LIKE ?",
                                String.valueOf(id),
                                "%" + SUCCESSOR + "%")))
                .isEqualTo(1);
        // re-evaluated: no finding of the supplier names the merger any more
        assertThat(dsl.fetchCount(dsl.selectFrom("compliance_finding")
                        .where("supplier_id = ? AND reason_code = 'ENTITY_MERGED'", id)))
                .isZero();
        // nothing more to offer now
        assertThat(match.successorOffer(id)).isEmpty();

        signInAs(Locale.ENGLISH, Role.AUDITOR);
        assertThatThrownBy(() -> match.replaceWithSuccessor(id, 0)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_name_change_of_a_watched_supplier_alerts_once_in_both_languages_and_a_correction_back_alerts_nobody()
            throws IOException {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        // the sample difference renames S-10006 and corrects it back in the same file: no name changed
        load("nta-diff-20261201_unicode.zip", FileKind.DIFF);
        assertThat(renameAlerts()).isZero();

        Path rename = dir.resolve("rename.csv");
        Files.writeString(
                rename,
                "1," + RENAMED + ",11,0,2026-12-05,2026-12-03,株式会社ヒカリソリューションズ,,301,東京都,港区,1-2-3,,13,201,"
                        + "4500002,,,,,,,2015-10-05,1,,,,,ヒカリソリューションズ,0\n",
                StandardCharsets.UTF_8);
        system.runAsSystem(() -> legalEntities.upload(rename, "rename.csv", FileKind.DIFF, NtaEdition.UNICODE));
        system.runAsSystem(() -> legalEntities.upload(rename, "rename.csv", FileKind.DIFF, NtaEdition.UNICODE));
        assertThat(renameAlerts()).as("once per change").isEqualTo(1);

        signInAsUser("risk");
        Notification told = alerts.notifications(false, 0, 50).stream()
                .filter(n -> n.alert().kind() == AlertKind.ENTITY_RENAMED)
                .findFirst()
                .orElseThrow();
        assertThat(messages.title(told.alert(), Locale.ENGLISH))
                .isEqualTo("株式会社ひかりシステムサービス: the company is now officially named 株式会社ヒカリソリューションズ");
        assertThat(messages.title(told.alert(), Locale.JAPANESE))
                .isEqualTo("株式会社ひかりシステムサービス: 商号が 株式会社ヒカリソリューションズ に変更されました");
        assertThat(messages.lines(told.alert(), Locale.ENGLISH))
                .extracting(AlertMessages.Line::value)
                .contains("株式会社ひかりシステムサービス", "2026-12-03");
        assertThat(told.alert().link()).isEqualTo("suppliers/" + supplierId("S-10006"));
    }

    @Test
    void a_move_alerts_the_contract_owners_and_the_risk_managers_once_in_both_languages_and_its_correction_nobody()
            throws IOException {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        // the sample difference moves S-10008 twice (a non-latest row first): one alert, from the stored
        // address to the latest, however often the file comes
        load("nta-diff-20261201_unicode.zip", FileKind.DIFF);
        load("nta-diff-20261201_unicode.zip", FileKind.DIFF);
        assertThat(moveAlerts("S-10008")).isEqualTo(1);

        String wakaba = ",株式会社若葉梱包,,301,愛知県,春日井市,%s,,23,206,4860000,,,,,,,2015-10-05,1,,,,,ワカバコンポウ,0\n";
        Path move = csv("move.csv", "1," + WAKABA + ",12,0,2026-12-05,2026-12-03" + wakaba.formatted("4-5-6"));
        upload(move);
        upload(move);
        assertThat(moveAlerts("S-10017")).as("a file applied twice alerts once").isEqualTo(1);
        // the same move put right later (same change date), then put right again with its date corrected
        upload(csv("correct.csv", "1," + WAKABA + ",12,1,2026-12-08,2026-12-03" + wakaba.formatted("4-5-16")));
        upload(csv("correct2.csv", "1," + WAKABA + ",12,1,2026-12-09,2026-12-02" + wakaba.formatted("4-5-18")));
        assertThat(moveAlerts("S-10017")).as("a correction is no new move").isEqualTo(1);
        assertThat(dsl.fetchValue("SELECT street_number FROM legal_entity WHERE corporate_number = ?", WAKABA))
                .as("the corrections are applied all the same")
                .isEqualTo("4-5-18");
        // abroad (process 13): the address outside Japan
        upload(csv(
                "abroad.csv",
                "1," + TECHNO + ",13,0,2026-12-10,2026-12-07,株式会社テクノブリッジ,,301,,,,,,,,Singapore 1 Example Road,,,,,,"
                        + "2015-10-05,1,,,,,テクノブリッジ,0\n"));
        assertThat(moveAlerts("S-10012")).isEqualTo(1);

        signInAsUser("risk"); // a risk manager hears of every move
        Notification told = moveNotification("S-10017").orElseThrow();
        assertThat(messages.title(told.alert(), Locale.ENGLISH))
                .isEqualTo("株式会社若葉梱包: registered address changed to 愛知県春日井市4-5-6");
        assertThat(messages.title(told.alert(), Locale.JAPANESE)).isEqualTo("株式会社若葉梱包: 所在地が 愛知県春日井市4-5-6 に変わりました");
        assertThat(messages.lines(told.alert(), Locale.ENGLISH))
                .extracting(line -> line.label() + ": " + line.value())
                .contains(
                        "Former registered address: 愛知県小牧市1-2-3",
                        "New registered address (NTA): 愛知県春日井市4-5-6",
                        "Changed on: 2026-12-03");
        assertThat(messages.lines(told.alert(), Locale.JAPANESE))
                .extracting(line -> line.label() + ": " + line.value())
                .contains("旧所在地: 愛知県小牧市1-2-3", "新所在地（国税庁）: 愛知県春日井市4-5-6", "変更日: 2026-12-03");
        assertThat(told.alert().link()).isEqualTo("suppliers/" + supplierId("S-10017"));
        assertThat(messages.lines(moveNotification("S-10008").orElseThrow().alert(), Locale.ENGLISH))
                .extracting(AlertMessages.Line::value)
                .contains("岐阜県各務原市1-2-3", "愛知県犬山市1-1", "2026-11-26");
        assertThat(messages.title(moveNotification("S-10012").orElseThrow().alert(), Locale.ENGLISH))
                .isEqualTo("株式会社テクノ・ブリッジ: registered address changed to Singapore 1 Example Road");

        signInAsUser("procurement"); // owns the contract whose chain holds S-10017, none with S-10012
        assertThat(moveNotification("S-10017")).isPresent();
        assertThat(moveNotification("S-10008")).isPresent();
        assertThat(moveNotification("S-10012")).isEmpty();
        // the supplier page's change history shows the move and its corrections
        UI.getCurrent().navigate("suppliers/" + supplierId("S-10017"));
        Grid<?> history = _get(OfficialRecord.class).changes;
        assertThat(java.util.stream.IntStream.range(0, 3)
                        .mapToObj(i -> String.join(" | ", _getFormattedRow(history, i))))
                .containsExactly(
                        "2026-12-02 | 国内所在地の変更 （訂正） | 株式会社若葉梱包 | 愛知県春日井市4-5-18",
                        "2026-12-03 | 国内所在地の変更 （訂正） | 株式会社若葉梱包 | 愛知県春日井市4-5-16",
                        "2026-12-03 | 国内所在地の変更 | 株式会社若葉梱包 | 愛知県春日井市4-5-6");

        signInAsUser("procurement2"); // another unit's buyer: not S-10017's, but S-10012's
        assertThat(moveNotification("S-10017")).isEmpty();
        assertThat(moveNotification("S-10012")).isPresent();
        UI.getCurrent().navigate("suppliers/" + supplierId("S-10012"));
        assertThat(String.join(" | ", _getFormattedRow(_get(OfficialRecord.class).changes, 0)))
                .isEqualTo("2026-12-07 | 国外所在地の変更 | 株式会社テクノブリッジ | Singapore 1 Example Road");
    }

    @Test
    void contained_candidates_come_from_the_fragment_index_kept_by_every_load_and_page_in_sql() {
        load("nta-full-20261130_unicode.zip", FileKind.FULL);
        List<LegalEntityCandidate> all = system.callAsSystem(() -> legalEntities.candidates("山田", null, null, 0, 50));
        assertThat(all).hasSizeGreaterThan(2);
        List<LegalEntityCandidate> first = system.callAsSystem(() -> legalEntities.candidates("山田", null, null, 0, 2));
        List<LegalEntityCandidate> second = system.callAsSystem(() -> legalEntities.candidates("山田", null, null, 2, 2));
        assertThat(first).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
        assertThat(all)
                .extracting(LegalEntityCandidate::score)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(system.callAsSystem(() -> legalEntities.candidates("新設", null, null, 10)))
                .isEmpty();
        load("nta-diff-20261201_unicode.zip", FileKind.DIFF); // brings 株式会社新設見本
        assertThat(system.callAsSystem(() -> legalEntities.candidates("新設", null, null, 10)))
                .extracting(c -> c.entity().corporateNumber())
                .containsExactly("1900000000156");
    }

    private int renameAlerts() {
        return dsl.fetchCount(dsl.selectFrom("alert").where("kind = 'ENTITY_RENAMED'"));
    }

    private int moveAlerts(String supplierCode) {
        return dsl.fetchCount(
                dsl.selectFrom("alert").where("kind = 'ENTITY_MOVED' AND supplier_id = ?", supplierId(supplierCode)));
    }

    /** The signed-in user's move alert about a supplier, if they were told. */
    private java.util.Optional<Notification> moveNotification(String supplierCode) {
        long id = supplierId(supplierCode);
        return alerts.notifications(false, 0, AlertService.MAX_PAGE_SIZE).stream()
                .filter(n -> n.alert().kind() == AlertKind.ENTITY_MOVED
                        && Long.valueOf(id).equals(n.alert().supplierId()))
                .findFirst();
    }

    private Path csv(String name, String rows) throws IOException {
        return Files.writeString(dir.resolve(name), rows, StandardCharsets.UTF_8);
    }

    private void upload(Path file) {
        system.runAsSystem(
                () -> legalEntities.upload(file, file.getFileName().toString(), FileKind.DIFF, NtaEdition.UNICODE));
    }

    private void load(String file, FileKind kind) {
        system.runAsSystem(() -> legalEntities.upload(SAMPLES.resolve(file), file, kind, NtaEdition.UNICODE));
    }

    private long supplierId(String code) {
        return dsl.fetchValue("SELECT id FROM supplier WHERE supplier_code = ?", code) instanceof Number n
                ? n.longValue()
                : -1;
    }

    private String storedNumber(String code) {
        return (String) dsl.fetchValue("SELECT corporate_number FROM supplier WHERE supplier_code = ?", code);
    }
}
