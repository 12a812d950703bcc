package jp.hoshimi.shared.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.Test;

/** Vaadin's own texts follow the user's language on the screens that use the components. */
class ComponentTextsTest extends KaribuTest {

    @Test
    void a_japanese_user_gets_a_japanese_date_picker_showing_yyyy_mm_dd() {
        signInAs(Locale.JAPANESE, Role.ADMIN);
        UI.getCurrent().navigate("audit");
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("audit-from"));

        DatePicker.DatePickerI18n i18n = from.getI18n();
        assertThat(i18n.getMonthNames()).startsWith("1月").endsWith("12月");
        assertThat(i18n.getWeekdaysShort()).startsWith("日", "月");
        assertThat(i18n.getToday()).isEqualTo("今日");
        assertThat(i18n.getCancel()).isEqualTo("キャンセル");
        assertThat(i18n.getDateFormats()).first().isEqualTo("yyyy/MM/dd");
        assertThat(i18n.getBadInputErrorMessage()).contains("yyyy/MM/dd");
    }

    @Test
    void an_english_user_gets_english_names_and_iso_dates() {
        signInAs(Locale.ENGLISH, Role.ADMIN);
        UI.getCurrent().navigate("audit");
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("audit-from"));

        assertThat(from.getI18n().getMonthNames()).startsWith("January");
        assertThat(from.getI18n().getDateFormats()).first().isEqualTo("yyyy-MM-dd");
        assertThat(from.getI18n().getToday()).isEqualTo("Today");
    }

    @Test
    void the_import_and_register_uploads_speak_japanese() {
        signInAs(Locale.JAPANESE, Role.ADMIN);
        UI.getCurrent().navigate("imports");
        assertJapanese(_get(Upload.class));

        UI.getCurrent().navigate("register");
        assertJapanese(_get(Upload.class, spec -> spec.withId("register-upload")));
    }

    private static void assertJapanese(Upload upload) {
        assertThat(upload.getI18n()).isNotNull();
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("ファイルを選択…");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("ここにファイルをドロップ");
        assertThat(upload.getI18n().getError().getIncorrectFileType()).isEqualTo("この種類のファイルは受け付けません。");
    }
}
