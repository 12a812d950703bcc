package jp.hoshimi.register.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.register.MappingDraft;
import jp.hoshimi.register.RegisterMapping;
import jp.hoshimi.register.RegisterMappingService;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.OfficialShapedRegister;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mapping screen (issue 23): an administrator types the official shape, tries a sample (the first
 * entries, every rejected one and why), and saves; the change is audited with who and when.
 */
class RegisterMappingViewTest extends KaribuTest {

    @Autowired
    RegisterMappingService mappings;

    @Autowired
    AuditService audit;

    @Autowired
    SystemAuthentication system;

    @TempDir
    Path dir;

    @AfterEach
    void putTheDefaultsBack() {
        system.runAsSystem(() -> {
            RegisterMapping now = mappings.current(RegisterKind.STAR);
            MappingDraft d = MappingDraft.of(RegisterMapping.defaults(RegisterKind.STAR));
            mappings.save(
                    RegisterKind.STAR,
                    new MappingDraft(
                            d.corporateNumber(),
                            d.name(),
                            d.level(),
                            d.registeredOn(),
                            d.validUntil(),
                            d.status(),
                            d.scope(),
                            d.assessmentBody(),
                            d.entriesPath(),
                            d.levelValues(),
                            d.statusValues(),
                            d.datePattern(),
                            d.encoding(),
                            now.version()));
        });
    }

    private RegisterMappingView openAsAdmin() {
        signInAsUser("admin");
        UI.getCurrent().navigate(RegisterMappingView.class);
        return _get(RegisterMappingView.class);
    }

    private static void typeTheOfficialShape(RegisterMappingView view) {
        List<String> header = OfficialShapedRegister.HEADER;
        List<String> fields = List.of(
                "corporateNumber", "name", "level", "registeredOn", "validUntil", "status", "scope", "assessmentBody");
        for (int i = 0; i < fields.size(); i++) {
            view.fields.get(fields.get(i)).setValue(header.get(i));
        }
        _click(_get(Button.class, spec -> spec.withId("register-mapping-suggest")));
        view.datePattern.setValue(FieldMapping.JAPANESE_ERA_DATES);
        view.encoding.setValue(FieldMapping.WINDOWS_31J);
    }

    private InputStream sample() throws IOException {
        Path csv = OfficialShapedRegister.csv(
                dir.resolve("sample.csv"), OfficialShapedRegister.lines(Path.of("sample-data/register-star.csv")));
        return Files.newInputStream(csv);
    }

    @Test
    void the_screen_shows_the_stored_mapping_with_japanese_suggestions() {
        RegisterMappingView view = openAsAdmin();

        assertThat(view.kind.getValue()).isEqualTo(RegisterKind.STAR);
        assertThat(view.fields.get("corporateNumber").getValue()).isEqualTo("corporate_number");
        assertThat(view.datePattern.getValue()).isEqualTo(FieldMapping.ISO_DATES);
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(
                        view.fields.get("corporateNumber")))
                .contains("法人番号");
        assertThat(view.getPageTitle()).startsWith("台帳の項目対応");
    }

    @Test
    void trying_a_sample_shows_the_first_entries_and_stores_nothing_then_save_is_audited() throws IOException {
        RegisterMappingView view = openAsAdmin();
        int version =
                system.callAsSystem(() -> mappings.current(RegisterKind.STAR)).version();
        typeTheOfficialShape(view);

        view.showPreview(view.previewSample(sample()));

        assertThat(view.summary.getElement().getAttribute("data-acceptable")).isEqualTo("true");
        assertThat(view.summary.getText()).startsWith("70 件を読み込みました（CSV）");
        assertThat(GridKt._size(view.firstEntries)).isEqualTo(RegisterMappingService.FIRST_ENTRIES);
        assertThat(GridKt._get(view.firstEntries, 0).name()).isEqualTo("株式会社ミナトデンソー");
        assertThat(view.rejected.isVisible()).isFalse();
        assertThat(system.callAsSystem(() -> mappings.current(RegisterKind.STAR))
                        .version())
                .isEqualTo(version);

        _click(_get(Button.class, spec -> spec.withId("register-mapping-save")));

        RegisterMapping saved = system.callAsSystem(() -> mappings.current(RegisterKind.STAR));
        assertThat(saved.mapping().corporateNumber()).isEqualTo("法人番号");
        assertThat(saved.updatedBy()).isEqualTo("admin");
        assertThat(view.changed.getText()).contains("admin");
        List<AuditEntry> history = system.callAsSystem(() -> audit.historyOf("register_mapping", "STAR"));
        AuditEntry last = history.stream()
                .max(java.util.Comparator.comparingLong(AuditEntry::id))
                .orElseThrow();
        assertThat(last.actor()).isEqualTo("admin");
        assertThat(last.occurredAt()).isNotNull();
        assertThat(last.beforeJson()).contains("corporate_number");
        assertThat(last.afterJson()).contains("法人番号").contains("GGGGy年M月d日").contains("windows-31j");
    }

    @Test
    void a_wrong_date_format_shows_every_rejected_row_and_why() throws IOException {
        RegisterMappingView view = openAsAdmin();
        typeTheOfficialShape(view);
        view.datePattern.setValue(FieldMapping.SLASH_DATES);

        view.showPreview(view.previewSample(sample()));

        assertThat(view.summary.getElement().getAttribute("data-acceptable")).isEqualTo("false");
        assertThat(view.summary.getText()).contains("70 件が不合格");
        assertThat(GridKt._size(view.rejected)).isEqualTo(70);
        assertThat(GridKt._get(view.rejected, 0).reason()).contains("uuuu/MM/dd");
        // the reader's language, not the parser's English (a Japanese screen here)
        assertThat(GridKt._getFormattedRow(view.rejected, 0))
                .containsExactly("5 行目", "登録日「令和8年4月1日」は uuuu/MM/dd 形式の日付ではありません");
        assertThat(view.firstEntries.isVisible()).isFalse();
    }

    @Test
    void a_vocabulary_line_of_another_register_is_shown_on_its_field_and_nothing_is_saved() {
        RegisterMappingView view = openAsAdmin();
        view.levelValues.setValue("★1=SA1\n");

        _click(_get(Button.class, spec -> spec.withId("register-mapping-save")));

        assertThat(view.levelValues.isInvalid()).isTrue();
        assertThat(view.levelValues.getErrorMessage()).contains("SA1");
        assertThat(system.callAsSystem(() -> mappings.current(RegisterKind.STAR))
                        .mapping()
                        .levelValues())
                .isEmpty();
    }
}
