package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "Japanese throughout, no internals": a Japanese administrator meets Vaadin's own texts in
 * Japanese (upload, date picker), the schedule in words, sync-run counts with labels, and an audit log
 * with field labels and names.
 */
class JapaneseThroughoutBrowserTest extends BrowserTest {

    /** A contract named by its number in the audit log ("契約 HMC-2026-0001"), never by a bare id. */
    private static final Pattern CONTRACT_BY_NUMBER = Pattern.compile("契約 [A-Z]{2,}-[0-9A-Z-]+");

    @Test
    void the_register_screen_offers_a_schedule_in_words_and_labelled_sync_counts() {
        Page page = newPage("ja-JP");
        signInWhenReady(page, "admin");
        page.navigate(url("register"));

        assertThat(page.locator("#register-schedule-mode")).containsText("一定の時間ごと");
        assertThat(page.locator("#register-schedule-mode")).containsText("毎日決まった時刻");
        assertThat(page.locator("#register-schedule-next")).containsText("次回からの同期予定");
        assertThat(page.locator("#register-upload").getByText("ファイルを選択…")).isVisible();
        assertThat(page.locator("#register-upload").getByText("ここにファイルをドロップ")).isVisible();
        screenshot(page, "japanese-01-register-schedule-upload.png");

        page.locator("#register-schedule-mode vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText("毎日決まった時刻"))
                .click();
        assertThat(page.locator("#register-schedule-time")).isVisible();
        assertThat(page.locator("#register-schedule-next")).containsText(":00");

        page.locator("#register-sync-now").click();
        Locator done = page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("SECURITY ACTION"));
        assertThat(done).containsText("★3〜★5 台帳");
        assertThat(done).containsText("変更のない登録");
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("同期の記録"))
                .click();
        assertThat(page.locator("#register-runs")).containsText("変更のない登録");
        assertThat(page.locator("#register-runs")).containsText("内容の変更");
        screenshot(page, "japanese-02-register-runs.png");
    }

    @Test
    void the_audit_log_shows_labels_and_names_and_a_japanese_date_picker() {
        Page page = newPage("ja-JP");
        signInWhenReady(page, "auditor");
        page.navigate(url("audit"));

        // whichever contracts the tests before this one created: the newest events fill the first page
        Locator grid = page.locator("#audit-grid");
        assertThat(grid).containsText(CONTRACT_BY_NUMBER);
        assertThat(grid).containsText(Pattern.compile("契約番号: — → [A-Z]{2,}-"));
        assertThat(grid).not().containsText("contractNumber");
        assertThat(page.locator("#audit-export-csv")).isVisible();
        screenshot(page, "japanese-03-audit-log.png");

        page.locator("#audit-from input").click();
        Locator overlay = page.locator("vaadin-date-picker-overlay[opened]");
        assertThat(overlay).isVisible();
        assertThat(overlay.getByText("今日")).isVisible();
        assertThat(overlay.getByText("キャンセル")).isVisible();
        assertThat(overlay.getByText(Pattern.compile("\\d{1,2}月 \\d{4}")).first())
                .isVisible();
        screenshot(page, "japanese-04-date-picker.png");
        page.keyboard().press("Escape");

        page.locator("#audit-from input").fill("2020/01/01");
        page.locator("#audit-from input").press("Enter");
        assertThat(page.locator("#audit-from input")).hasValue("2020/01/01");
        assertThat(grid).containsText(CONTRACT_BY_NUMBER);
    }

    @Test
    void the_login_form_speaks_japanese_down_to_the_password_reveal_button() {
        Page page = newPage("ja-JP", 390, 844);
        page.navigate(url("login"));
        Locator form = page.locator("vaadin-login-form:not([disabled])");
        assertThat(form).isVisible();

        assertThat(form.locator("[part=form-title]")).hasText("ログイン");
        assertThat(form.locator("vaadin-text-field[name=username] label")).hasText("ユーザー名");
        assertThat(form.locator("vaadin-password-field[name=password] label")).hasText("パスワード");
        assertThat(form.locator("vaadin-button[slot=submit]")).hasText("ログイン");
        Locator reveal = form.locator("vaadin-password-field-button");
        assertThat(reveal).hasAttribute("aria-label", "パスワードを表示");

        // empty fields: the required messages in Japanese too
        form.locator("vaadin-text-field[name=username] input").press("Enter");
        assertThat(form.locator("vaadin-text-field[name=username]")).containsText("ユーザー名を入力してください。");
        form.locator("input[name=password]").fill("hoshimi");
        reveal.click();
        assertThat(form.locator("input[name=password]")).hasAttribute("type", "text");
        assertThat(form).not().containsText("Show password");
        assertThat(form).not().containsText("Username");
        assertThat(form).not().containsText("Log in");
        screenshot(page, "japanese-05-login-form.png");
    }

    /** The shared sign-in (it waits for the form and the post's answer), then the app's header. */
    private void signInWhenReady(Page page, String user) {
        signIn(page, user, DEMO_PASSWORD);
        assertThat(page.locator("#current-user")).isVisible();
    }
}
