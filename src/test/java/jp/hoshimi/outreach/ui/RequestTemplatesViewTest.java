package jp.hoshimi.outreach.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static jp.hoshimi.db.Tables.REQUEST_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.outreach.GapType;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.RequestTemplateService;
import jp.hoshimi.outreach.RequestTemplates;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The letter templates (issue 19): edited by risk managers, placeholders checked, previewed, audited, reset. */
class RequestTemplatesViewTest extends KaribuTest {

    @Autowired
    RequestTemplateService service;

    @Autowired
    RequestTemplates templates;

    @Autowired
    RequestService requests;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void defaults_again() {
        dsl.deleteFrom(REQUEST_TEMPLATE).execute();
    }

    private RequestTemplatesView open() {
        signInAsUser("risk");
        UI.getCurrent().navigate(RequestTemplatesView.class);
        return _get(RequestTemplatesView.class);
    }

    @Test
    void an_unknown_placeholder_is_refused_with_its_name_and_nothing_is_stored() {
        RequestTemplatesView view = open();
        assertThat(view.body.getValue())
                .contains("{supplier}")
                .contains("{dueDate}")
                .contains("{contracts}");

        view.body.setValue("{supplier}\nご担当者様\n\n{company} 様の件でご連絡いたしました。{dueDate");
        assertThat(view.body.isInvalid()).isTrue();
        assertThat(view.body.getErrorMessage())
                .contains("{company}")
                .contains("{dueDate")
                .contains("{supplier}");
        assertThat(view.previewProblem.isVisible()).isTrue();

        view.save();

        assertThat(view.body.isInvalid()).isTrue();
        assertThat(dsl.fetchCount(REQUEST_TEMPLATE)).isZero();
        assertThatThrownBy(() -> service.save(GapType.EXPIRED, "en", "Dear {Supplier},", -1))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.save(GapType.EXPIRED, "ja", "  ", -1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_saved_template_is_previewed_audited_used_by_the_next_request_and_reset_to_the_default() {
        RequestTemplatesView view = open();
        String text = "{supplier}\nご担当者様\n\n{dueDate}までに{level}のご登録をお願いいたします。\n{contracts}\n\n{sender}";
        view.body.setValue(text);
        assertThat(view.preview.getText())
                .contains("株式会社サンプル部品\nご担当者様")
                .contains("★3")
                .contains("年")
                .contains("機械加工部品の供給")
                .contains("リスク 太郎") // the sender: the signed-in user
                .doesNotContain("{");
        view.save();
        assertThat(view.shown.customised()).isTrue();
        assertThat(view.origin.getText()).contains("リスク 太郎"); // who edited it, by name
        assertThat(dsl.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .ENTITY_TYPE
                                .eq(RequestTemplateService.AUDIT_TYPE)
                                .and(AUDIT_EVENT.ENTITY_ID.eq("NOT_REGISTERED:ja"))
                                .and(AUDIT_EVENT.ACTION.eq("CREATE"))))
                .isGreaterThanOrEqualTo(1);

        // a second editor still holding the default version cannot overwrite it
        assertThatThrownBy(() -> service.save(GapType.NOT_REGISTERED, "ja", "{supplier} 様", -1))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(templates.template(GapType.NOT_REGISTERED, "ja").body()).isEqualTo(text);

        view.resetToDefault();
        assertThat(view.shown.customised()).isFalse();
        assertThat(view.body.getValue()).isEqualTo(templates.defaultBody(GapType.NOT_REGISTERED, "ja"));
        assertThat(dsl.fetchCount(REQUEST_TEMPLATE)).isZero();
        assertThat(dsl.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .ENTITY_TYPE
                                .eq(RequestTemplateService.AUDIT_TYPE)
                                .and(AUDIT_EVENT.ACTION.eq("DELETE"))))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_new_request_starts_from_the_edited_template_with_its_placeholders_filled_in() {
        signInAsUser("risk");
        service.save(
                GapType.NOT_REGISTERED,
                "ja",
                "{supplier}\nご担当者様\n\n【編集済み】{dueDate}までに{level}をお願いいたします。\n{contracts}\n\n{sender}",
                -1);
        signInAsUser("procurement");
        long supplier = RequestViewsTest.onlyOurs(dsl);
        var form = requests.suggest(supplier, "ja");
        if (form.gapType() == GapType.NOT_REGISTERED) {
            assertThat(form.message()).contains("【編集済み】").contains("調達 花子").doesNotContain("{");
        } else {
            assertThat(form.message()).doesNotContain("【編集済み】");
        }
        assertThat(templates.message(
                        GapType.NOT_REGISTERED,
                        "ja",
                        "テスト株式会社",
                        jp.hoshimi.shared.StarLevel.STAR3,
                        java.time.LocalDate.of(2027, 3, 31),
                        List.of(),
                        "調達 花子"))
                .startsWith("テスト株式会社\nご担当者様")
                .contains("【編集済み】2027年3月31日までに★3をお願いいたします。")
                .endsWith("調達 花子");
    }

    @Test
    void only_risk_managers_and_administrators_edit_the_templates() {
        signInAs(Locale.JAPANESE, Role.PROCUREMENT);
        assertThatThrownBy(() -> service.template(GapType.EXPIRED, "ja")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.save(GapType.EXPIRED, "ja", "{supplier} 様", -1))
                .isInstanceOf(AccessDeniedException.class);
        signInAs(Locale.JAPANESE, Role.AUDITOR);
        assertThatThrownBy(() -> service.reset(GapType.EXPIRED, "ja")).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchCount(REQUEST_TEMPLATE)).isZero();
    }

    /**
     * The default letters read as a fair buyer's request to a smaller supplier: a business letter in 敬語 (or a
     * polite English one), the reason and the date, help (SECURITY ACTION as a first step, IPA's material), an
     * invitation to say what is hard, and no threat to stop business.
     */
    @Test
    void every_default_letter_is_a_polite_request_with_help_and_no_threat() {
        List<String> threats = List.of(
                "取引を停止",
                "取引停止",
                "取引を見直",
                "打ち切",
                "契約を解除",
                "ペナルティ",
                "罰",
                "terminate",
                "stop doing business",
                "penalt",
                "suspend");
        for (GapType gap : GapType.values()) {
            String ja = templates.defaultBody(gap, "ja");
            assertThat(ja)
                    .as(gap + " ja")
                    .startsWith("{supplier}\nご担当者様")
                    .contains("平素より大変お世話になっております。")
                    .contains("いただけますと幸いです")
                    .contains("{dueDate}")
                    .contains("{level}")
                    .contains("IPA")
                    .contains("お気軽にお知らせください")
                    .contains("何卒よろしくお願い申し上げます。")
                    .endsWith("{sender}");
            String en = templates.defaultBody(gap, "en");
            assertThat(en)
                    .as(gap + " en")
                    .startsWith("Dear {supplier},")
                    .contains("We would be grateful")
                    .contains("{dueDate}")
                    .contains("IPA")
                    .contains("Kind regards")
                    .endsWith("{sender}");
            for (String threat : threats) {
                assertThat(ja.toLowerCase(Locale.ROOT)).as(gap + " ja").doesNotContain(threat);
                assertThat(en.toLowerCase(Locale.ROOT)).as(gap + " en").doesNotContain(threat);
            }
            assertThat(RequestTemplatesViewTest.unknown(ja)).as(gap + " ja").isEmpty();
            assertThat(RequestTemplatesViewTest.unknown(en)).as(gap + " en").isEmpty();
        }
        assertThat(templates.defaultBody(GapType.NOT_REGISTERED, "ja")).contains("SECURITY ACTION");
        assertThat(templates.defaultBody(GapType.NOT_REGISTERED, "en")).contains("SECURITY ACTION");
    }

    static List<String> unknown(String body) {
        return RequestTemplates.unknownPlaceholders(body);
    }
}
