package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: an administrator creates a procurement user bound to one unit; the user signs in with the one-time
 * password, must choose an own password first (a common one is refused), then sees only that unit's
 * contracts; deactivation throws the user's live browser session out.
 */
class UserAdministrationJourneyBrowserTest extends BrowserTest {

    static final String USERNAME = "journey14-yamada";

    @Autowired
    org.jooq.DSLContext dsl;

    @AfterEach
    void removeJourneyUser() {
        dsl.deleteFrom(jp.hoshimi.db.Tables.APP_USER)
                .where(jp.hoshimi.db.Tables.APP_USER.USERNAME.eq(USERNAME))
                .execute();
    }

    @Test
    void a_new_procurement_user_changes_the_one_time_password_sees_one_unit_and_is_thrown_out_when_deactivated() {
        Page admin = newPage("ja-JP");
        signIn(admin, "admin", DEMO_PASSWORD);
        String oneTimePassword = createUser(admin);

        Page user = newPage("ja-JP");
        signIn(user, USERNAME, oneTimePassword);
        // before anything else: choose an own password
        assertThat(user.locator("#must-change-password")).isVisible();
        user.navigate(url("contracts"));
        assertThat(user.locator("#must-change-password")).isVisible();
        screenshot(user, "users-03-must-change-password.png");

        changePassword(user, oneTimePassword, "1qaz2wsx3edc");
        // the field's own error (its helper text also mentions common passwords, so not that)
        assertThat(user.locator("vaadin-password-field#new-password")).hasAttribute("invalid", "");
        assertThat(user.locator("vaadin-password-field#new-password")).containsText("別のパスワードにしてください");
        screenshot(user, "users-04-common-password-refused.png");
        changePassword(user, oneTimePassword, "Hoshi-wo-miru-2026!");
        assertThat(user.locator("#must-change-password")).hasCount(0);

        user.navigate(url("contracts"));
        // 物流部's contracts only: 購買部's HMC-2026-0001 is not there
        assertThat(cell(user, "HMC-2026-0003")).hasCount(1);
        assertThat(cell(user, "HMC-2026-0008")).hasCount(1);
        assertThat(cell(user, "HMC-2026-0001")).hasCount(0);
        screenshot(user, "users-05-only-own-unit.png");

        deactivate(admin);
        // the live session is gone: the next click lands on the login page
        user.locator("vaadin-side-nav-item")
                .filter(new Locator.FilterOptions().setHasText("取引先"))
                .first()
                .click();
        user.waitForURL(u -> u.contains("/login"));
        assertThat(user.locator("vaadin-login-form")).isVisible();
        screenshot(user, "users-07-deactivated-session-ended.png");
        // and the old password no longer signs in
        signIn(user, USERNAME, "Hoshi-wo-miru-2026!");
        org.assertj.core.api.Assertions.assertThat(user.url()).contains("error");
    }

    private String createUser(Page admin) {
        admin.navigate(url("admin/users"));
        admin.locator("#user-create").click();
        admin.locator("#user-username input").fill(USERNAME);
        admin.locator("#user-display-name input").fill("山田 物流");
        admin.locator("#user-email input").fill("yamada@example.jp");
        admin.locator("#user-roles vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText("調達担当"))
                .click();
        admin.locator("#user-units input").fill("物流部");
        admin.locator("vaadin-multi-select-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText("星見自動車 物流部"))
                .click();
        // close the unit list (its toggle), so that it no longer covers the dialog
        admin.locator("#user-units [part~='toggle-button']").click();
        screenshot(admin, "users-01-create.png");
        admin.locator("#user-save").click();
        Locator password = admin.locator("#one-time-password input");
        assertThat(password).hasValue(java.util.regex.Pattern.compile("[A-Za-z0-9]{16}"));
        screenshot(admin, "users-02-one-time-password.png");
        String value = password.inputValue();
        admin.locator("#one-time-password-done").click();
        return value;
    }

    private void changePassword(Page user, String current, String newPassword) {
        user.locator("#current-password input").fill(current);
        user.locator("#new-password input").fill(newPassword);
        user.locator("#repeat-password input").fill(newPassword);
        user.locator("#change-password").click();
    }

    private void deactivate(Page admin) {
        // the grid still lists every user (a filter would re-render the row's buttons under the click)
        admin.navigate(url("admin/users"));
        admin.locator("#deactivate-" + USERNAME).click();
        admin.locator(
                        "vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], vaadin-confirm-dialog vaadin-button[slot=confirm-button]")
                .first()
                .click();
        assertThat(admin.locator("#reactivate-" + USERNAME)).isVisible();
        screenshot(admin, "users-06-deactivated.png");
    }

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
    }
}
