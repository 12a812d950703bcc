package jp.hoshimi.legalentity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The NTA screen and what it brings users (issue 21): an administrator uploads the sample full file, then a
 * difference in which a demo supplier with contracts (S-10015 知多鋳造) is absorbed; the supplier page shows
 * the official record with the attribution, and the finding names the successor.
 */
class LegalEntityViewTest extends KaribuTest {

    static final Path SAMPLES = Path.of("sample-data/nta");
    static final String MERGED = "3340095277778";

    @Autowired
    DSLContext dsl;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ComplianceService compliance;

    @Autowired
    SystemAuthentication system;

    @Autowired
    jp.hoshimi.legalentity.LegalEntitySyncService sync;

    @Autowired
    jp.hoshimi.legalentity.LegalEntityService legalEntities;

    @BeforeEach
    @AfterEach
    void noNtaData() {
        // the sample difference moves S-10008: its move alert (to owners in every unit) goes too
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_run");
        Set<Long> suppliers = new HashSet<>(dsl.fetch("SELECT id FROM supplier").getValues(0, Long.class));
        events.publishEvent(new MasterDataChangedEvent(suppliers, Set.of()));
    }

    @Test
    void an_administrator_uploads_the_full_file_then_a_difference_and_the_merger_reaches_the_supplier_and_its_findings()
            throws IOException {
        signInAs(Locale.ENGLISH, Role.ADMIN);
        UI.getCurrent().navigate(LegalEntityView.class);
        LegalEntityView view = _get(LegalEntityView.class);
        assertThat(view.freshness.getText()).startsWith("No NTA data has been loaded yet.");

        view.kind.setValue(FileKind.FULL);
        upload(view, "nta-full-20261130_unicode.zip");
        assertThat(view.result.getElement().getAttribute("data-outcome")).isEqualTo("SUCCEEDED");
        assertThat(view.result.getText()).startsWith("68 rows read: 68 new");

        view.kind.setValue(FileKind.DIFF);
        view.edition.setValue(NtaEdition.SHIFT_JIS);
        upload(view, "nta-diff-20261201_sjis.zip");
        assertThat(view.result.getText()).startsWith("7 rows read: 1 new");
        assertThat(view.freshness.getText()).contains("nta-diff-20261201_sjis.zip");
        assertThat(view.runs.getDataProvider().size(new Query<>())).isEqualTo(2);

        // the wrong edition: refused in plain words, nothing changed
        view.edition.setValue(NtaEdition.UNICODE);
        upload(view, "nta-diff-20261201_sjis.zip");
        assertThat(view.result.getElement().getAttribute("data-outcome")).isEqualTo("FAILED");
        assertThat(view.result.getText())
                .isEqualTo(
                        "Row 1 cannot be read as UNICODE: choose the other edition (Unicode or Shift_JIS) for this file.");

        // the risk manager sees the finding with the date and the successor
        List<Finding> findings =
                system.callAsSystem(() -> compliance.findings(Set.of(ComplianceStatus.MISSING), 0, 1000)).stream()
                        .filter(f -> MERGED.equals(f.corporateNumber()))
                        .toList();
        assertThat(findings)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.verdict().reason()).isEqualTo(Reason.ENTITY_MERGED));
        String reason = view.getTranslation(
                Reason.ENTITY_MERGED.messageKey(), findings.get(0).verdict().reasonArguments());
        assertThat(reason)
                .isEqualTo("The company was absorbed by a merger on 2026-11-27; successor: 株式会社東海統合ホールディングス"
                        + " (法人番号 6900000000011). Its registration covers no contract.");
    }

    @Test
    void an_administrator_sets_a_file_source_syncs_now_and_sees_the_run_and_a_refused_fetch_in_plain_words()
            throws IOException {
        system.runAsSystem(() -> load("nta-full-20261130_unicode.zip", FileKind.FULL));
        Path drop = Files.createTempFile("nta-drop-", ".zip");
        Files.copy(SAMPLES.resolve("nta-diff-20261201_unicode.zip"), drop, StandardCopyOption.REPLACE_EXISTING);
        try {
            signInAs(Locale.ENGLISH, Role.ADMIN);
            UI.getCurrent().navigate(LegalEntityView.class);
            LegalEntityView view = _get(LegalEntityView.class);
            LegalEntitySourcePanel panel = view.source;
            assertThat(panel.syncNow.isEnabled()).as("no source yet").isFalse();

            panel.type.setValue(LegalEntityRun.SourceType.FILE);
            panel.location.setValue("relative.zip");
            panel.save();
            assertThat(panel.location.isInvalid()).isTrue();
            panel.location.setValue(drop.toAbsolutePath().toString());
            panel.save();
            assertThat(panel.location.isInvalid()).isFalse();
            assertThat(panel.syncNow.isEnabled()).isTrue();

            panel.syncNow();
            assertThat(panel.syncNow.isEnabled()).as("one at a time").isFalse();
            long runId =
                    system.callAsSystem(() -> legalEntities.runs(0, 1)).get(0).id();
            system.runAsSystem(() -> sync.await(runId, java.time.Duration.ofSeconds(60)));
            panel.checkSync(); // what the screen's poll does
            assertThat(view.result.getText()).startsWith("7 rows read: 1 new");
            assertThat(view.freshness.getText()).contains(drop.toAbsolutePath().toString());

            Files.writeString(drop, "<html>maintenance</html>");
            panel.syncNow();
            long refused =
                    system.callAsSystem(() -> legalEntities.runs(0, 1)).get(0).id();
            system.runAsSystem(() -> sync.await(refused, java.time.Duration.ofSeconds(60)));
            panel.checkSync();
            assertThat(view.result.getElement().getAttribute("data-outcome")).isEqualTo("FAILED");
            assertThat(view.result.getText())
                    .isEqualTo("What the source sent cannot be read: this is not an NTA file: it is neither a zip"
                            + " nor a CSV of numbered rows. Nothing was changed.");
        } finally {
            system.runAsSystem(() -> sync.saveSource(
                    LegalEntityRun.SourceType.NONE,
                    null,
                    NtaEdition.UNICODE,
                    null,
                    sync.source().version()));
            Files.deleteIfExists(drop);
        }
    }

    @Test
    void the_supplier_page_shows_the_official_record_the_name_hint_the_history_and_the_attribution()
            throws IOException {
        system.runAsSystem(() -> {
            load("nta-full-20261130_unicode.zip", FileKind.FULL);
            load("nta-diff-20261201_unicode.zip", FileKind.DIFF);
        });
        signInAs(Locale.ENGLISH, Role.RISK_MANAGER);
        UI.getCurrent().navigate("suppliers/" + supplierId(MERGED));
        OfficialRecord record = _get(OfficialRecord.class);
        assertThat(record.status.getText())
                .isEqualTo("Status: Absorbed by merger on 2026-11-27; successor 株式会社東海統合ホールディングス (6900000000011)");
        assertThat(record.changes.getGenericDataView().getItems().count()).isEqualTo(1);
        assertThat(_get(
                                record,
                                com.vaadin.flow.component.html.Paragraph.class,
                                spec -> spec.withId("official-attribution"))
                        .getText())
                .startsWith("Source: National Tax Agency");
        assertThat(record.nameDiffers.getText()).isEmpty();

        // S-10010: the master still has the name before a rename
        UI.getCurrent().navigate("suppliers/" + supplierId("3010042634115"));
        OfficialRecord renamed = _get(OfficialRecord.class);
        assertThat(renamed.nameDiffers.getText())
                .isEqualTo("Differs from the official name: the master data says “株式会社サクラ塗装”.");
    }

    private void load(String file, FileKind kind) {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(file))) {
            context.getBean(jp.hoshimi.legalentity.LegalEntityService.class).upload(in, file, kind, NtaEdition.UNICODE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long supplierId(String corporateNumber) {
        return dsl.fetchValue("SELECT id FROM supplier WHERE corporate_number = ?", corporateNumber) instanceof Number n
                ? n.longValue()
                : -1;
    }

    private static void upload(LegalEntityView view, String file) throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(file))) {
            view.load(in, file);
        }
    }
}
