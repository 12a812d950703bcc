package jp.hoshimi.shared.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.Test;

class NavigationTest extends KaribuTest {

    private List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void procurement_sees_the_working_views_but_not_admin() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate("suppliers");

        assertThat(navigationLabels())
                .containsExactly(
                        "ダッシュボード",
                        "取引先チェック",
                        "取引先",
                        "指摘一覧",
                        "契約",
                        "更新見通し",
                        "依頼",
                        "例外承認",
                        "登録台帳",
                        "取り込み",
                        "通知",
                        "送信メール（開発用）");
    }

    @Test
    void an_administrator_also_sees_admin() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("suppliers");

        assertThat(navigationLabels()).contains("管理");
        UI.getCurrent().navigate("admin");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .anyMatch(target -> target.getClass().getName().startsWith("jp.hoshimi.admin.ui.AdminView"));
    }

    @Test
    void an_auditor_sees_the_import_history_and_the_settings_read_only_but_not_admin() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate("");

        assertThat(navigationLabels()).doesNotContain("管理").contains("ダッシュボード", "取引先", "取り込み", "設定", "監査ログ");
    }

    @Test
    void procurement_opening_admin_by_url_does_not_get_the_admin_view() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate("admin");

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(target -> target.getClass().getName().startsWith("jp.hoshimi.admin.ui.AdminView"));
    }

    @Test
    void the_navigation_and_header_follow_the_language() {
        signInAs(Locale.ENGLISH, Role.RISK_MANAGER);
        UI.getCurrent().navigate("suppliers");

        assertThat(navigationLabels())
                .containsExactly(
                        "Dashboard",
                        "Supplier check",
                        "Suppliers",
                        "Findings",
                        "Contracts",
                        "Renewal outlook",
                        "Requests",
                        "Exceptions",
                        "Register",
                        "Imports",
                        "Alerts",
                        "Settings",
                        "Sent mail (dev)");
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText())
                .isEqualTo("Karibu Tester");
    }
}
