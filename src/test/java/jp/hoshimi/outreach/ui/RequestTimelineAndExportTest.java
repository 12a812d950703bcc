package jp.hoshimi.outreach.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.RouteParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.outreach.RequestForm;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.export.ExportFormat;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The request page's timeline in words and names, a draft's message edited before sending, and the list's
 * export (issue 19). Drafts only, deleted afterwards: they send no mail and make no alert.
 */
class RequestTimelineAndExportTest extends KaribuTest {

    @Autowired
    RequestService requests;

    @Autowired
    DSLContext dsl;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void deleteDrafts() {
        dsl.deleteFrom(SUPPLIER_REQUEST).where(SUPPLIER_REQUEST.ID.in(made)).execute();
    }

    private long draft() {
        long supplier = RequestViewsTest.onlyOurs(dsl);
        RequestForm suggested = requests.suggest(supplier, "ja");
        long id = requests.create(suggested);
        made.add(id);
        return id;
    }

    private void event(long id, String actor, String kind, String note) {
        var e = SUPPLIER_REQUEST_EVENT;
        dsl.insertInto(e)
                .set(e.REQUEST_ID, id)
                .set(e.OCCURRED_AT, latest(id).plusMinutes(1))
                .set(e.ACTOR, actor)
                .set(e.KIND, kind)
                .set(e.NOTE, note)
                .execute();
    }

    private LocalDateTime latest(long id) {
        var e = SUPPLIER_REQUEST_EVENT;
        return dsl.select(org.jooq.impl.DSL.max(e.OCCURRED_AT))
                .from(e)
                .where(e.REQUEST_ID.eq(id))
                .fetchSingle()
                .value1();
    }

    private RequestDetailView detail(long id) {
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("id", String.valueOf(id)));
        return _get(RequestDetailView.class);
    }

    @Test
    void the_timeline_reads_as_sentences_with_names_and_the_owner_is_the_person() {
        signInAsUser("procurement");
        long id = draft();
        event(id, "system", "REMINDED", "B14");
        event(id, "system", "REMINDED", "A7");
        event(id, "supplier", "ANSWERED", "PLANNED");
        event(id, "system", "DONE", "register");
        event(id, "procurement", "WITHDRAWN", "親会社で登録済みのため");

        RequestDetailView view = detail(id);

        String facts = view.getElement().getOuterHTML();
        assertThat(facts).contains("調達 花子 (Procurement)");
        List<String> rows = IntStream.range(0, _size(view.timeline))
                .mapToObj(i -> String.join(" | ", _getFormattedRow(view.timeline, i)))
                .toList();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).contains("調達 花子 (Procurement)").contains("下書きとして保存しました");
        String all = String.join("\n", rows);
        assertThat(all)
                .contains("期限の 14 日前のため、取引先へリマインドを送付しました。")
                .contains("期限を 7 日過ぎても回答がないため")
                .contains("取引先（回答ページ） | 取引先から回答がありました：取得予定")
                .contains("Hoshimi（自動処理） | 台帳で依頼した水準の登録が確認されたため、依頼を自動的に完了しました。")
                .contains("依頼を取り下げました。 メモ：「親会社で登録済みのため」");
        for (String code : List.of("B14", "A7", "PLANNED", "| register", "REMINDED", "| procurement |", "| system |")) {
            assertThat(all).as("no raw code " + code).doesNotContain(code);
        }
    }

    @Test
    void a_drafts_message_is_edited_before_sending_and_a_sent_one_is_not() {
        signInAsUser("procurement");
        long id = draft();
        RequestDetailView view = detail(id);
        view.messageEditor.setValue("  ");
        com.github.mvysny.kaributesting.v10.ButtonKt._click(
                _get(view, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("request-message-save")));
        assertThat(view.messageEditor.isInvalid()).isTrue();

        view.messageEditor.setValue("株式会社テスト\nご担当者様\n\n個別にご相談させていただきたく存じます。");
        com.github.mvysny.kaributesting.v10.ButtonKt._click(
                _get(view, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("request-message-save")));

        assertThat(requests.find(id).orElseThrow().message()).contains("個別にご相談させていただきたく存じます。");
        assertThat(String.join("\n", _getFormattedRow(view.timeline, 1))).contains("送付前にメッセージを編集しました");

        dsl.update(SUPPLIER_REQUEST)
                .set(SUPPLIER_REQUEST.STATE, RequestState.SENT)
                .where(SUPPLIER_REQUEST.ID.eq(id))
                .execute();
        int version = requests.find(id).orElseThrow().version();
        assertThatThrownBy(() -> requests.editMessage(id, version, "変更")).isInstanceOf(ValidationException.class);
        RequestDetailView sent = detail(id);
        assertThat(_get(sent, Pre.class, spec -> spec.withClasses("request-message"))
                        .getText())
                .contains("個別にご相談");
        assertThat(sent.messageEditor.isAttached()).isFalse();
    }

    @Test
    void the_list_exports_exactly_the_filtered_rows_as_csv_and_xlsx() throws Exception {
        signInAsUser("procurement");
        long first = draft();
        long second = draft();
        UI.getCurrent().navigate(RequestListView.class);
        RequestListView list = _get(RequestListView.class);
        list.state.setValue(RequestState.DRAFT);
        List<String> shown = list.grid
                .getGenericDataView()
                .getItems()
                .map(r -> String.valueOf(r.id()))
                .toList();
        assertThat(shown).contains(String.valueOf(first), String.valueOf(second));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        list.export(ExportFormat.CSV, csv, Locale.JAPANESE);
        String text = csv.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("ID,状態,期限超過,取引先");
        assertThat(lines.stream().skip(1).map(l -> l.split(",", 2)[0]).toList()).containsExactlyElementsOf(shown);
        assertThat(lines.get(1)).contains("下書き").contains("調達 花子 (Procurement)");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        list.export(ExportFormat.XLSX, xlsx, Locale.ENGLISH);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var sheet = book.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(3))).isEqualTo("Supplier");
            List<String> ids = IntStream.rangeClosed(1, sheet.getLastRowNum())
                    .mapToObj(i -> cells.formatCellValue(sheet.getRow(i).getCell(0)))
                    .collect(Collectors.toList());
            assertThat(ids).containsExactlyElementsOf(shown);
            assertThat(cells.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Draft");
        }

        list.state.setValue(RequestState.DONE);
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        list.export(ExportFormat.CSV, none, Locale.JAPANESE);
        assertThat(none.toString(StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",", 2)[0]))
                .doesNotContain(String.valueOf(first), String.valueOf(second));
        assertThat(list.export.getElement().getOuterHTML())
                .contains("request-export-csv")
                .contains("request-export-xlsx");

        signInAsUser("procurement2"); // another unit's user exports none of them
        UI.getCurrent().navigate(RequestListView.class);
        RequestListView theirs = _get(RequestListView.class);
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        theirs.export(ExportFormat.CSV, other, Locale.JAPANESE);
        assertThat(other.toString(StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",", 2)[0]))
                .doesNotContain(String.valueOf(first), String.valueOf(second));
    }
}
