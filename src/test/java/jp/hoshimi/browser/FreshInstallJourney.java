package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import jp.hoshimi.register.source.LocalRegisterServer;
import org.junit.jupiter.api.AfterAll;

/**
 * Issue 24's journey on a fresh installation — an empty database of its own, no demo users, data or register,
 * only the initial administrator and an SMTP server (GreenMail). The administrator follows the set-up
 * checklist to a first evaluated contract: configures the register source (the local register server, over
 * real HTTP), syncs, creates a unit, joins it, adds a supplier and a contract, and sends a test mail. Every
 * empty screen on the way is photographed. Run on the dev class path and on the production jar.
 */
abstract class FreshInstallJourney extends BrowserTest {

    static final String ADMIN = "itadmin";
    static final String PASSWORD = "fresh-install-secret-24";
    static final Path FEED = Path.of("sample-data/register-star.csv");

    /** The register the administrator points the app at, and the SMTP server its test mail goes to. */
    static LocalRegisterServer register;

    static GreenMail smtp;

    @AfterAll
    static void stopRegisterAndMail() {
        if (register != null) {
            register.close();
            register = null;
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    static Locator dialogField(Page page, String label) {
        return page.locator("vaadin-dialog-overlay").getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    static void done(Page page, String step, boolean done) {
        assertThat(page.locator("#setup-step-" + step)).hasAttribute("data-done", String.valueOf(done));
    }

    /**
     * The whole journey on {@code page}, signed in as the initial administrator on the dashboard; screenshots
     * are named {@code shots + "01-…png"}.
     */
    void followTheChecklist(Page page, String shots) {
        assertThat(page.locator("#current-user")).isVisible();

        // the empty dashboard: the checklist, why no contracts are visible, no "all comply"
        assertThat(page.locator("#setup-panel")).containsText("7 項目中 0 項目完了");
        assertThat(page.locator("#setup-step-register")).containsText("台帳の取得元が設定されていません");
        // title, what was found and what to do, apart also where text is read without the styles
        assertThat(page.locator("#setup-step-orgUnits .setup-text"))
                .hasText("組織 現状：組織 0 件。 グループの会社と部署を作成してください（管理 → 組織とユーザー）。");
        assertThat(page.locator("#no-unit-hint")).containsText("どの組織にも所属していないため");
        assertThat(page.locator("body")).not().containsText("評価済みの契約はすべて適合しています");
        screenshot(page, shots + "01-dashboard-empty.png");

        // the register: never synced (not "older than 48 hours"), sync now disabled and why
        page.navigate(url("register"));
        assertThat(page.locator("#register-freshness")).containsText("まだ同期されていません");
        assertThat(page.locator("#register-freshness")).not().containsText("48");
        assertThat(page.locator("#register-sync-now")).isDisabled();
        assertThat(page.locator("#register-no-source")).containsText("取得元が設定されていないため");
        screenshot(page, shots + "02-register-no-source.png");

        // configure the ★ source: the local register server; test, then save
        page.locator("#register-no-source a").click();
        page.locator("#register-source-star-type").click();
        page.locator("vaadin-select-item").filter(text("HTTP フィード")).first().click();
        page.locator("#register-source-star-location input")
                .fill(register.url(FEED.getFileName().toString()).toString());
        screenshot(page, shots + "03-register-source.png");
        page.locator("#register-source-star-test").click();
        assertThat(page.locator("#register-source-star-result")).containsText("件を読み込みました");
        assertThat(page.locator("#register-source-star-result")).hasAttribute("data-ok", "true");
        page.locator("#register-source-star-save").click();
        assertThat(page.locator("vaadin-notification-card").filter(text("保存しました")))
                .hasCount(1);

        page.navigate(url("register"));
        assertThat(page.locator("#register-sync-now")).isEnabled();
        page.locator("#register-sync-now").click();
        // the register's very first load is one initial-load event (issue 17), so the notice says so
        assertThat(page.locator("vaadin-notification-card").filter(text("初回読み込み")))
                .not()
                .hasCount(0);

        // an organisation unit, and the administrator in it
        page.navigate(url("admin"));
        assertThat(page.locator("#org-unit-create")).isVisible();
        assertThat(page.locator("#org-unit-empty")).containsText("組織はまだありません");
        screenshot(page, shots + "04-organisation-empty.png");
        page.locator("#org-unit-create").click();
        dialogField(page, "コード").fill("HQ");
        dialogField(page, "名称").fill("本社 購買部");
        page.locator("vaadin-dialog-overlay vaadin-button").filter(text("保存")).click();
        assertThat(page.locator("#org-unit-tree")).containsText("本社 購買部");
        page.locator("#membership-grid vaadin-button")
                .filter(text("編集"))
                .first()
                .click();
        page.locator("vaadin-dialog-overlay vaadin-multi-select-combo-box input")
                .fill("本社");
        page.locator("vaadin-multi-select-combo-box-item")
                .filter(text("本社 購買部"))
                .first()
                .click();
        page.locator("vaadin-dialog-overlay vaadin-button").filter(text("保存")).click();
        assertThat(page.locator("#membership-grid")).containsText("本社 購買部");

        // the empty supplier list says how to add or import; add one that the register knows
        page.navigate(url("suppliers"));
        assertThat(page.locator("#supplier-list-empty")).containsText("取引先を追加");
        screenshot(page, shots + "05-suppliers-empty.png");
        page.locator("#supplier-create").click();
        dialogField(page, "取引先名").fill("株式会社ミナトデンソー");
        dialogField(page, "法人番号").fill("1010001202543");
        page.locator("#supplier-save").click();
        assertThat(page.locator(".view-toolbar h2")).containsText("株式会社ミナトデンソー");

        // the empty contract list, then a contract for that supplier
        page.navigate(url("contracts"));
        assertThat(page.locator("#contract-list-empty")).containsText("契約を追加");
        screenshot(page, shots + "06-contracts-empty.png");
        page.locator("#contract-create").click();
        page.locator("#contract-number input").fill("FRESH-0001");
        page.locator("#contract-title input").fill("初めての契約");
        page.locator("#contract-supplier input").fill("ミナトデンソー");
        page.locator("vaadin-combo-box-item")
                .filter(text("株式会社ミナトデンソー"))
                .first()
                .click();
        page.locator("#contract-unit").click();
        page.locator("vaadin-select-item").filter(text("本社 購買部")).first().click();
        for (String question : new String[] {"#chart-q1", "#chart-q2", "#chart-q3"}) {
            page.locator(question + " vaadin-radio-button")
                    .filter(text("いいえ"))
                    .locator("input")
                    .check();
        }
        page.locator("#contract-save").click();
        assertThat(page.locator(".view-toolbar h2")).containsText("FRESH-0001");

        // a test mail through real SMTP
        page.navigate(url("admin/setup"));
        page.locator("#setup-test-mail-to input").fill("itadmin@example.jp");
        page.locator("#setup-send-test").click();
        assertThat(page.locator("vaadin-notification-card").filter(text("送信しました")))
                .hasCount(1);
        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).hasSize(1);

        // the checklist: everything but other users is done; the dashboard shows a first evaluated contract
        done(page, "register", true);
        done(page, "orgUnits", true);
        done(page, "users", false);
        done(page, "suppliers", true);
        done(page, "contracts", true);
        done(page, "alerts", true);
        done(page, "ownUnit", true);
        assertThat(page.locator("#setup-progress")).hasText("7 項目中 6 項目完了");
        screenshot(page, shots + "07-checklist.png");

        page.navigate(url(""));
        assertThat(page.locator("#kpis")).isVisible();
        assertThat(page.locator("#kpi-contracts .kpi-value")).hasText("1");
        assertThat(page.locator("#kpi-contracts")).containsText("すべて評価済み");
        assertThat(page.locator("#no-unit-hint")).hasCount(0);
        assertThat(page.locator("#setup-panel")).isVisible();
        screenshot(page, shots + "08-dashboard-first-contract.png");
    }
}
